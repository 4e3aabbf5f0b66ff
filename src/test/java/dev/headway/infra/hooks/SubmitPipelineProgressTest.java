package dev.headway.infra.hooks;

import com.google.cloud.aiplatform.v1.PipelineState;
import com.sun.net.httpserver.HttpServer;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hook on its own, writing to a writer that does not flush itself (a pipe, a file): what it prints is
 * there when it is printed, and an interrupt (the runner's deadline, Ctrl-C) ends it with the reason.
 */
class SubmitPipelineProgressTest {
    FakeVertex vertex;
    StackOutputs outputs;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final PrintWriter out = new PrintWriter(bytes, false, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws IOException {
        vertex = FakeVertex.start();
        outputs = StackOutputs.read(CliRun.outputsFile(CliRun.DEV_OUTPUTS));
    }

    @AfterEach
    void stop() {
        vertex.close();
    }

    private SubmitPipeline hook(Optional<Path> template, Optional<String> registry, boolean dryRun, boolean wait, Duration poll) {
        SubmitPipeline.Options o = new SubmitPipeline.Options("dev", template, "simple-two-step-pipeline", "latest", registry,
                Map.of(), Map.of(), Map.of(), dryRun, wait, Duration.ofSeconds(60), poll);
        return new SubmitPipeline(o, region -> GoogleClients.forEndpoint(vertex.hostPort(), Duration.ofSeconds(20)), out);
    }

    private SubmitPipeline twoStep(boolean dryRun, boolean wait, Duration poll) {
        return hook(Optional.of(PipelineSpecTest.TWO_STEP), Optional.empty(), dryRun, wait, poll);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Runs the hook on its own thread; the result carries whether the thread was left interrupted. */
    private record Ended(HookResult result, boolean interruptFlag) {
    }

    private static CompletableFuture<Ended> onThread(SubmitPipeline hook, StackOutputs outputs, AtomicReference<Thread> thread) {
        CompletableFuture<Ended> ended = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            HookResult r = hook.run(outputs);
            ended.complete(new Ended(r, Thread.currentThread().isInterrupted()));
        }, "submit");
        t.setDaemon(true);
        thread.set(t);
        t.start();
        return ended;
    }

    private boolean shows(String text, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (printed().contains(text)) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Test
    void eachStateIsPrintedWhileTheJobRunsAndAnInterruptEndsTheWait() throws Exception {
        vertex.stateScript.add(PipelineState.PIPELINE_STATE_RUNNING);
        AtomicReference<Thread> thread = new AtomicReference<>();
        CompletableFuture<Ended> ended = onThread(twoStep(false, true, Duration.ofMillis(200)), outputs, thread);
        assertTrue(shows("PIPELINE_STATE_RUNNING", Duration.ofSeconds(10)), "progress is visible while waiting: " + printed());
        assertTrue(!ended.isDone(), "still waiting");
        thread.get().interrupt();
        Ended e = ended.get(10, TimeUnit.SECONDS);
        assertEquals(HookResult.Status.FAIL, e.result().status());
        assertTrue(e.result().reason().startsWith("interrupted while waiting for projects/headway-dev/locations/us-east1/pipelineJobs/"),
                e.result().reason());
        assertTrue(e.interruptFlag(), "the interrupt is kept for the caller");
    }

    @Test
    void theLastStateIsOutBeforeTheResult() {
        vertex.stateScript.add(PipelineState.PIPELINE_STATE_SUCCEEDED);
        HookResult r = twoStep(false, true, Duration.ofMillis(10)).run(outputs);
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertTrue(printed().contains("PIPELINE_STATE_QUEUED") && printed().contains("PIPELINE_STATE_SUCCEEDED"), printed());
        assertTrue(r.elapsed().compareTo(Duration.ofSeconds(30)) < 0, r.elapsed().toString());
    }

    @Test
    void aDryRunsRequestIsOutBeforeTheResult() {
        HookResult r = twoStep(true, false, Duration.ofMillis(10)).run(outputs);
        assertEquals(HookResult.Status.SKIP, r.status(), r.reason());
        assertTrue(printed().contains("\"pipelineJobId\": \"simple-two-step-pipeline-"), printed());
        assertEquals(0, vertex.calls("CreatePipelineJob"));
    }

    @Test
    void anInterruptWhileDownloadingTheTemplateEndsTheHook() throws Exception {
        CountDownLatch asked = new CountDownLatch(1);
        AtomicBoolean release = new AtomicBoolean();
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        registry.createContext("/", ex -> {
            asked.countDown();
            for (int i = 0; i < 200 && !release.get(); i++) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    break;
                }
            }
            ex.close();
        });
        registry.start();
        try {
            AtomicReference<Thread> thread = new AtomicReference<>();
            SubmitPipeline hook = hook(Optional.empty(), Optional.of("http://127.0.0.1:" + registry.getAddress().getPort()),
                    false, false, Duration.ofMillis(10));
            CompletableFuture<Ended> ended = onThread(hook, outputs, thread);
            assertTrue(asked.await(10, TimeUnit.SECONDS), "the registry was asked for the template");
            thread.get().interrupt();
            Ended e = ended.get(10, TimeUnit.SECONDS);
            assertEquals(HookResult.Status.FAIL, e.result().status());
            assertEquals("interrupted while downloading the template", e.result().reason());
            assertTrue(e.interruptFlag(), "the interrupt is kept for the caller");
            assertEquals(0, vertex.calls("CreatePipelineJob"));
        } finally {
            release.set(true);
            registry.stop(0);
        }
    }
}
