package dev.headway.infra.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the CLI moves to a tuned JVM, and with what; the relaunch itself runs in {@code TunedJvmIT}. */
class TunedJvmTest {
    private static final String[] ARGS = {"synth", "dev", "--format", "json"};
    private static final Path JAVA = Path.of("/usr/lib/jvm/17/bin/java");

    @TempDir
    Path dir;

    private TunedJvm.Launch launch(Path jar, List<String> processArguments, Map<String, String> env) {
        return new TunedJvm.Launch(JAVA, true, Optional.ofNullable(jar), Optional.ofNullable(processArguments), env);
    }

    private Path jar(String name) throws IOException {
        return Files.writeString(dir.resolve(name), "jar");
    }

    /** headway-infra.jar and its archive beside it, with these modification times. */
    private Path jarWithArchive(long jarMillis, long archiveMillis) throws IOException {
        Path jar = jar("headway-infra.jar");
        Path jsa = Files.writeString(dir.resolve("headway-infra.jsa"), "archive");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(jarMillis));
        Files.setLastModifiedTime(jsa, FileTime.fromMillis(archiveMillis));
        return jar;
    }

    @Test
    void plainJavaDashJarRelaunchesWithC1TheFreshArchiveAndTheSameArguments() throws IOException {
        Path jar = jarWithArchive(1_000_000, 2_000_000);
        Path jsa = dir.resolve("headway-infra.jsa");

        List<String> cmd = TunedJvm.command(launch(jar, List.of("-jar", "target/headway-infra.jar", "synth", "dev"), Map.of()), ARGS).orElseThrow();

        assertEquals(JAVA.toString(), cmd.get(0));
        assertTrue(cmd.contains("-XX:TieredStopAtLevel=1"), cmd.toString());
        assertTrue(cmd.contains("-XX:SharedArchiveFile=" + jsa), cmd.toString());
        assertTrue(cmd.contains("-Dheadway.jvm=tuned"), "the child must not relaunch again: " + cmd);
        assertTrue(cmd.contains("-Xlog:all=warning,cds*=off:stderr"), "JVM warnings must not reach stdout: " + cmd);
        assertEquals(List.of("-cp", jar.toString(), "dev.headway.infra.Main", "synth", "dev", "--format", "json"),
                cmd.subList(cmd.size() - 7, cmd.size()));
    }

    @Test
    void anArchiveOlderThanTheJarIsLeftOutAndTheJvmIsStillTuned() throws IOException {
        Path jar = jarWithArchive(2_000_000, 1_000_000);

        List<String> cmd = TunedJvm.command(launch(jar, List.of("-jar", "x.jar"), Map.of()), ARGS).orElseThrow();

        assertTrue(cmd.stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")), cmd.toString());
        assertTrue(cmd.contains("-XX:TieredStopAtLevel=1"), cmd.toString());
    }

    @Test
    void noArchiveBesideTheJarMeansNone() throws IOException {
        assertEquals(Optional.empty(), TunedJvm.archive(jar("other.jar")));
    }

    @Test
    void theUsersJvmChoicesAndTheOptOutAreRespected() throws IOException {
        Path jar = jar("headway-infra.jar");
        List<String> plain = List.of("-jar", "headway-infra.jar", "synth", "dev");
        assertTrue(TunedJvm.command(launch(jar, plain, Map.of()), ARGS).isPresent());

        assertFalse(TunedJvm.command(launch(jar, List.of("-Xmx2g", "-jar", "headway-infra.jar"), Map.of()), ARGS).isPresent(),
                "JVM options on the command line");
        assertFalse(TunedJvm.command(launch(jar, plain, Map.of("JDK_JAVA_OPTIONS", "-Xmx2g")), ARGS).isPresent());
        assertFalse(TunedJvm.command(launch(jar, plain, Map.of("JAVA_TOOL_OPTIONS", "-Xmx2g")), ARGS).isPresent());
        assertFalse(TunedJvm.command(launch(jar, plain, Map.of("HEADWAY_TUNED_JVM", "0")), ARGS).isPresent());
        assertFalse(TunedJvm.command(launch(null, plain, Map.of()), ARGS).isPresent(), "classes not from a jar");
        assertFalse(TunedJvm.command(new TunedJvm.Launch(JAVA, false, Optional.of(jar), Optional.of(plain), Map.of()), ARGS).isPresent(),
                "not HotSpot: its flags would not apply");
        assertFalse(TunedJvm.command(launch(jar, null, Map.of()), ARGS).isPresent(), "arguments unknown");
        assertFalse(TunedJvm.command(launch(jar, List.of("-cp", "headway-infra.jar", "dev.headway.infra.Main"), Map.of()), ARGS).isPresent(),
                "started with -cp and a main class: the user chose how");
    }

    /** The Automation API commands hand the engine role the same JVM through the environment the language host passes on. */
    @Test
    void theEngineRoleGetsTheTunedOptionsThroughJdkJavaOptions() throws IOException {
        Path jar = jarWithArchive(1_000_000, 2_000_000);
        Map<String, String> env = TunedJvm.engineEnvironment(Optional.of(jar), Map.of("PATH", "/usr/bin"));
        String options = env.get("JDK_JAVA_OPTIONS");
        assertTrue(options.contains("-XX:TieredStopAtLevel=1") && options.contains("-XX:SharedArchiveFile=" + dir.resolve("headway-infra.jsa")), options);
        assertTrue(options.contains("-Xlog:all=warning,cds*=off:stderr"), options);
        assertEquals(1, env.size(), "nothing else is set: " + env);
    }

    @Test
    void theEngineRoleKeepsTheUsersJvmChoicesAndTheOptOut() throws IOException {
        Path jar = jar("headway-infra.jar");
        assertEquals(Map.of(), TunedJvm.engineEnvironment(Optional.of(jar), Map.of("JAVA_TOOL_OPTIONS", "-Xmx1g")));
        assertEquals(Map.of(), TunedJvm.engineEnvironment(Optional.of(jar), Map.of("JDK_JAVA_OPTIONS", "-Xss2m")));
        assertEquals(Map.of(), TunedJvm.engineEnvironment(Optional.of(jar), Map.of("HEADWAY_TUNED_JVM", "0")));
        assertEquals(Map.of(), TunedJvm.engineEnvironment(Optional.empty(), Map.of()), "classes not from a jar (tests, IDE)");
    }
}
