package dev.headway.infra.launcher;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
        // with the tuned JVM's own flags: the archive must map under its collector too
        List<String> args = new ArrayList<>(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + ARCHIVE));
        args.addAll(TunedJvm.FLAGS);
        args.addAll(List.of("-cp", JAR.toString(), "dev.headway.infra.Main", "--version"));
        Run run = java(Map.of(), args.toArray(String[]::new));
        assertEquals(0, run.code(), run.out() + run.err());
        assertTrue(run.out().startsWith("headway-infra "), run.out());
    }

    @Test
    void badInputGetsTheChildsOneLineAndExitCode() throws Exception {
        Run run = java(Map.of(), "-jar", JAR.toString(), "synth", "qa");   // no Pulumi.qa.yaml
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

    @Test
    void stoppingTheProcessTheUserStartedStopsTheTunedJvm() throws Exception {
        // a stand-in pulumi that hangs, so `preview` keeps the tuned JVM busy until it is stopped
        Path bin = Files.createTempDirectory("hanging-pulumi");
        Path pulumi = Files.writeString(bin.resolve("pulumi"), "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(pulumi, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "preview", "dev").redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process first = pb.start();
        List<ProcessHandle> tree = new ArrayList<>();
        try {
            awaitDescendant(first, "sleep"); // pulumi is running, and hangs
            first.descendants().forEach(tree::add);
            List<ProcessHandle> jvms = tree.stream().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).toList();
            assertEquals(1, jvms.size(), "one tuned JVM under the first: " + jvms);
            ProcessHandle tuned = jvms.get(0);
            assertTrue(tuned.info().arguments().map(a -> List.of(a).contains("-Dheadway.jvm=tuned")).orElse(false),
                    "pulumi runs under the tuned JVM: " + tuned.info());

            first.destroy(); // TERM, as CI or a terminal's kill sends
            first.onExit().get(20, TimeUnit.SECONDS);
            tuned.onExit().get(20, TimeUnit.SECONDS);
            assertFalse(tuned.isAlive());
        } finally {
            first.destroyForcibly();
            tree.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static ProcessHandle awaitDescendant(Process p, String command) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            var found = p.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/" + command)).orElse(false)).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no " + command + " process under " + p.pid());
    }
}
