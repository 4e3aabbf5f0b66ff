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
import java.util.function.Consumer;

/**
 * Runs hooks in order on one set of stack outputs. Every required output of every selected hook is checked
 * first (a missing one: exit 3, nothing sent); then each hook runs and its result is reported as it ends.
 */
public final class HookRunner {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private HookRunner() {
    }

    public static List<HookResult> run(List<Hook> hooks, StackOutputs outputs, Consumer<HookResult> onResult) {
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
            long start = System.nanoTime();
            HookResult r;
            try {
                r = h.run(outputs);
            } catch (ApiException e) {
                r = HookResult.fail(h.name(), "Google API " + e.getStatusCode().getCode() + ": "
                        + firstLine(e.getMessage()), Duration.ofNanos(System.nanoTime() - start));
            }
            results.add(r);
            onResult.accept(r);
        }
        return results;
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
