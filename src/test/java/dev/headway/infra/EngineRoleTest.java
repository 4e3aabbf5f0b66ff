package dev.headway.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.launcher.EngineProgram;
import dev.headway.infra.launcher.EngineStandIn;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.RecordingEngine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jar's two roles, decided in {@link Main}: started by the language host (no arguments,
 * {@code PULUMI_MONITOR} set) it is the stack program and sends the reviewed plan to the engine;
 * otherwise it is the CLI. Run in this JVM against the engine stand-in on loopback, with the
 * environment the language host sets ({@code EngineProcessIT} starts the packaged jar the same way).
 */
class EngineRoleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, String out, String err, EngineStandIn engine, RawConfig config) {
    }

    /** Runs {@code Main} with {@code args} against a fresh engine for the dev stack, its config edited by {@code edit}. */
    private static Run run(String[] args, UnaryOperator<Map<String, String>> edit) throws Exception {
        return run(args, edit, env -> env);
    }

    /** ... and the language host's environment edited by {@code editEnv}. */
    private static Run run(String[] args, UnaryOperator<Map<String, String>> edit, UnaryOperator<Map<String, String>> editEnv) throws Exception {
        RawConfig committed = ConfigFile.read(Path.of("Pulumi.dev.yaml"));
        Map<String, String> config = edit.apply(new TreeMap<>(committed.values()));
        RawConfig raw = new RawConfig(config, committed.secretKeys());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (EngineStandIn engine = new EngineStandIn(HeadwayStack.PROJECT, "dev", committed.values().get("gcp:project"), committed.values().get("gcp:region"))) {
            Map<String, String> env = editEnv.apply(new HashMap<>(engine.environment("organization", false,
                    JSON.writeValueAsString(config), JSON.writeValueAsString(committed.secretKeys()))));
            int exit = Main.run(args, env, () -> EngineProgram.stateFrom(env),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), engine, raw);
        }
    }

    @Test
    void startedByTheEngineItSendsTheReviewedPlan() throws Exception {
        Run r = run(new String[0], c -> c);
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of(), r.engine().errors());
        assertEquals(Files.readString(Path.of("stacks", "dev.plan.json")),
                PlanJson.write(RecordingEngine.plan(HeadwayStack.PROJECT, "dev", r.config(), r.engine().registrations(), r.engine().stackOutputs())));
    }

    @Test
    void aBadConfigValueStopsBeforeAnyResourceWithOneLineAndTheUsageExit() throws Exception {
        Run r = run(new String[0], c -> {
            c.put("headway:poller.pollIntervalSeconds", "5");
            return c;
        });
        assertEquals(UserError.USAGE, r.exit());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("headway-infra: ") && r.err().contains("headway:poller.pollIntervalSeconds"), r.err());
        assertEquals(List.of(), r.engine().registrations(), "nothing is half-applied");
    }

    @Test
    void withoutTheStacksNameTheProgramStopsWithOneLine() throws Exception {
        Run r = run(new String[0], c -> c, env -> {
            env.remove("PULUMI_STACK");
            return env;
        });
        assertEquals(UserError.USAGE, r.exit());
        assertTrue(r.err().startsWith("headway-infra: config PULUMI_STACK: "), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertEquals(List.of(), r.engine().registrations());
    }

    @Test
    void aBlankStackNameIsNoName() throws Exception {
        Run r = run(new String[0], c -> c, env -> {
            env.put("PULUMI_STACK", " ");
            return env;
        });
        assertEquals(UserError.USAGE, r.exit());
        assertTrue(r.err().startsWith("headway-infra: config PULUMI_STACK: "), r.err());
    }

    @Test
    void whenTheEngineIsGoneTheProgramFailsInsteadOfReportingSuccess() throws Exception {
        Run r = run(new String[0], c -> c, env -> {
            env.put("PULUMI_MONITOR", "127.0.0.1:1"); // nothing listens there: every registration fails
            return env;
        });
        assertNotEquals(0, r.exit(), "a program whose registrations failed must not exit 0: the engine would take the run as complete");
        assertEquals(List.of(), r.engine().registrations());
    }

    @Test
    void anAdoptMappingIsCheckedAgainstThePlanBeforeAnyResource() throws Exception {
        Run bad = run(new String[0], c -> {
            c.put("headway:adopt", "{\"hw-dev-fed\":\"legacy-feed\"}");
            return c;
        });
        assertEquals(UserError.USAGE, bad.exit());
        assertTrue(bad.err().contains("headway:adopt.hw-dev-fed"), bad.err());
        assertEquals(List.of(), bad.engine().registrations());

        Run good = run(new String[0], c -> {
            c.put("headway:adopt", "{\"hw-dev-feed-dead-letter\":\"hw-dev-feed-dlq\"}");
            return c;
        });
        assertEquals(0, good.exit(), good.err());
        assertTrue(good.engine().registrations().stream().anyMatch(g -> g.request().getObject().getFieldsMap().containsKey("name")
                        && g.request().getObject().getFieldsOrThrow("name").getStringValue().equals("hw-dev-feed-dlq")),
                "the mapped topic is declared with its existing name");
    }

    @Test
    void withArgumentsTheJarIsTheCliEvenUnderTheEngine() throws Exception {
        Run r = run(new String[]{"--version"}, c -> c);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("headway-infra "), r.out());
        assertEquals(List.of(), r.engine().registrations());
    }

    @Test
    void withoutTheEnginesMonitorTheJarIsTheCli() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(new String[]{"synth", "qa"}, Map.of(), () -> {
            throw new AssertionError("no engine in the CLI role");
        }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(UserError.USAGE, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Pulumi.qa.yaml"), err.toString(StandardCharsets.UTF_8));
    }
}
