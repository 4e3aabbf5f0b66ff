package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.grpc.GrpcStatusCode;
import com.google.api.gax.rpc.ApiExceptionFactory;
import dev.headway.infra.UserError;
import io.grpc.Status;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running hooks: required outputs first, then each hook in order, bounded in time, its failure a result. */
class HookRunnerTest {
    private static final StackOutputs OUTPUTS = StackOutputs.parse("outputs.json",
            "{\"project\": \"headway-dev\", \"region\": \"us-east1\"}");

    private record FakeHook(String name, Set<String> requiredOutputs, Duration extraTime,
                            Function<StackOutputs, HookResult> body, List<String> ran) implements Hook {
        @Override
        public HookResult run(StackOutputs outputs) {
            ran.add(name);
            return body.apply(outputs);
        }
    }

    private final List<String> ran = new ArrayList<>();

    private Hook hook(String name, Set<String> required, Function<StackOutputs, HookResult> body) {
        return new FakeHook(name, required, Duration.ZERO, body, ran);
    }

    private Hook passing(String name) {
        return hook(name, Set.of("project"), o -> HookResult.pass(name, "ok in " + o.text("project"), Duration.ofMillis(5)));
    }

    private static List<HookResult> run(List<Hook> hooks, Duration timeout) {
        return HookRunner.run(hooks, OUTPUTS, timeout, r -> { });
    }

    @Test
    void everyMissingOutputOfEverySelectedHookIsNamedBeforeAnyHookRuns() {
        List<Hook> hooks = List.of(passing("first"), hook("second", Set.of("feedTopic", "region"), o -> null),
                hook("third", Set.of("rawDataset", "feedTopic"), o -> null));
        UserError e = assertThrows(UserError.class, () -> run(hooks, Duration.ofSeconds(5)));
        assertEquals(UserError.ENVIRONMENT, e.exitCode());
        assertEquals("stack outputs outputs.json lack feedTopic, rawDataset; nothing was sent", e.getMessage());
        assertEquals(List.of(), ran, "no hook ran");
    }

    @Test
    void hooksRunInOrderAndEachResultIsReportedAsItEnds() {
        List<String> reported = new ArrayList<>();
        Hook second = hook("second", Set.of(), o -> {
            assertEquals(List.of("first"), reported, "first was reported before second ran");
            return HookResult.skip("second", "nothing to do", Duration.ZERO);
        });
        List<HookResult> results = HookRunner.run(List.of(passing("first"), second), OUTPUTS, Duration.ofSeconds(5),
                r -> reported.add(r.hook()));
        assertEquals(List.of("first", "second"), ran);
        assertEquals(List.of("first", "second"), reported);
        assertEquals("ok in headway-dev", results.get(0).reason());
        assertEquals(HookResult.Status.SKIP, results.get(1).status());
    }

    @Test
    void aHookThatNeverAnswersFailsAtItsDeadlineAndTheNextHookStillRuns() {
        CountDownLatch never = new CountDownLatch(1);
        Hook stuck = new FakeHook("stuck", Set.of(), Duration.ofSeconds(1), o -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HookResult.pass("stuck", "too late", Duration.ZERO);
        }, ran);
        long start = System.nanoTime();
        List<HookResult> results = run(List.of(stuck, passing("after")), Duration.ofSeconds(1));
        long millis = (System.nanoTime() - start) / 1_000_000;
        HookResult r = results.get(0);
        assertEquals(HookResult.Status.FAIL, r.status());
        // the budget is --timeout plus the hook's extra time plus the runner's grace (the clients' own timeouts end first)
        assertEquals("no result within 4 s (--timeout 1): a server did not answer in time", r.reason());
        assertTrue(millis >= 4000 && millis < 12_000, millis + " ms");
        assertTrue(r.elapsed().toMillis() >= 4000 && r.elapsed().toMillis() <= millis, r.elapsed().toString());
        assertEquals(HookResult.Status.PASS, results.get(1).status());
    }

    @Test
    void aHookThatIgnoresTheInterruptIsLeftOnADaemonThreadThatCannotHoldTheProcess() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean release = new java.util.concurrent.atomic.AtomicBoolean();
        Hook stubborn = new FakeHook("stubborn", Set.of(), Duration.ZERO, o -> {
            while (!release.get()) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L); // returns on interrupt, and goes on
            }
            return HookResult.pass("stubborn", "too late", Duration.ZERO);
        }, ran);
        try {
            // run from a non-daemon thread, as main is: a thread it creates is a daemon only if made one
            java.util.concurrent.CompletableFuture<List<HookResult>> ran = new java.util.concurrent.CompletableFuture<>();
            Thread caller = new Thread(() -> ran.complete(HookRunner.run(List.of(stubborn), OUTPUTS, Duration.ofMillis(100), r -> { })));
            caller.setDaemon(false);
            caller.start();
            List<HookResult> results = ran.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(HookResult.Status.FAIL, results.get(0).status());
            List<Thread> left = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("hook-stubborn")).toList();
            assertEquals(1, left.size(), "the hook's thread is still running");
            assertTrue(left.get(0).isDaemon(), "a daemon: the JVM exits with the runner's result");
        } finally {
            release.set(true);
        }
    }

    @Test
    void aRunnerInterruptedWhileWaitingReportsTheHookInterruptedAndKeepsTheFlag() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Hook waiting = new FakeHook("waiting", Set.of(), Duration.ZERO, o -> {
            started.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return HookResult.pass("waiting", "too late", Duration.ZERO);
        }, ran);
        java.util.concurrent.CompletableFuture<List<HookResult>> results = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.atomic.AtomicBoolean flag = new java.util.concurrent.atomic.AtomicBoolean();
        Thread runner = new Thread(() -> {
            results.complete(HookRunner.run(List.of(waiting), OUTPUTS, Duration.ofSeconds(60), r -> { }));
            flag.set(Thread.currentThread().isInterrupted());
        });
        long start = System.nanoTime();
        runner.start();
        assertTrue(started.await(10, java.util.concurrent.TimeUnit.SECONDS));
        runner.interrupt();
        runner.join(10_000);
        HookResult r = results.get(1, java.util.concurrent.TimeUnit.SECONDS).get(0);
        assertEquals(HookResult.Status.FAIL, r.status());
        assertEquals("interrupted", r.reason());
        assertTrue(r.elapsed().toNanos() <= System.nanoTime() - start, r.elapsed().toString());
        assertTrue(flag.get(), "the runner's interrupt is kept for its caller");
    }

    @Test
    void aGoogleApiErrorIsAFailureWithItsCodeAndFirstLine() {
        Hook refused = hook("refused", Set.of(), o -> {
            throw ApiExceptionFactory.createException("endpoint not found\nat line two", null,
                    GrpcStatusCode.of(Status.Code.NOT_FOUND), false);
        });
        HookResult r = run(List.of(refused, passing("after")), Duration.ofSeconds(5)).get(0);
        assertEquals(HookResult.Status.FAIL, r.status());
        assertEquals("Google API NOT_FOUND: endpoint not found", r.reason());
        assertTrue(!r.elapsed().isNegative() && r.elapsed().toSeconds() < 5, r.elapsed().toString());
        assertEquals(2, ran.size(), "the run goes on");
    }

    @Test
    void aUserErrorOrAnErrorInAHookStopsTheRunAsItself() {
        UserError usage = new UserError(UserError.USAGE, "--param x: no such parameter");
        assertSame(usage, assertThrows(UserError.class,
                () -> run(List.of(hook("bad", Set.of(), o -> { throw usage; }), passing("after")), Duration.ofSeconds(5))));
        assertEquals(List.of("bad"), ran, "nothing after it runs");
        AssertionError error = new AssertionError("broken");
        assertSame(error, assertThrows(AssertionError.class,
                () -> run(List.of(hook("broken", Set.of(), o -> { throw error; })), Duration.ofSeconds(5))));
    }

    @Test
    void theExitCodeIs1OnlyWhenAHookFailed() {
        HookResult pass = HookResult.pass("a", "ok", Duration.ZERO);
        HookResult skip = HookResult.skip("b", "no model", Duration.ZERO);
        HookResult fail = HookResult.fail("c", "no answer", Duration.ZERO);
        assertEquals(0, HookRunner.exitCode(List.of()));
        assertEquals(0, HookRunner.exitCode(List.of(pass, skip)));
        assertEquals(1, HookRunner.exitCode(List.of(pass, fail, skip)));
    }

    @Test
    void theReportHasEveryHookAndCountsPerStatus() throws IOException {
        String json = HookRunner.reportJson("dev", "outputs.json", List.of(
                HookResult.pass("a", "ok", Duration.ofMillis(1500)), HookResult.skip("b", "no model", Duration.ZERO),
                HookResult.fail("c", "no answer", Duration.ofMillis(7))));
        assertTrue(json.endsWith("}\n"), json);
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals("dev", root.path("stack").asText());
        assertEquals("outputs.json", root.path("outputs").asText());
        JsonNode a = root.path("hooks").path(0);
        assertEquals("a", a.path("hook").asText());
        assertEquals("pass", a.path("status").asText());
        assertEquals("ok", a.path("reason").asText());
        assertEquals(1500, a.path("elapsedMs").asLong());
        assertEquals("skip", root.path("hooks").path(1).path("status").asText());
        assertEquals("fail", root.path("hooks").path(2).path("status").asText());
        JsonNode summary = root.path("summary");
        assertEquals(1, summary.path("pass").asInt());
        assertEquals(1, summary.path("fail").asInt());
        assertEquals(1, summary.path("skip").asInt());
        assertEquals(1, summary.path("exitCode").asInt());
    }

    @Test
    void theReportIsWrittenCreatingItsFolder() throws IOException {
        Path file = Files.createTempDirectory("report").resolve("ci/out/hooks.json");
        HookRunner.writeReport(file, "{}\n");
        assertEquals("{}\n", Files.readString(file));
    }

    @Test
    void aReportThatCannotBeWrittenIsOneLineExit3() throws IOException {
        Path dir = Files.createTempDirectory("report");
        UserError e = assertThrows(UserError.class, () -> HookRunner.writeReport(dir, "{}"));
        assertEquals(UserError.ENVIRONMENT, e.exitCode());
        // a folder where the file should be: the exception's kind, not its stack trace
        assertEquals("report " + dir + ": cannot write (FileSystemException)", e.getMessage());
    }

    @Test
    void aResultIsOneAlignedLine() {
        assertEquals("PASS smoke-streaming     1.2s  message read back",
                HookResult.pass("smoke-streaming", "message read back", Duration.ofMillis(1234)).line());
        assertEquals("FAIL a                   0.0s  x", HookResult.fail("a", "x", Duration.ZERO).line());
        assertEquals("fail", HookResult.Status.FAIL.id());
    }

    @Test
    void aMissingMessageIsAnEmptyFirstLine() {
        assertEquals("", HookRunner.firstLine(null));
        assertEquals("", HookRunner.firstLine(""));
        assertEquals("one", HookRunner.firstLine("one\ntwo"));
    }
}
