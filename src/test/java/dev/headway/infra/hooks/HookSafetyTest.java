package dev.headway.infra.hooks;

import dev.headway.infra.testing.CliRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15, the hooks' side: outputs are checked against the stack before anything is sent, credentials go to
 * Google hosts only, bad flags are usage errors, and a server that never answers or trickles cannot hold a hook
 * past --timeout (each case failed before: exit 70, or a hook held for minutes).
 */
class HookSafetyTest {
    private static final String DEV = CliRun.DEV_OUTPUTS;
    private final List<ServerSocket> servers = new ArrayList<>();

    @AfterEach
    void close() throws IOException {
        for (ServerSocket s : servers) {
            s.close();
        }
    }

    private static void oneLine(CliRun run, int exit, String names) {
        assertEquals(exit, run.exit(), run.out() + run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.err());
        assertTrue(lines.get(0).contains(names), lines.get(0));
        assertFalse(run.err().contains("internal error") || run.err().contains("\tat "), run.err());
    }

    private static Path outputs(String from, String to) throws IOException {
        assertTrue(DEV.contains(from), from);
        return CliRun.outputsFile(DEV.replace(from, to));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "\"project\": \"headway-dev\"=>\"project\": \"headway-dev/../evil\"",
            "\"region\": \"us-east1\"=>\"region\": \"us-east1/x\"",
            "projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines=>projects/attacker/locations/us-east1/repositories/r",
            "hw-dev-pipelines@headway-dev=>hw-dev-deployer@headway-dev",
            "gs://headway-dev-hw-dev-pipeline-root/runs/=>gs://attacker-bucket/runs/",
            "endpoints/1001=>endpoints/1001/../../../../projects/x"})
    void outputsThatDisagreeWithTheStackSendNothing(String edit) throws IOException {
        String[] fromTo = edit.split("=>");
        CliRun run = CliRun.of("hooks", "dev", "--outputs", outputs(fromTo[0], fromTo[1]).toString(), "--only", "submit-pipeline",
                "--template", "src/test/resources/kfp/all_types.yaml", "--dry-run");
        oneLine(run, 3, "declares");
        assertEquals("", run.out(), "nothing printed, nothing sent");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"--timeout=0", "--timeout=-1", "--bigquery-endpoint=http://[::1", "--bigquery-endpoint=https://evil.example.com",
            "--bigquery-endpoint=http://10.0.0.1:9050", "--vertex-endpoint=googleapis.com.evil.example:443", "--vertex-endpoint=host:99999",
            "--streaming-timeout=0"})
    void badFlagsAreOneLineExit2(String flag) throws IOException {
        CliRun run = CliRun.of("hooks", "dev", "--outputs", CliRun.outputsFile(DEV).toString(), "--only", "smoke-warehouse,smoke-endpoint", flag);
        oneLine(run, 2, flag.substring(0, flag.indexOf('=')).replace("-endpoint", "").replace("--vertex", "endpoint")
                .replace("--bigquery", "BigQuery"));
    }

    @Test
    void aParameterBeyondADoubleIsOneLineExit2() throws IOException {
        CliRun run = CliRun.of("hooks", "dev", "--outputs", CliRun.outputsFile(DEV).toString(), "--only", "submit-pipeline",
                "--template", "src/test/resources/kfp/all_types.yaml", "--param", "epochs=3", "--param", "routes=[1e400]", "--dry-run");
        oneLine(run, 2, "routes");
    }

    /** Each of these was an OutOfMemoryError or StackOverflowError with a trace, or accepted half-read. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/dev/zero", "deep", "trailing", "two-documents"})
    void aTemplateThatCannotBeReadWholeIsOneLineExit2(String kind) throws IOException {
        Path spec = switch (kind) {
            case "/dev/zero" -> Path.of("/dev/zero");
            case "deep" -> CliRun.outputsFile("{\"root\": " + "[".repeat(900) + "]".repeat(900) + "}");
            case "trailing" -> CliRun.outputsFile(java.nio.file.Files.readString(Path.of("src/test/resources/kfp/all_types.json")) + "{}");
            default -> CliRun.outputsFile(java.nio.file.Files.readString(Path.of("src/test/resources/kfp/all_types.yaml")) + "---\nroot: {}\n");
        };
        CliRun run = CliRun.of("hooks", "dev", "--outputs", CliRun.outputsFile(DEV).toString(), "--only", "submit-pipeline",
                "--template", spec.toString(), "--param", "epochs=3", "--dry-run");
        oneLine(run, 2, "template");
    }

    @Test
    void trailingJsonAfterTheOutputsIsRefused() throws IOException {
        CliRun run = CliRun.of("hooks", "dev", "--outputs", CliRun.outputsFile(DEV + "{\"project\": \"other\"}").toString(),
                "--only", "smoke-warehouse");
        oneLine(run, 3, "more content after the first JSON value");
    }

    // ---- servers that never answer, or trickle ----------------------------------------------------------

    /** A loopback server that accepts and then either says nothing or sends a header and one body byte a second. */
    private int server(boolean trickle) throws IOException {
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        servers.add(s);
        Thread t = new Thread(() -> {
            while (!s.isClosed()) {
                try {
                    Socket c = s.accept();
                    Thread conn = new Thread(() -> {
                        try (c; OutputStream out = c.getOutputStream()) {
                            c.getInputStream().read(new byte[4096]);
                            if (trickle) {
                                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                                        .getBytes(StandardCharsets.US_ASCII));
                                for (int i = 0; i < 300; i++) {
                                    out.write(' ');
                                    out.flush();
                                    Thread.sleep(1000);
                                }
                            } else {
                                Thread.sleep(300_000);
                            }
                        } catch (IOException | InterruptedException e) {
                            // the client gave up: as intended
                        }
                    });
                    conn.setDaemon(true);
                    conn.start();
                } catch (IOException e) {
                    return;
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return s.getLocalPort();
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void aSilentOrTricklingBigQueryFailsTheHookAtTheTimeout(boolean trickle) throws IOException {
        int port = server(trickle);
        long start = System.nanoTime();
        CliRun run = CliRun.of("hooks", "dev", "--outputs", CliRun.outputsFile(DEV).toString(), "--only", "smoke-warehouse",
                "--bigquery-endpoint", "http://127.0.0.1:" + port, "--timeout", "3");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("FAIL smoke-warehouse"), run.out());
        assertTrue(seconds < 20, "held for " + seconds + " s with --timeout 3");
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void aSilentOrTricklingKfpRegistryFailsTheHookAtTheTimeout(boolean trickle) throws IOException {
        int port = server(trickle);
        long start = System.nanoTime();
        CliRun run = CliRun.of("hooks", "dev", "--outputs", CliRun.outputsFile(DEV).toString(), "--only", "submit-pipeline",
                "--registry-url", "http://127.0.0.1:" + port, "--dry-run", "--timeout", "3");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("FAIL submit-pipeline"), run.out());
        assertTrue(seconds < 20, "held for " + seconds + " s with --timeout 3");
    }
}
