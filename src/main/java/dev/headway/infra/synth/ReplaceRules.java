package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.lifecycle.Lifecycle;
import dev.headway.infra.lifecycle.Lifecycle.OnChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which property changes make the provider delete and re-create a resource rather than update it, read from
 * the one table of provider facts, the lifecycle table ({@code lifecycle/google-beta-5.0.0.json}, through
 * {@link Lifecycle}): an input whose row says {@code onChange: replace} is ForceNew (terraform-provider-google-beta
 * v5.0.0, which pulumi-gcp 7.0.0 bridges; pulumi-kubernetes 4.0.0's forceNewProperties); {@code update},
 * {@code stop-start}, {@code no-effect} and {@code local} apply in place, and so does {@code fail} as far as the
 * plan goes (the provider sends an update, which the API refuses; RunningWork says so). The table's
 * {@code replacement} section adds the ForceNew blocks that replace when added or removed and the CustomizeDiff
 * rules decided at plan time. Paths are input paths with or without list indexes ({@code nodeConfig.machineType});
 * the row for a path is the longest row that is the path or a prefix of it.
 *
 * <p>One classification, used by every diff format: {@link #replacingPaths}.
 */
public final class ReplaceRules {
    /** How a change of one input path is applied. */
    public enum Effect { REPLACE, UPDATE, UNKNOWN }

    private static final Lifecycle TABLE = Lifecycle.table();

    private ReplaceRules() {
    }

    /** Where the replacement facts for a type come from (provider, version, file). */
    public static List<String> source(String type) {
        return TABLE.replacement(type).map(Lifecycle.Replacement::source).orElse(List.of());
    }

    /** How a change of {@code path} (indexes allowed) is applied, ignoring conditional and block-count rules. */
    public static Effect effect(String type, String path) {
        if (path.startsWith("(")) {
            return Effect.UPDATE;
        }
        return TABLE.input(type, path).map(row -> row.onChange() == OnChange.REPLACE ? Effect.REPLACE : Effect.UPDATE)
                .orElse(Effect.UNKNOWN);
    }

    /** The table row (its input path) that makes this property change a replacement, if one does unconditionally. */
    public static Optional<String> forcesReplacement(String type, String path) {
        if (path.startsWith("(")) {
            return Optional.empty();
        }
        return TABLE.input(type, path).filter(row -> row.onChange() == OnChange.REPLACE).map(Lifecycle.Input::input);
    }

    /**
     * The paths among {@code c}'s changes that force a replacement: a ForceNew input changed, a
     * ForceNew block added or removed (terraform-plugin-sdk diffList/diffSet: a block's ForceNew
     * applies to its element count), or a conditional rule that fires (BigQuery table schema).
     */
    public static List<String> replacingPaths(PlanDiff.Changed c) {
        String type = c.after().type();
        List<String> blocks = TABLE.replacement(type).map(Lifecycle.Replacement::whenAddedOrRemoved).orElse(List.of());
        Set<String> conditionalInputs = TABLE.replacement(type).map(r -> r.conditional().keySet()).orElse(Set.of());
        Set<String> before = barePaths(c.before().inputs());
        Set<String> after = barePaths(c.after().inputs());
        List<String> out = new ArrayList<>();
        for (PlanDiff.PropertyChange p : c.changes()) {
            if (p.path().startsWith("(")) {
                continue;
            }
            String bare = bare(p.path());
            boolean blockCountChanged = blocks.stream()
                    .anyMatch(b -> (bare.equals(b) || bare.startsWith(b + ".")) && present(before, b) != present(after, b));
            boolean conditional = conditionalInputs.contains(bare) && !BigQuerySchemaChange.inPlace(p.before(), p.after());
            if (forcesReplacement(type, p.path()).isPresent() || blockCountChanged || conditional) {
                out.add(p.path());
            }
        }
        return out;
    }

    /** The changed resources that will be deleted and re-created. */
    public static List<PlanDiff.Changed> replaced(PlanDiff d) {
        return d.changed().stream().filter(c -> !replacingPaths(c).isEmpty()).toList();
    }

    private static boolean present(Set<String> paths, String block) {
        return paths.stream().anyMatch(p -> p.equals(block) || p.startsWith(block + "."));
    }

    private static Set<String> barePaths(JsonNode inputs) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        PlanDiff.flatten("", inputs, leaves);
        Set<String> out = new TreeSet<>();
        leaves.keySet().forEach(k -> out.add(bare(k)));
        return out;
    }

    static String bare(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }
}
