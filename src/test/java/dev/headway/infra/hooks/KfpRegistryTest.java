package dev.headway.infra.hooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.headway.infra.UserError;
import dev.headway.infra.config.Documents;
import dev.headway.infra.hooks.kfp.KfpRegistry;
import dev.headway.infra.hooks.kfp.PipelineSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Downloading a compiled pipeline from a KFP repository (the KFP SDK's RegistryClient URL scheme,
 * {@code https://<region>-kfp.pkg.dev/<project>/<repo>/<package>/<tag>}): redirects bounded and checked, the
 * whole exchange within the timeout, the body bounded in size. Against a loopback server (plain http, no credentials).
 */
class KfpRegistryTest {
    private static final Duration T = Duration.ofSeconds(10);

    private HttpServer server;
    private final List<String> paths = new ArrayList<>();
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();

    interface Handler {
        void handle(HttpExchange ex) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", ex -> {
            synchronized (paths) {
                paths.add(ex.getRequestURI().getPath());
            }
            Handler h = routes.get(ex.getRequestURI().getPath());
            try {
                if (h == null) {
                    ex.sendResponseHeaders(404, -1);
                } else {
                    h.handle(ex);
                }
            } finally {
                ex.close();
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static Handler body(byte[] bytes) {
        return ex -> {
            ex.sendResponseHeaders(200, bytes.length);
            ex.getResponseBody().write(bytes);
        };
    }

    private static Handler redirect(String location) {
        return ex -> {
            ex.getResponseHeaders().add("Location", location);
            ex.sendResponseHeaders(302, -1);
        };
    }

    private static byte[] template() throws IOException {
        return Files.readAllBytes(PipelineSpecTest.TWO_STEP);
    }

    @Test
    void theTemplateIsDownloadedAndParsed() throws Exception {
        routes.put("/p/r/simple-two-step-pipeline/latest", body(template()));
        PipelineSpec spec = KfpRegistry.download(url("/p/r/simple-two-step-pipeline/latest"), T);
        assertEquals("simple-two-step-pipeline", spec.name());
    }

    @Test
    void redirectsAreFollowedRelativeToWhereTheyCameFrom() throws Exception {
        routes.put("/a", redirect("/b"));
        routes.put("/b", redirect("c"));
        routes.put("/c", redirect(url("/d").toString()));
        routes.put("/d", body(template()));
        PipelineSpec spec = KfpRegistry.download(url("/a"), T);
        assertEquals("simple-two-step-pipeline", spec.name());
        assertEquals(List.of("/a", "/b", "/c", "/d"), paths);
        assertTrue(spec.where().endsWith("/d"), spec.where());
    }

    @Test
    void only3xxWithALocationIsARedirect() throws Exception {
        routes.put("/300", ex -> {
            ex.getResponseHeaders().add("Location", "/t");
            ex.sendResponseHeaders(300, -1);
        });
        routes.put("/400", ex -> {
            ex.getResponseHeaders().add("Location", "/t");
            ex.sendResponseHeaders(400, -1);
        });
        routes.put("/t", body(template()));
        assertEquals("simple-two-step-pipeline", KfpRegistry.download(url("/300"), T).name());
        IOException e = assertThrows(IOException.class, () -> KfpRegistry.download(url("/400"), T));
        assertEquals("template " + url("/400") + ": HTTP 400", e.getMessage());
    }

    @Test
    void aRedirectTargetThatNeverAnswersIsCutOffAtTheSameDeadline() {
        routes.put("/a", redirect("/hang"));
        routes.put("/hang", ex -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long start = System.nanoTime();
        assertThrows(HttpTimeoutException.class, () -> KfpRegistry.download(url("/a"), Duration.ofSeconds(1)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 6000, "bounded by the 1 s timeout, took " + millis + " ms");
    }

    @Test
    void moreThanThreeRedirectsAreRefused() throws Exception {
        routes.put("/a", redirect("/b"));
        routes.put("/b", redirect("/c"));
        routes.put("/c", redirect("/d"));
        routes.put("/d", redirect("/e"));
        routes.put("/e", body(template()));
        IOException e = assertThrows(IOException.class, () -> KfpRegistry.download(url("/a"), T));
        assertEquals("template " + url("/a") + ": more than 3 redirects", e.getMessage());
        assertEquals(List.of("/a", "/b", "/c", "/d"), paths, "the fifth URL is never asked");
    }

    @Test
    void aRedirectAwayFromLoopbackOverPlainHttpIsRefusedBeforeAnythingIsSent() {
        routes.put("/a", redirect("http://evil.example.com/t"));
        UserError e = assertThrows(UserError.class, () -> KfpRegistry.download(url("/a"), T));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("template URL \"http://evil.example.com/t\": "), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 500, 201, 304})
    void anythingButOkIsAnHttpError(int status) {
        routes.put("/t", ex -> ex.sendResponseHeaders(status, -1));
        IOException e = assertThrows(IOException.class, () -> KfpRegistry.download(url("/t"), T));
        assertEquals("template " + url("/t") + ": HTTP " + status, e.getMessage());
    }

    @Test
    void aTemplateOfExactlyTheLimitIsReadAndOneByteMoreIsRefused() throws Exception {
        byte[] t = template();
        byte[] atLimit = Arrays.copyOf(t, Documents.MAX_BYTES);
        Arrays.fill(atLimit, t.length, atLimit.length, (byte) '\n');
        routes.put("/at", body(atLimit));
        assertEquals("simple-two-step-pipeline", KfpRegistry.download(url("/at"), T).name());
        byte[] over = Arrays.copyOf(atLimit, Documents.MAX_BYTES + 1);
        over[Documents.MAX_BYTES] = '\n';
        routes.put("/over", body(over));
        IOException e = assertThrows(IOException.class, () -> KfpRegistry.download(url("/over"), T));
        assertEquals("template " + url("/over") + ": larger than 4 MiB", e.getMessage());
    }

    @Test
    void aBodyThatTricklesIsCutOffAtTheTimeout() {
        routes.put("/slow", ex -> {
            ex.sendResponseHeaders(200, 100_000);
            OutputStream out = ex.getResponseBody();
            try {
                for (int i = 0; i < 60; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // the client gave up: as intended
            }
        });
        long start = System.nanoTime();
        HttpTimeoutException e = assertThrows(HttpTimeoutException.class, () -> KfpRegistry.download(url("/slow"), Duration.ofSeconds(1)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals("template " + url("/slow") + ": the body did not arrive in time", e.getMessage());
        assertTrue(millis >= 900 && millis < 6000, millis + " ms");
    }

    @Test
    void theTemplateUrlFollowsTheKfpRegistryScheme() {
        KfpRegistry.Repo repo = KfpRegistry.Repo.parse("projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines");
        assertEquals(URI.create("https://us-east1-kfp.pkg.dev/headway-dev/hw-dev-pipelines/train/latest"),
                KfpRegistry.templateUrl(repo, "train", "latest", null));
        assertEquals(URI.create("https://us-east1-kfp.pkg.dev/headway-dev/hw-dev-pipelines/train/latest"),
                KfpRegistry.templateUrl(repo, "train", "latest", " "));
        assertEquals(URI.create("http://127.0.0.1:9/headway-dev/hw-dev-pipelines/train/v2"),
                KfpRegistry.templateUrl(repo, "train", "v2", "http://127.0.0.1:9/"));
        assertEquals(URI.create("http://127.0.0.1:9/headway-dev/hw-dev-pipelines/train/v2"),
                KfpRegistry.templateUrl(repo, "train", "v2", "http://127.0.0.1:9"));
    }

    @Test
    void aRepositoryIsItsResourceNameOrItsHostUrl() {
        KfpRegistry.Repo want = new KfpRegistry.Repo("headway-dev", "us-east1", "hw-dev-pipelines");
        assertEquals(want, KfpRegistry.Repo.parse("projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines"));
        assertEquals(want, KfpRegistry.Repo.parse("https://us-east1-kfp.pkg.dev/headway-dev/hw-dev-pipelines/"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KfpRegistry.Repo.parse("us-east1/hw-dev-pipelines"));
        assertEquals("pipelineTemplateRepo \"us-east1/hw-dev-pipelines\": expected projects/P/locations/L/repositories/R"
                + " or https://L-kfp.pkg.dev/P/R", e.getMessage());
    }
}
