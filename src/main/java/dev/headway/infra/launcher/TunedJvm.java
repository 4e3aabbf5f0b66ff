package dev.headway.infra.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Starts the CLI on a JVM set up for a short run, because a jar cannot pass JVM flags to itself.
 *
 * <p>{@code java -jar headway-infra.jar synth dev} spends most of its time starting up: loading and
 * verifying a few thousand classes from a 130 MB jar, and the C2 compiler taking one of two cores
 * to optimize code the run then leaves. When {@code java} was started without JVM options, the CLI
 * starts itself again, once, with:
 * <ul>
 *   <li>{@code -XX:TieredStopAtLevel=1}: C1 only, right for a run of a second or two;</li>
 *   <li>{@code -XX:SharedArchiveFile=headway-infra.jsa}: the class data archive {@code mvn package}
 *       writes beside the jar (the classes the CLI's offline commands load, parsed and verified
 *       ahead of time), when it is newer than the jar; the JVM checks it too, and ignores it
 *       silently if it does not match;</li>
 *   <li>the JVM's own warnings on stderr, so stdout stays the command's output.</li>
 * </ul>
 * Standard streams are inherited and the exit code is passed through. The relaunch is skipped, and
 * the CLI runs in the JVM {@code java} started, when: the JVM is not HotSpot (the flags are
 * HotSpot's), JVM options were given (on the command line,
 * in {@code JDK_JAVA_OPTIONS} or {@code JAVA_TOOL_OPTIONS}), {@code HEADWAY_TUNED_JVM=0}, the classes
 * do not come from a jar (tests, IDE), or the child cannot be started. The engine role (a Pulumi
 * program started by {@code pulumi up}) never relaunches: it gets these options through the
 * environment when the Automation API commands start {@code pulumi} ({@link #engineEnvironment}).
 */
public final class TunedJvm {
    /** Set in the relaunched JVM, so it does not relaunch again. */
    static final String MARKER = "headway.jvm";
    /** {@code HEADWAY_TUNED_JVM=0} runs the CLI in the JVM {@code java} started. */
    static final String OPT_OUT = "HEADWAY_TUNED_JVM";
    static final List<String> FLAGS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-Xlog:disable", "-Xlog:all=warning,cds*=off:stderr");

    private TunedJvm() {
    }

    /** What the relaunch decision looks at; {@link #current} reads it from this process. */
    record Launch(Path java, boolean hotSpot, Optional<Path> jar, Optional<List<String>> processArguments,
                  Map<String, String> env) {
    }

    /**
     * Relaunches the CLI with {@code args} on a tuned JVM and returns its exit code, or empty when it
     * should (or could) not, and the caller runs the CLI itself.
     */
    public static OptionalInt relaunch(String[] args) {
        if (System.getProperty(MARKER) != null) {
            return OptionalInt.empty(); // this is the tuned JVM already
        }
        Optional<List<String>> command = command(current(), args);
        if (command.isEmpty()) {
            return OptionalInt.empty();
        }
        Process child;
        try {
            child = new ProcessBuilder(command.get()).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            return OptionalInt.empty();
        }
        // A TERM or INT to this process (the one the user or CI started) reaches the child too.
        Thread stop = new Thread(child::destroy, "headway-stop-child");
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            int code = child.waitFor();
            Runtime.getRuntime().removeShutdownHook(stop);
            return OptionalInt.of(code);
        } catch (InterruptedException e) {
            child.destroy();
            Thread.currentThread().interrupt();
            return OptionalInt.of(130);
        } catch (IllegalStateException e) {
            // shutting down already: the hook stops the child
            return OptionalInt.of(130);
        }
    }

    /** The command that relaunches the CLI, or empty when the CLI should run in this JVM. */
    static Optional<List<String>> command(Launch launch, String[] args) {
        Map<String, String> env = launch.env();
        if (!launch.hotSpot() || "0".equals(env.get(OPT_OUT)) || userChoseJvmOptions(env)) {
            return Optional.empty();
        }
        if (launch.jar().isEmpty() || launch.processArguments().isEmpty() || !plainJar(launch.processArguments().get())) {
            return Optional.empty();
        }
        Path jar = launch.jar().get();
        List<String> cmd = new ArrayList<>();
        cmd.add(launch.java().toString());
        cmd.addAll(jvmOptions(jar));
        cmd.add("-D" + MARKER + "=tuned");
        cmd.addAll(List.of("-cp", jar.toString(), "dev.headway.infra.Main"));
        cmd.addAll(List.of(args));
        return Optional.of(cmd);
    }

    /** Read by the {@code java} launcher (JDK 9+), which is what pulumi-language-java runs for a {@code binary} jar. */
    static final String LAUNCHER_OPTIONS = "JDK_JAVA_OPTIONS";

    /**
     * The environment that gives the engine role the tuned JVM, for the {@code pulumi} process that
     * {@code headway-infra preview|up|destroy|refresh} starts. pulumi-language-java starts the jar as
     * {@code java -jar <binary>} with no way to add JVM options in {@code Pulumi.yaml}, but with its own
     * environment ({@code os.Environ()}) passed on (pulumi/pulumi-java
     * {@code pkg/cmd/pulumi-language-java/main.go}, {@code constructEnv}); so the options travel as
     * {@code JDK_JAVA_OPTIONS}, in that one process tree only, and the program stays one process.
     * Empty when the user chose JVM options or opted out, as for the CLI's relaunch.
     */
    public static Map<String, String> engineEnvironment() {
        return engineEnvironment(ownJar(), System.getenv());
    }

    public static Map<String, String> engineEnvironment(Optional<Path> jar, Map<String, String> env) {
        if (jar.isEmpty() || "0".equals(env.get(OPT_OUT)) || userChoseJvmOptions(env)) {
            return Map.of();
        }
        return Map.of(LAUNCHER_OPTIONS, String.join(" ", jvmOptions(jar.get())));
    }

    private static boolean userChoseJvmOptions(Map<String, String> env) {
        return env.containsKey(LAUNCHER_OPTIONS) || env.containsKey("JAVA_TOOL_OPTIONS");
    }

    /** The tuned JVM's options for {@code jar}: C1 only, its class data archive if fresh, warnings on stderr. */
    public static List<String> jvmOptions(Path jar) {
        List<String> options = new ArrayList<>(FLAGS);
        archive(jar).ifPresent(jsa -> options.add("-XX:SharedArchiveFile=" + jsa));
        return options;
    }

    /** {@code java -jar <jar> <args...>}, nothing else: the user chose no JVM options. */
    private static boolean plainJar(List<String> processArguments) {
        return processArguments.size() >= 2 && processArguments.get(0).equals("-jar");
    }

    /** The class data archive beside the jar ({@code x.jar} -> {@code x.jsa}), if it is not older than the jar. */
    static Optional<Path> archive(Path jar) {
        String name = jar.getFileName().toString();
        Path jsa = jar.resolveSibling(name.substring(0, name.length() - ".jar".length()) + ".jsa");
        try {
            if (Files.isRegularFile(jsa)
                    && Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return Optional.of(jsa);
            }
        } catch (IOException e) {
            // unreadable: run without it
        }
        return Optional.empty();
    }

    private static Launch current() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        Path java = info.command().map(Path::of)
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java"));
        // "OpenJDK 64-Bit Server VM", "Java HotSpot(TM) 64-Bit Server VM"; not "Eclipse OpenJ9 VM"
        String vm = System.getProperty("java.vm.name", "");
        boolean hotSpot = vm.contains("HotSpot") || vm.endsWith("Server VM") || vm.endsWith("Client VM");
        return new Launch(java, hotSpot, ownJar(), info.arguments().map(List::of), System.getenv());
    }

    private static Optional<Path> ownJar() {
        try {
            Path p = Path.of(TunedJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".jar") ? Optional.of(p) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
