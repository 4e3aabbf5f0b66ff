package dev.headway.infra.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The packaged jar, run as a user runs it: {@code java -jar target/headway-infra.jar ...}. */
class TunedJvmIT {
    private static final Path JAR = Path.of("target/headway-infra.jar").toAbsolutePath();
    private static final Path ARCHIVE = Path.of("target/headway-infra.jsa").toAbsolutePath();

    private record Run(int code, String out, String err) {
    }

    private static Run java(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("tuned", ".out");
        Path err = Files.createTempFile("tuned", ".err");
        int code = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
        return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void synthOfDevOnTheTunedJvmPrintsTheReviewedPlanAndNothingElse() throws Exception {
        Run run = java(Map.of(), "-jar", JAR.toString(), "synth", "dev", "--format", "json");
        assertEquals(0, run.code(), run.err());
        assertEquals(Files.readString(Path.of("stacks/dev.plan.json")), run.out());
        assertEquals("", run.err());
    }

    @Test
    void theRelaunchedJvmRunsC1WithTheArchiveThatPackageWrote() throws Exception {
        Run run = java(Map.of("HEADWAY_TIMING", "1"), "-jar", JAR.toString(), "synth", "dev");
        assertEquals(0, run.code(), run.err());
        String options = run.err().lines().filter(l -> l.contains("JVM options:")).findFirst().orElseThrow();
        assertTrue(options.contains("-XX:TieredStopAtLevel=1"), options);
        assertTrue(options.contains("-XX:SharedArchiveFile=" + ARCHIVE), options);
    }

    @Test
    void theArchiveMapsForThisJar() throws Exception {
        // -Xshare:on fails instead of silently running without the archive
        Run run = java(Map.of(), "-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE, "-XX:TieredStopAtLevel=1",
                "-cp", JAR.toString(), "dev.headway.infra.Main", "--version");
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().startsWith("headway-infra "), run.out());
    }

    @Test
    void badInputGetsTheChildsOneLineAndExitCode() throws Exception {
        Run run = java(Map.of(), "-jar", JAR.toString(), "synth", "staging");
        assertEquals(2, run.code(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("headway-infra: "), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void theOptOutRunsInTheJvmJavaStarted() throws Exception {
        Run run = java(Map.of("HEADWAY_TIMING", "1", "HEADWAY_TUNED_JVM", "0"), "-jar", JAR.toString(), "synth", "dev");
        assertEquals(0, run.code(), run.err());
        String options = run.err().lines().filter(l -> l.contains("JVM options:")).findFirst().orElseThrow();
        assertFalse(options.contains("TieredStopAtLevel"), options);
    }
}
