package dev.headway.infra;

import dev.headway.infra.config.RawConfig;
import dev.headway.infra.launcher.EngineStandIn;
import dev.headway.infra.launcher.TunedJvm;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.RecordingEngine;
import dev.headway.infra.testing.LanguageHost;
import dev.headway.infra.testing.LanguageHost.CliConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine role end to end: the packaged jar started as a separate process exactly as
 * pulumi-language-java starts a {@code binary} jar ({@link LanguageHost}), with the stack's config
 * serialized as the CLI serializes it, talking gRPC to an engine stand-in ({@link EngineStandIn}).
 * What the engine receives must be the reviewed plan, byte for byte through the same plan model.
 */
class EngineProcessIT {
    private static final Path PROJECT = Path.of(".").toAbsolutePath().normalize();
    private static final String BINARY = "target/headway-infra.jar"; // Pulumi.yaml runtime.options.binary

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "staging"})
    void theEngineReceivesTheReviewedPlan(String stack) throws Exception {
        CliConfig config = CliConfig.fromStackFile(PROJECT.resolve("Pulumi." + stack + ".yaml"));
        Result r = up(stack, config, Map.of());
        assertEquals(0, r.exit, "exit code; stderr:\n" + r.err);
        assertEquals(List.of(), r.engine.errors(), "errors the program logged");
        Plan plan = RecordingEngine.plan("headway", stack, rawConfig(config), r.engine.registrations(), r.engine.stackOutputs());
        assertEquals(Files.readString(PROJECT.resolve("stacks/" + stack + ".plan.json")), PlanJson.write(plan),
                "what the engine received differs from stacks/" + stack + ".plan.json");
    }

    /** A bad value under the engine: one line naming it, exit 2, and nothing reaches the engine. */
    @Test
    void badConfigStopsBeforeAnyResource() throws Exception {
        CliConfig config = CliConfig.fromStackFile(PROJECT.resolve("Pulumi.dev.yaml"));
        String poller = config.values().get("headway:poller").replace("\"machineType\"", "\"machinType\"");
        Result r = up("dev", config.with("headway:poller", poller), Map.of());
        assertEquals(2, r.exit, r.err);
        List<String> lines = r.err.lines().toList();
        assertEquals(1, lines.size(), "one line on stderr:\n" + r.err);
        assertTrue(lines.get(0).startsWith("headway-infra: config headway:poller.machinType: unknown key, did you mean headway:poller.machineType?"),
                lines.get(0));
        assertEquals(List.of(), r.engine.registrations(), "nothing registered");
    }

    /** The CLI's serialization itself: structured values arrive as Go's json.Marshal writes them. */
    @Test
    void structuredConfigIsSerializedAsTheCliDoes() throws IOException {
        CliConfig config = CliConfig.fromYaml("""
                config:
                  gcp:region: us-east1
                  headway:config:env: dev
                  headway:serving:
                    endpoints:
                      - name: a&b
                        samplingRate: 1.0
                    firestoreLocation: nam5
                  headway:batch:
                    cpu: "1"
                    enabled: false
                """, "headway:batch");
        assertEquals("{\"gcp:region\":\"us-east1\",\"headway:batch\":\"{\\\"cpu\\\":\\\"1\\\",\\\"enabled\\\":false}\","
                + "\"headway:env\":\"dev\",\"headway:serving\":\"{\\\"endpoints\\\":[{\\\"name\\\":\\\"a\\\\u0026b\\\",\\\"samplingRate\\\":1}],"
                + "\\\"firestoreLocation\\\":\\\"nam5\\\"}\"}", config.json());
        assertEquals("[\"headway:batch\"]", config.secretKeysJson());
        assertEquals("[]", CliConfig.fromYaml("config: {}").secretKeysJson());
    }

    /**
     * Start-up in the engine role, a measurement and not a test: from starting the process to the
     * last registration the engine receives, medians over N runs, for the jar as the language host
     * starts it and with JVM options in the environment the host passes on. Run with
     * {@code mvn -B -o verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=EngineProcessIT -Dheadway.engine.rounds=9};
     * {@code -Dheadway.engine.jvmOptions="<options>"} adds a case with those options in {@code JDK_JAVA_OPTIONS}.
     */
    @Test
    @EnabledIfSystemProperty(named = "headway.engine.rounds", matches = "\\d+")
    void startupTimings() throws Exception {
        int rounds = Integer.parseInt(System.getProperty("headway.engine.rounds"));
        CliConfig config = CliConfig.fromStackFile(PROJECT.resolve("Pulumi.dev.yaml"));
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("java -jar, as the language host starts it", Map.of());
        cases.put("JDK_JAVA_OPTIONS as headway-infra up sets it", TunedJvm.engineEnvironment(Optional.of(PROJECT.resolve(BINARY)), Map.of()));
        String options = System.getProperty("headway.engine.jvmOptions", "");
        if (!options.isBlank()) { // another JVM setup to compare in the same run, e.g. another class data archive
            cases.put("JDK_JAVA_OPTIONS=" + options, Map.of("JDK_JAVA_OPTIONS", options));
        }
        Map<String, List<Long>> toLast = new LinkedHashMap<>();
        Map<String, List<Long>> toExit = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        for (int i = 0; i < rounds; i++) {
            for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
                Result r = up("dev", config, c.getValue(), true);
                assertEquals(0, r.exit, r.err);
                toLast.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r.lastRegistrationMillis);
                toExit.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r.exitMillis);
                cpu.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).add(r.cpuMillis);
            }
        }
        System.out.printf("engine role, dev, %d alternating rounds, medians, %d cores, load average %.1f%n", rounds,
                Runtime.getRuntime().availableProcessors(), java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String k : cases.keySet()) {
            System.out.printf("  %-60s last registration %5d ms, exit %5d ms, CPU %5d ms%n", k,
                    median(toLast.get(k)), median(toExit.get(k)), median(cpu.get(k)));
        }
    }

    private record Result(int exit, String out, String err, EngineStandIn engine, long lastRegistrationMillis, long exitMillis, long cpuMillis) {
    }

    private static Result up(String stack, CliConfig config, Map<String, String> extraEnv) throws Exception {
        return up(stack, config, extraEnv, false);
    }

    /**
     * Runs the program as the language host does. {@code measureCpu} (the timing mode only) wraps the
     * command in GNU time ({@code /usr/bin/time}, Debian package {@code time}) for its user+system CPU.
     */
    private static Result up(String stack, CliConfig config, Map<String, String> extraEnv, boolean measureCpu) throws Exception {
        RawConfig raw = rawConfig(config);
        Path out = Files.createTempFile("engine-" + stack, ".out");
        Path err = Files.createTempFile("engine-" + stack, ".err");
        try (EngineStandIn engine = new EngineStandIn("headway", stack, raw.values().getOrDefault("gcp:project", "headway"),
                raw.values().getOrDefault("gcp:region", "us-central1"))) {
            ProcessBuilder pb = LanguageHost.processFor(PROJECT, BINARY, engine,
                    new LanguageHost.Run("organization", "headway", stack, false, 8, config));
            for (String inherited : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS", "HEADWAY_TIMING", "HEADWAY_DEBUG")) {
                pb.environment().remove(inherited); // this test's own JVM settings are not the user's
            }
            pb.environment().putAll(extraEnv);
            Path cpu = Files.createTempFile("engine-" + stack, ".cpu");
            if (measureCpu && Files.isExecutable(Path.of("/usr/bin/time"))) {
                pb.command().addAll(0, List.of("/usr/bin/time", "-f", "%U %S", "-o", cpu.toString()));
            }
            pb.redirectOutput(out.toFile()).redirectError(err.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(180, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("the program did not finish in 180 s: " + Files.readString(err));
            }
            long exited = System.nanoTime();
            long last = engine.lastRegistrationNanos();
            String[] times = Files.readString(cpu).trim().split("\\s+");
            Files.deleteIfExists(cpu);
            long cpuMillis = times.length == 2 ? Math.round((Double.parseDouble(times[0]) + Double.parseDouble(times[1])) * 1000) : -1;
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err), engine,
                    last == 0 ? -1 : (last - start) / 1_000_000, (exited - start) / 1_000_000, cpuMillis);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** What the program reads back from PULUMI_CONFIG: the plan's secret masking needs the same view. */
    private static RawConfig rawConfig(CliConfig config) {
        return RawConfig.fromEngineEnvironment(Map.of("PULUMI_CONFIG", config.json(), "PULUMI_CONFIG_SECRET_KEYS", config.secretKeysJson()));
    }

    private static long median(List<Long> xs) {
        long[] s = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return s[s.length / 2];
    }
}
