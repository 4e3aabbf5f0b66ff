package dev.headway.infra.launcher;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.HeadwayStack;
import dev.headway.infra.Main;
import dev.headway.infra.cli.AsyncPool;
import dev.headway.infra.cli.HeadwayCli;
import dev.headway.infra.cli.Stacks;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.RecordingEngine;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The run {@code mvn package} records the class data archive from ({@code -XX:ArchiveClassesAtExit}):
 * the CLI's offline commands on both committed stacks, then the program in the engine role (what
 * {@code pulumi up} starts) against an in-process engine, in one JVM, so the archive holds what both
 * roles load. It never fails the build: a plan that differs from the reviewed one or a violated policy
 * is a result, not an error, and a command that errors only leaves some of its classes out of the
 * archive (it says so on stderr).
 */
public final class ArchiveTraining {
    static final List<List<String>> COMMANDS = List.of(
            List.of("synth", "dev", "--format", "json"),
            List.of("synth", "prod"),
            List.of("synth", "dev", "--format", "markdown"),
            List.of("synth", "dev", "--format", "cost"),
            List.of("synth", "dev", "--format", "critical-path"),
            List.of("synth", "dev", "--format", "mermaid"),
            List.of("diff", "dev"),
            List.of("check", "dev"),
            List.of("--help"));
    /** The stack the engine role is trained on. */
    static final String ENGINE_STACK = "dev";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        AsyncPool.useCommonPool();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> command : COMMANDS) {
            int code = HeadwayCli.run(command.toArray(String[]::new), discard, System.err);
            if (code > 1) {
                System.err.println("headway-infra: class data archive: `" + String.join(" ", command)
                        + "` exited " + code + "; the archive may miss some of its classes");
            }
        }
        try {
            int code = engineRole(ENGINE_STACK).exit();
            if (code != 0) {
                System.err.println("headway-infra: class data archive: the engine role on " + ENGINE_STACK + " exited " + code
                        + "; the archive may miss some of its classes");
            }
        } catch (RuntimeException | IOException | InterruptedException e) {
            System.err.println("headway-infra: class data archive: the engine role on " + ENGINE_STACK + " failed (" + e
                    + "); the archive may miss some of its classes");
        }
        System.exit(0);
    }

    /** What one run of the program in the engine role did: its exit code and what the engine received. */
    record EngineRun(int exit, Plan plan, List<String> errors) {
    }

    /**
     * Runs the program as the engine runs it ({@link Main#runProgram}), for {@code stack}'s committed
     * config, against an {@link EngineStandIn} on loopback: the SDK's own gRPC clients, the environment
     * the language host sets. Only how the SDK's deployment state is made differs: from that
     * environment here, from the process's own in the engine role.
     */
    static EngineRun engineRole(String stack) throws IOException, InterruptedException {
        RawConfig raw = ConfigFile.read(Stacks.configFile(stack, null));
        try (EngineStandIn engine = new EngineStandIn(HeadwayStack.PROJECT, stack, raw.values().getOrDefault("gcp:project", ""),
                raw.values().getOrDefault("gcp:region", ""))) {
            Map<String, String> env = engine.environment("organization", false, json(raw.values()), json(raw.secretKeys()));
            int exit = Main.runProgram(env, () -> EngineProgram.stateFrom(env), System.err);
            return new EngineRun(exit, RecordingEngine.plan(HeadwayStack.PROJECT, stack, raw, engine.registrations(), engine.stackOutputs()),
                    engine.errors());
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
