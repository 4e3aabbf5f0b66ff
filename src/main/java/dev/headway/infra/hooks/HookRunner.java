package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.api.gax.rpc.ApiException;
import dev.headway.infra.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Runs hooks in order on one set of stack outputs. Every required output of every selected hook is checked
 * first (a missing one: exit 3, nothing sent); then each hook runs and its result is reported as it ends.
 */
public final class HookRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HookRunner() {
    }

    /**
     * How long past {@code --timeout} (and the hook's extra time) the runner waits before it stops a hook
     * itself. The Google clients' own total timeouts are {@code --timeout} and end with the real error
     * (the last status, e.g. UNAVAILABLE after retries); the runner's deadline is the backstop for what no
     * client timeout covers, so it must not race them to the same instant.
     */
    static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * Runs {@code hooks} in order. Each gets at most {@code timeout} plus its {@link Hook#extraTime()} plus
     * {@link #GRACE}: a server that never answers, or trickles a byte a second through a body read that no
     * client timeout covers, fails that hook at the deadline instead of holding the run (the stuck call is
     * interrupted on a daemon thread).
     */
    public static List<HookResult> run(List<Hook> hooks, StackOutputs outputs, Duration timeout, Consumer<HookResult> onResult) {
        Set<String> missing = new TreeSet<>();
        for (Hook h : hooks) {
            missing.addAll(outputs.missing(h.requiredOutputs()));
        }
        if (!missing.isEmpty()) {
            throw new UserError(UserError.ENVIRONMENT, "stack outputs " + outputs.source() + " lack "
                    + String.join(", ", missing) + "; nothing was sent");
        }
        List<HookResult> results = new ArrayList<>();
        for (Hook h : hooks) {
            HookResult r = withDeadline(h, outputs, timeout, timeout.plus(h.extraTime()).plus(GRACE));
            results.add(r);
            onResult.accept(r);
        }
        return results;
    }

    private static HookResult withDeadline(Hook h, StackOutputs outputs, Duration timeout, Duration budget) {
        long start = System.nanoTime();
        ExecutorService one = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "hook-" + h.name());
            t.setDaemon(true);
            return t;
        });
        Future<HookResult> running = one.submit(() -> h.run(outputs));
        try {
            return running.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            running.cancel(true);
            return HookResult.fail(h.name(), "no result within " + budget.toSeconds() + " s (--timeout " + timeout.toSeconds()
                    + "): a server did not answer in time", Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            return HookResult.fail(h.name(), "interrupted", Duration.ofNanos(System.nanoTime() - start));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ApiException api) {
                return HookResult.fail(h.name(), "Google API " + api.getStatusCode().getCode() + ": "
                        + firstLine(api.getMessage()), Duration.ofNanos(System.nanoTime() - start));
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            one.shutdownNow();
        }
    }

    /** 0 when nothing failed (skips allowed), 1 when any hook failed. */
    public static int exitCode(List<HookResult> results) {
        return results.stream().anyMatch(r -> r.status() == HookResult.Status.FAIL) ? 1 : 0;
    }

    /** The JSON report for CI: stack, outputs source, one entry per hook, counts. */
    public static String reportJson(String stack, String outputsSource, List<HookResult> results) {
        ObjectNode root = JSON.createObjectNode();
        root.put("stack", stack);
        root.put("outputs", outputsSource);
        ArrayNode list = root.putArray("hooks");
        for (HookResult r : results) {
            list.addObject().put("hook", r.hook()).put("status", r.status().id()).put("reason", r.reason())
                    .put("elapsedMs", r.elapsed().toMillis());
        }
        ObjectNode counts = root.putObject("summary");
        for (HookResult.Status s : HookResult.Status.values()) {
            counts.put(s.id(), results.stream().filter(r -> r.status() == s).count());
        }
        counts.put("exitCode", exitCode(results));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void writeReport(Path file, String json) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "report " + file + ": cannot write (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
