package dev.headway.infra;

import com.pulumi.Pulumi;
import dev.headway.infra.cli.HeadwayCli;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.config.Settings;
import dev.headway.infra.config.SettingsLoader;

import java.util.Map;

/**
 * One jar, two roles. Started by the Pulumi engine (no arguments, the engine's environment set),
 * it runs the stack program; with arguments it is the {@code headway-infra} CLI.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        if (args.length == 0 && env.containsKey("PULUMI_MONITOR")) {
            runProgram(env);
            return;
        }
        System.exit(HeadwayCli.run(args, System.out, System.err));
    }

    /** The Pulumi program: validate all config first; a bad value stops here, before any resource. */
    private static void runProgram(Map<String, String> env) {
        Settings settings;
        try {
            settings = SettingsLoader.load(env.getOrDefault("PULUMI_STACK", "dev"), RawConfig.fromEngineEnvironment(env));
        } catch (UserError e) {
            System.err.println("headway-infra: " + e.getMessage());
            System.exit(e.exitCode());
            return;
        }
        Pulumi.run(ctx -> HeadwayStack.declare(ctx, settings));
    }
}
