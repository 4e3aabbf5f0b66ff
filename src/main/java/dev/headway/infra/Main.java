package dev.headway.infra;

import com.pulumi.deployment.internal.DeploymentImpl;
import dev.headway.infra.adopt.AdoptMap;
import dev.headway.infra.adopt.ImportIds;
import dev.headway.infra.cli.AsyncPool;
import dev.headway.infra.cli.HeadwayCli;
import dev.headway.infra.config.ConfigError;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.config.Settings;
import dev.headway.infra.config.SettingsLoader;
import dev.headway.infra.launcher.EngineProgram;
import dev.headway.infra.launcher.TunedJvm;
import dev.headway.infra.synth.RecordingEngine;

import java.io.PrintStream;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * One jar, two roles. Started by the Pulumi engine (no arguments, the engine's environment set),
 * it runs the stack program; with arguments it is the {@code headway-infra} CLI, which first moves
 * to a JVM tuned for short runs when {@code java} was started without options ({@link TunedJvm}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), DeploymentImpl.DeploymentState::fromEnvironment, System.out, System.err));
    }

    /**
     * The role and its exit code: no arguments and {@code PULUMI_MONITOR} set is the engine's program run
     * (against the engine {@code engine} connects to); anything else is the CLI.
     */
    static int run(String[] args, Map<String, String> env, Supplier<DeploymentImpl.DeploymentState> engine,
                   PrintStream out, PrintStream err) {
        if (args.length == 0 && env.containsKey("PULUMI_MONITOR")) {
            return runProgram(env, engine, err);
        }
        OptionalInt relaunched = TunedJvm.relaunch(args);
        if (relaunched.isPresent()) {
            return relaunched.getAsInt();
        }
        AsyncPool.useCommonPool();
        return HeadwayCli.run(args, out, err);
    }

    /**
     * The Pulumi program against the engine {@code engine} connects to, returning the exit code: all
     * config is validated first, so a bad value stops here, before any resource.
     */
    public static int runProgram(Map<String, String> env, Supplier<DeploymentImpl.DeploymentState> engine, PrintStream err) {
        Settings settings = engineSettings(env, err);
        if (settings == null) {
            return UserError.USAGE;
        }
        return EngineProgram.run(engine.get(), env, ctx -> HeadwayStack.declare(ctx, settings));
    }

    /**
     * The settings from the engine's environment ({@code PULUMI_CONFIG}); on a bad value, prints the
     * same one line the CLI prints and returns null.
     */
    static Settings engineSettings(Map<String, String> env, PrintStream err) {
        try {
            // The language host passes the stack's name as PULUMI_STACK (pulumi/pulumi-java
            // pkg/cmd/pulumi-language-java/main.go, constructEnv: maybeAppendEnv("stack", req.GetStack())),
            // the short name: the engine sends Target.Name, the organization apart (pulumi/pulumi
            // pkg/resource/deploy/source_eval.go, langhost.Run(plugin.RunInfo{Stack: ...Target.Name.String(),
            // Organization: ...})). It is the environment, so it is never guessed.
            RawConfig raw = RawConfig.fromEngineEnvironment(env);
            String stack = env.get("PULUMI_STACK");
            if (stack == null || stack.isBlank()) {
                throw new ConfigError("PULUMI_STACK", "the stack's name from the Pulumi engine (run through pulumi up -s <stack>)", "nothing");
            }
            Settings settings = SettingsLoader.load(stack, raw);
            if (!settings.adopt().isEmpty()) {
                // headway:adopt names plan resources, so it is checked against the plan (an offline synth, the
                // mapping applied) before the engine sees any resource: a bad mapping never half-deploys
                AdoptMap.resolve(RecordingEngine.run(HeadwayStack.PROJECT, stack, raw, ctx -> HeadwayStack.declare(ctx, settings)),
                        settings.adopt(), ImportIds.get());
            }
            return settings;
        } catch (UserError e) {
            err.println("headway-infra: " + e.getMessage().lines().findFirst().orElse(""));
            return null;
        }
    }
}
