package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a {@link PlanDiff} as text (terminal), JSON (tools) or Markdown (pull requests). */
public final class DiffRenderer {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DiffRenderer() {
    }

    /** The counts, the same in every format: cloud resources only, replacements apart from updates. */
    public static String summary(PlanDiff all) {
        PlanDiff d = all.cloud();
        int replaced = d.replaced().size();
        return d.added().size() + " to add, " + (d.changed().size() - replaced) + " to change, " + replaced + " to replace, "
                + d.removed().size() + " to delete"
                + (d.outputChanges().isEmpty() ? "" : ", " + d.outputChanges().size() + " outputs changed");
    }

    public static String text(PlanDiff all) {
        StringBuilder sb = new StringBuilder("stack " + all.after().stack() + ": ");
        PlanDiff d = all.cloud();
        if (d.isEmpty()) {
            return sb.append("no changes\n").toString();
        }
        sb.append(summary(d)).append('\n');
        d.added().forEach(r -> sb.append("+ ").append(TypeNames.shortName(r.type())).append(' ').append(r.name()).append('\n'));
        for (PlanDiff.Changed c : d.changed()) {
            List<String> forcing = ReplaceRules.replacingPaths(c);
            sb.append(forcing.isEmpty() ? "~ " : "± ").append(TypeNames.shortName(c.after().type())).append(' ').append(c.after().name())
                    .append(forcing.isEmpty() ? "" : " (replace)").append('\n');
            for (PlanDiff.PropertyChange p : c.changes()) {
                String mark = forcing.contains(p.path()) ? "  [forces replacement]" : "";
                if (MarkdownDiff.isLong(p.path(), p.before()) || MarkdownDiff.isLong(p.path(), p.after())) {
                    sb.append("    ").append(p.path()).append(":").append(mark).append('\n');
                    UnifiedDiff.of(MarkdownDiff.text(p.path(), p.before()), MarkdownDiff.text(p.path(), p.after())).lines()
                            .forEach(l -> sb.append("      ").append(l).append('\n'));
                } else {
                    sb.append("    ").append(p.path()).append(": ").append(show(p.path(), p.before()))
                            .append(" -> ").append(show(p.path(), p.after())).append(mark).append('\n');
                }
            }
        }
        d.removed().forEach(r -> sb.append("- ").append(TypeNames.shortName(r.type())).append(' ').append(r.name()).append('\n'));
        d.outputChanges().forEach(p -> sb.append("  output ").append(p.path()).append(": ").append(show(p.path(), p.before()))
                .append(" -> ").append(show(p.path(), p.after())).append('\n'));
        return sb.toString();
    }

    public static String json(PlanDiff all) {
        PlanDiff d = all.cloud();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("stack", d.after().stack());
        root.put("same", d.isEmpty());
        root.put("summary", d.isEmpty() ? "no changes" : summary(d));
        d.added().forEach(r -> root.withArray("added").add(r.urn()));
        d.removed().forEach(r -> root.withArray("removed").add(r.urn()));
        root.withArray("added");
        root.withArray("removed");
        var replacedUrns = root.putArray("replaced");
        var changed = root.putArray("changed");
        for (PlanDiff.Changed c : d.changed()) {
            List<String> forcing = ReplaceRules.replacingPaths(c);
            if (!forcing.isEmpty()) {
                replacedUrns.add(c.after().urn());
            }
            ObjectNode o = changed.addObject();
            o.put("urn", c.after().urn());
            o.put("action", forcing.isEmpty() ? "update" : "replace");
            var props = o.putArray("changes");
            c.changes().forEach(p -> props.addObject().put("path", p.path()).put("forcesReplacement", forcing.contains(p.path()))
                    .<ObjectNode>set("before", orNull(p.before())).set("after", orNull(p.after())));
        }
        var outputs = root.putArray("outputs");
        d.outputChanges().forEach(p -> outputs.addObject().put("name", p.path()).<ObjectNode>set("before", orNull(p.before())).set("after", orNull(p.after())));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** For pull requests: see {@link MarkdownDiff}; the cost section is added by the caller when it has one. */
    public static String markdown(PlanDiff d) {
        return MarkdownDiff.render(d, "");
    }

    /** The changed resources and everything that depends on them, over the union of both plans; {@code replaced} marked apart. */
    static String graph(PlanDiff d, List<PlanDiff.Changed> replaced) {
        Map<String, PlannedResource> all = new LinkedHashMap<>();
        d.before().cloudResources().forEach(r -> all.put(r.urn(), r));
        d.after().cloudResources().forEach(r -> all.put(r.urn(), r));
        Map<String, String> classes = new LinkedHashMap<>();
        d.added().forEach(r -> classes.put(r.urn(), "added"));
        d.changed().forEach(c -> classes.put(c.after().urn(), replaced.contains(c) ? "replaced" : "changed"));
        d.removed().forEach(r -> classes.put(r.urn(), "removed"));
        Set<String> shown = new LinkedHashSet<>(classes.keySet());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (PlannedResource r : all.values()) {
                if (!shown.contains(r.urn()) && r.dependsOn().stream().anyMatch(shown::contains)) {
                    shown.add(r.urn());
                    grew = true;
                }
            }
        }
        List<PlannedResource> nodes = all.values().stream().filter(r -> shown.contains(r.urn())).toList();
        Plan union = new Plan(d.after().stack(), d.after().project(), List.copyOf(all.values()), Map.of());
        return MermaidRenderer.render(unionWithComponents(d, union), nodes, classes);
    }

    private static Plan unionWithComponents(PlanDiff d, Plan union) {
        Map<String, PlannedResource> all = new LinkedHashMap<>();
        d.before().resources().forEach(r -> all.put(r.urn(), r));
        d.after().resources().forEach(r -> all.put(r.urn(), r));
        return new Plan(union.stack(), union.project(), List.copyOf(all.values()), Map.of());
    }

    private static JsonNode orNull(JsonNode n) {
        return n.isMissingNode() ? JsonNodeFactory.instance.nullNode() : n;
    }

    /** Whole values, secrets masked as in Markdown; long ones are shown as a unified diff above. */
    private static String show(String path, JsonNode n) {
        return MarkdownDiff.show(path, n);
    }
}
