package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which property changes make the provider delete and re-create a resource rather than update it.
 * The facts come from the providers' own schemas, kept in {@code replace/force-new.json} with their
 * source per type: ForceNew in terraform-provider-google-beta v5.0.0 (which pulumi-gcp 7.0.0 bridges),
 * pulumi-kubernetes 4.0.0's forceNewProperties, and the CustomizeDiff rules that decide at plan time.
 * {@code tools/forcenew/extract.py} writes that file from the provider source; ReplaceRulesTest holds
 * it to every input both plans set. Paths are input paths without list indexes
 * ({@code nodeConfig.machineType}); a rule covers everything under it.
 *
 * <p>One classification, used by every diff format: {@link #replacingPaths}.
 */
public final class ReplaceRules {
    /** How a change of one input path is applied. */
    public enum Effect { REPLACE, UPDATE, UNKNOWN }

    record TypeRules(List<String> forceNew, List<String> whenAddedOrRemoved, List<String> inPlace, Set<String> conditional,
                     List<String> source) {
    }

    private static final Map<String, TypeRules> RULES = load();

    private ReplaceRules() {
    }

    private static Map<String, TypeRules> load() {
        try (InputStream in = ReplaceRules.class.getResourceAsStream("/replace/force-new.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, TypeRules> rules = new TreeMap<>();
            root.path("types").fields().forEachRemaining(e -> {
                JsonNode t = e.getValue();
                Set<String> conditional = new TreeSet<>();
                t.path("conditional").fieldNames().forEachRemaining(conditional::add);
                rules.put(e.getKey(), new TypeRules(strings(t.path("forceNew")), strings(t.path("forceNewWhenAddedOrRemoved")),
                        strings(t.path("inPlace")), conditional, strings(t.path("source"))));
            });
            return Map.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("replace/force-new.json missing from the jar", e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** The types the facts cover. */
    public static Set<String> types() {
        return RULES.keySet();
    }

    /** Where the facts for a type come from (provider, version, file). */
    public static List<String> source(String type) {
        return RULES.containsKey(type) ? RULES.get(type).source() : List.of();
    }

    /** How a change of {@code path} (indexes allowed) is applied, ignoring conditional and block-count rules. */
    public static Effect effect(String type, String path) {
        TypeRules rules = RULES.get(type);
        if (rules == null || path.startsWith("(")) {
            return path.startsWith("(") ? Effect.UPDATE : Effect.UNKNOWN;
        }
        String bare = bare(path);
        if (covering(rules.forceNew(), bare).isPresent()) {
            return Effect.REPLACE;
        }
        return covering(rules.inPlace(), bare).isPresent() || rules.conditional().contains(bare) ? Effect.UPDATE : Effect.UNKNOWN;
    }

    /** The ForceNew rule that makes this property change a replacement, if one does unconditionally. */
    public static Optional<String> forcesReplacement(String type, String path) {
        TypeRules rules = RULES.get(type);
        return rules == null || path.startsWith("(") ? Optional.empty() : covering(rules.forceNew(), bare(path));
    }

    /**
     * The paths among {@code c}'s changes that force a replacement: a ForceNew input changed, a
     * ForceNew block added or removed (terraform-plugin-sdk diffList/diffSet: a block's ForceNew
     * applies to its element count), or a conditional rule that fires (BigQuery table schema).
     */
    public static List<String> replacingPaths(PlanDiff.Changed c) {
        String type = c.after().type();
        TypeRules rules = RULES.get(type);
        if (rules == null) {
            return List.of();
        }
        Set<String> before = barePaths(c.before().inputs());
        Set<String> after = barePaths(c.after().inputs());
        List<String> out = new ArrayList<>();
        for (PlanDiff.PropertyChange p : c.changes()) {
            if (p.path().startsWith("(")) {
                continue;
            }
            String bare = bare(p.path());
            boolean blockCountChanged = rules.whenAddedOrRemoved().stream()
                    .anyMatch(b -> (bare.equals(b) || bare.startsWith(b + ".")) && present(before, b) != present(after, b));
            boolean conditional = rules.conditional().contains(bare) && !BigQuerySchemaChange.inPlace(p.before(), p.after());
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

    private static Optional<String> covering(List<String> rules, String bare) {
        return rules.stream().filter(r -> bare.equals(r) || bare.startsWith(r + ".")).findFirst();
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
