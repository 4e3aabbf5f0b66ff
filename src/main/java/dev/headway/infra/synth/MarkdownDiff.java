package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@link PlanDiff} as a reviewer reads it in a pull request: what needs care first (prod, data
 * stores deleted or replaced), a summary per component, each resource's property changes with
 * secrets masked and replacements named, a cost section (given by the caller) and a Mermaid graph of
 * the changed resources and what depends on them.
 */
public final class MarkdownDiff {
    /** Keys whose values are never printed, whatever the plan holds. */
    static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|private_?key|api_?key|credential|passphrase|access_?key).*");
    private static final int MAX_VALUE = 80;

    private MarkdownDiff() {
    }

    public static String render(PlanDiff all, String costSection) {
        // Components are groupings in the URN tree, not cloud resources: they are shown as the component column.
        PlanDiff d = new PlanDiff(all.before(), all.after(), all.added().stream().filter(PlannedResource::custom).toList(),
                all.removed().stream().filter(PlannedResource::custom).toList(),
                all.changed().stream().filter(c -> c.after().custom()).toList(), all.outputChanges());
        String env = d.after().outputs().containsKey("env") ? d.after().outputs().get("env").asText() : d.after().stack();
        StringBuilder sb = new StringBuilder("### Stack `" + d.after().stack() + "`: ");
        if (d.isEmpty()) {
            sb.append("no changes\n");
            return costSection.isEmpty() ? sb.toString() : sb.append('\n').append(costSection).toString();
        }
        List<PlanDiff.Changed> replaced = d.changed().stream().filter(c -> !ReplaceRules.replacingPaths(c).isEmpty()).toList();
        sb.append(d.added().size()).append(" to add, ").append(d.changed().size() - replaced.size()).append(" to change, ")
                .append(replaced.size()).append(" to replace, ").append(d.removed().size()).append(" to delete\n\n");
        callouts(sb, d, replaced, env);
        summary(sb, d, replaced);
        sb.append("#### Changes\n\n");
        for (PlanDiff.Changed c : d.changed()) {
            List<String> forcing = ReplaceRules.replacingPaths(c);
            heading(sb, forcing.isEmpty() ? "~ update" : "± replace", c.after(), d.after());
            sb.append("| property | before | after | |\n|---|---|---|---|\n");
            for (PlanDiff.PropertyChange p : c.changes()) {
                sb.append("| `").append(cell(p.path())).append("` | ").append(cell(show(p.path(), p.before()))).append(" | ")
                        .append(cell(show(p.path(), p.after()))).append(" | ")
                        .append(forcing.contains(p.path()) ? "**forces replacement**" : "").append(" |\n");
            }
            sb.append('\n');
        }
        for (PlannedResource r : d.added()) {
            heading(sb, "+ create", r, d.after());
            properties(sb, r);
        }
        for (PlannedResource r : d.removed()) {
            heading(sb, "- delete", r, d.before());
            sb.append(r.protect() ? "Protected: `pulumi up` refuses to delete it until protection is removed.\n\n" : "")
                    .append(r.retainOnDelete() ? "Retained on delete: Pulumi forgets it, the cloud keeps it.\n\n" : "");
        }
        if (!d.outputChanges().isEmpty()) {
            sb.append("#### Stack outputs\n\n| output | before | after |\n|---|---|---|\n");
            d.outputChanges().forEach(p -> sb.append("| `").append(cell(p.path())).append("` | ").append(cell(show(p.path(), p.before())))
                    .append(" | ").append(cell(show(p.path(), p.after()))).append(" |\n"));
            sb.append('\n');
        }
        if (!costSection.isEmpty()) {
            sb.append(costSection).append('\n');
        }
        sb.append("#### What changes and what depends on it\n\n```mermaid\n").append(DiffRenderer.graph(d, replaced)).append("```\n");
        return sb.toString();
    }

    private static void callouts(StringBuilder sb, PlanDiff d, List<PlanDiff.Changed> replaced, String env) {
        List<String> lines = new ArrayList<>();
        for (PlannedResource r : d.removed()) {
            if (ReplaceRules.isDataStore(r)) {
                lines.add("**Deletes data store** " + ref(r) + (r.protect() ? " (protected: the update will fail until unprotected)" : "")
                        + (r.retainOnDelete() ? " (retained in the cloud)" : " — its data is lost"));
            }
        }
        for (PlanDiff.Changed c : replaced) {
            String why = String.join(", ", ReplaceRules.replacingPaths(c).stream().map(p -> "`" + p + "`").toList());
            lines.add((ReplaceRules.isDataStore(c.after()) ? "**Replaces data store** " : "**Replaces** ") + ref(c.after())
                    + " (delete and re-create) because " + why + " changed"
                    + (ReplaceRules.isDataStore(c.after()) ? " — the new one starts empty" : ""));
        }
        boolean prod = d.after().isProd();
        if (prod || !lines.isEmpty()) {
            sb.append(prod ? "> [!CAUTION]\n> **Production**: these changes apply to `" + env + "`; deploys need the `production` approval.\n"
                    : "> [!WARNING]\n");
            lines.forEach(l -> sb.append("> - ").append(l).append('\n'));
            sb.append('\n');
        }
    }

    private static void summary(StringBuilder sb, PlanDiff d, List<PlanDiff.Changed> replaced) {
        Map<String, int[]> rows = new TreeMap<>();
        d.added().forEach(r -> rows.computeIfAbsent(d.after().componentOf(r), k -> new int[4])[0]++);
        d.changed().forEach(c -> rows.computeIfAbsent(d.after().componentOf(c.after()), k -> new int[4])[replaced.contains(c) ? 3 : 1]++);
        d.removed().forEach(r -> rows.computeIfAbsent(d.before().componentOf(r), k -> new int[4])[2]++);
        sb.append("| component | add | change | delete | replace |\n|---|---:|---:|---:|---:|\n");
        rows.forEach((component, n) -> sb.append("| ").append(component).append(" | ").append(n[0]).append(" | ").append(n[1])
                .append(" | ").append(n[2]).append(" | ").append(n[3]).append(" |\n"));
        sb.append('\n');
    }

    private static void heading(StringBuilder sb, String action, PlannedResource r, Plan plan) {
        sb.append("##### ").append(action).append(' ').append(ref(r)).append(" — ").append(plan.componentOf(r)).append("\n\n");
    }

    private static void properties(StringBuilder sb, PlannedResource r) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        PlanDiff.flatten("", r.inputs(), leaves);
        sb.append("<details><summary>").append(leaves.size()).append(" properties</summary>\n\n| property | value |\n|---|---|\n");
        leaves.forEach((k, v) -> sb.append("| `").append(cell(k)).append("` | ").append(cell(show(k, v))).append(" |\n"));
        sb.append("\n</details>\n\n");
    }

    private static String ref(PlannedResource r) {
        return TypeNames.shortName(r.type()) + " `" + r.name() + "`";
    }

    /** A value for display: secrets masked (by value and by key), long values cut. */
    static String show(String path, JsonNode n) {
        if (n.isMissingNode()) {
            return "(none)";
        }
        if (Values.SECRET.equals(n.asText(null)) || SECRET_KEY.matcher(path.replaceAll("\\[\\d+]", "")).matches()) {
            return "[secret]";
        }
        String s = n.toString();
        return s.length() > MAX_VALUE ? s.substring(0, MAX_VALUE - 3) + "..." : s;
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
