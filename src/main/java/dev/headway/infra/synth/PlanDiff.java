package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/** What differs between two plans of a stack: resources added, removed and changed, property by property. */
public record PlanDiff(Plan before, Plan after, List<PlannedResource> added, List<PlannedResource> removed,
                       List<Changed> changed, List<PropertyChange> outputChanges) {

    /** A changed property: {@code before} or {@code after} is a missing node when the property was added or removed. */
    public record PropertyChange(String path, JsonNode before, JsonNode after) {
    }

    public record Changed(PlannedResource before, PlannedResource after, List<PropertyChange> changes) {
    }

    public static PlanDiff between(Plan before, Plan after) {
        Map<String, PlannedResource> old = index(before);
        Map<String, PlannedResource> now = index(after);
        List<PlannedResource> added = new ArrayList<>();
        List<PlannedResource> removed = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        for (PlannedResource r : now.values()) {
            PlannedResource o = old.get(r.urn());
            if (o == null) {
                added.add(r);
            } else {
                List<PropertyChange> changes = compare(o, r);
                if (!changes.isEmpty()) {
                    changed.add(new Changed(o, r, changes));
                }
            }
        }
        for (PlannedResource o : old.values()) {
            if (!now.containsKey(o.urn())) {
                removed.add(o);
            }
        }
        List<PropertyChange> outputs = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.outputs().keySet());
        keys.addAll(after.outputs().keySet());
        for (String k : keys) {
            JsonNode a = before.outputs().getOrDefault(k, MissingNode.getInstance());
            JsonNode b = after.outputs().getOrDefault(k, MissingNode.getInstance());
            if (!same(a, b)) {
                outputs.add(new PropertyChange(k, a, b));
            }
        }
        return new PlanDiff(before, after, List.copyOf(added), List.copyOf(removed), List.copyOf(changed), List.copyOf(outputs));
    }

    /** The same diff over cloud resources only: components are groupings in the URN tree, not things that change. */
    public PlanDiff cloud() {
        return new PlanDiff(before, after, added.stream().filter(PlannedResource::custom).toList(),
                removed.stream().filter(PlannedResource::custom).toList(),
                changed.stream().filter(c -> c.after().custom()).toList(), outputChanges);
    }

    /** Changed resources the provider deletes and re-creates ({@link ReplaceRules}); the rest update in place. */
    public List<Changed> replaced() {
        return ReplaceRules.replaced(this);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty() && outputChanges.isEmpty();
    }

    private static Map<String, PlannedResource> index(Plan plan) {
        Map<String, PlannedResource> m = new TreeMap<>();
        plan.resources().forEach(r -> m.put(r.urn(), r));
        return m;
    }

    private static List<PropertyChange> compare(PlannedResource a, PlannedResource b) {
        List<PropertyChange> out = new ArrayList<>();
        Map<String, JsonNode> fa = new TreeMap<>();
        Map<String, JsonNode> fb = new TreeMap<>();
        flatten("", a.inputs(), fa);
        flatten("", b.inputs(), fb);
        TreeSet<String> paths = new TreeSet<>(fa.keySet());
        paths.addAll(fb.keySet());
        for (String p : paths) {
            JsonNode x = fa.getOrDefault(p, MissingNode.getInstance());
            JsonNode y = fb.getOrDefault(p, MissingNode.getInstance());
            if (!same(x, y)) {
                out.add(new PropertyChange(p, x, y));
            }
        }
        option(out, "(protect)", a.protect(), b.protect());
        option(out, "(retainOnDelete)", a.retainOnDelete(), b.retainOnDelete());
        option(out, "(parent)", a.parent(), b.parent());
        // one change per dependency added or removed, named type::name, so a reviewer sees which
        b.dependsOn().stream().filter(u -> !a.dependsOn().contains(u))
                .forEach(u -> out.add(new PropertyChange("(dependsOn)", MissingNode.getInstance(), Values.ofJava(shortUrn(u)))));
        a.dependsOn().stream().filter(u -> !b.dependsOn().contains(u))
                .forEach(u -> out.add(new PropertyChange("(dependsOn)", Values.ofJava(shortUrn(u)), MissingNode.getInstance())));
        return out;
    }

    private static void option(List<PropertyChange> out, String name, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(new PropertyChange(name, Values.ofJava(a), Values.ofJava(b)));
        }
    }

    /**
     * JSON equality where numbers compare by value: a synthesized plan holds 1000 as a long, the same
     * plan read back from its file as an int; that is no change.
     */
    static boolean same(JsonNode a, JsonNode b) {
        return a.equals((x, y) -> x.isNumber() && y.isNumber() ? x.decimalValue().compareTo(y.decimalValue()) : x.equals(y) ? 0 : 1, b);
    }

    /** {@code urn:pulumi:s::p::parent$type::name} to {@code type::name}. */
    static String shortUrn(String urn) {
        int nameAt = urn.lastIndexOf("::");
        String types = urn.substring(urn.lastIndexOf("::", nameAt - 1) + 2, nameAt);
        return types.substring(types.lastIndexOf('$') + 1) + urn.substring(nameAt);
    }

    /** Leaf paths: {@code logConfig.flowSampling}, {@code allows[0].ports[0]}. */
    static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node);
        }
    }
}
