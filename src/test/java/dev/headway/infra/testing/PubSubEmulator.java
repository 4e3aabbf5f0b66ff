package dev.headway.infra.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * gcloud's real Pub/Sub emulator on a free loopback port, for tests. Start with {@link #start()},
 * stop with {@link #close()} (try-with-resources, or a JUnit {@code @AfterAll}).
 * Clients reach it through {@link #hostPort()} (what {@code PUBSUB_EMULATOR_HOST} would hold).
 */
public final class PubSubEmulator implements AutoCloseable {
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Path log;

    private PubSubEmulator(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static PubSubEmulator start() throws IOException, InterruptedException {
        Path launcher = sdkRoot().resolve("platform/pubsub-emulator/bin/cloud-pubsub-emulator");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("Pub/Sub emulator not found at " + launcher
                    + "; install the Google Cloud CLI with its pubsub-emulator component");
        }
        int port = freePort();
        Path log = Files.createTempFile("pubsub-emulator", ".log");
        // The emulator dies with this JVM, even a killed one (a timed-out mutation-testing minion, a
        // cancelled build): its stdin is a pipe from this JVM, and the shell kills the emulator (the
        // launcher execs java) when that pipe closes. Without it, each killed JVM left an emulator running.
        Process p = new ProcessBuilder("sh", "-c", "\"$0\" \"$@\" < /dev/null & child=$!; cat > /dev/null; kill $child 2>/dev/null; wait $child",
                launcher.toString(), "--host=localhost", "--port=" + port)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PubSubEmulator emulator = new PubSubEmulator(p, port, log);
        emulator.awaitReady();
        return emulator;
    }

    /** {@code localhost:<port>}, as {@code PUBSUB_EMULATOR_HOST} would hold it. */
    public String hostPort() {
        return "localhost:" + port;
    }

    public int port() {
        return port;
    }

    private void awaitReady() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Pub/Sub emulator exited: " + Files.readString(log, StandardCharsets.UTF_8));
            }
            if (Files.readString(log, StandardCharsets.UTF_8).contains("Server started") && accepts()) {
                return;
            }
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        close();
        throw new IllegalStateException("Pub/Sub emulator did not start within " + STARTUP.toSeconds() + "s: "
                + Files.readString(log, StandardCharsets.UTF_8));
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Path sdkRoot() throws IOException, InterruptedException {
        String env = System.getenv("CLOUDSDK_ROOT_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Process p = new ProcessBuilder(List.of("gcloud", "info", "--format=value(installation.sdk_root)"))
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor(60, TimeUnit.SECONDS);
        if (out.isEmpty()) {
            throw new IllegalStateException("gcloud info printed no SDK root; is the Google Cloud CLI installed?");
        }
        return Path.of(out);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
