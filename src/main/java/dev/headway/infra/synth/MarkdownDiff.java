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

    /**
     * The pull-request view split in two: {@code essential} (the counts, what needs care, the
     * per-component summary) is never trimmed; {@code detail} (property tables, cost, graph) may be,
     * when a comment would pass GitHub's size limit.
     */
    public record Sections(String essential, String detail) {
        public String whole() {
            return essential + detail;
        }
    }

    public static String render(PlanDiff all, String costSection) {
        return sections(all, "", costSection).whole();
    }

    /**
     * @param care        sections the caller adds to the essential part (data loss, security), after the callouts
     * @param costSection the cost table, in the details
     */
    public static Sections sections(PlanDiff all, String care, String costSection) {
        // Components are groupings in the URN tree, not cloud resources: they are shown as the component column.
        PlanDiff d = all.cloud();
        String env = d.after().outputs().containsKey("env") ? d.after().outputs().get("env").asText() : d.after().stack();
        StringBuilder sb = new StringBuilder("### Stack `" + d.after().stack() + "`: ");
        if (d.isEmpty()) {
            sb.append("no changes\n");
            return new Sections(sb.toString() + (care.isEmpty() ? "" : "\n" + care), costSection.isEmpty() ? "" : "\n" + costSection);
        }
        List<PlanDiff.Changed> replaced = d.replaced();
        sb.append(DiffRenderer.summary(d)).append("\n\n");
        callouts(sb, replaced, env, d.after().isProd());
        sb.append(care);
        summary(sb, d, replaced);
        String essential = sb.toString();
        sb.setLength(0);
        sb.append("#### Changes\n\n");
        for (PlanDiff.Changed c : d.changed()) {
            List<String> forcing = ReplaceRules.replacingPaths(c);
            heading(sb, forcing.isEmpty() ? "~ update" : "± replace", c.after(), d.after());
            sb.append("| property | before | after | |\n|---|---|---|---|\n");
            List<PlanDiff.PropertyChange> longOnes = new ArrayList<>();
            for (PlanDiff.PropertyChange p : c.changes()) {
                boolean isLong = isLong(p.path(), p.before()) || isLong(p.path(), p.after());
                if (isLong) {
                    longOnes.add(p);
                }
                sb.append("| `").append(cell(p.path())).append("` | ").append(cell(isLong ? size(p.path(), p.before()) : show(p.path(), p.before())))
                        .append(" | ").append(cell(isLong ? size(p.path(), p.after()) : show(p.path(), p.after()))).append(" | ")
                        .append(forcing.contains(p.path()) ? "**forces replacement**" : "").append(" |\n");
            }
            sb.append('\n');
            for (PlanDiff.PropertyChange p : longOnes) {
                String diff = UnifiedDiff.of(text(p.path(), p.before()), text(p.path(), p.after()));
                long changedLines = diff.lines().skip(2).filter(l -> l.startsWith("+") || l.startsWith("-")).count();
                sb.append("<details><summary><code>").append(html(p.path())).append("</code>: ").append(changedLines)
                        .append(changedLines == 1 ? " line differs" : " lines differ").append("</summary>\n\n").append(fenced("diff", diff)).append("\n</details>\n\n");
            }
            RunningWork.effect(c).ifPresent(e -> sb.append("Running work: ").append(e).append("\n\n"));
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
        return new Sections(essential, sb.toString());
    }

    /** Replacements, each with the inputs that force it; what they cost in data is the caller's data-loss section. */
    private static void callouts(StringBuilder sb, List<PlanDiff.Changed> replaced, String env, boolean prod) {
        List<String> lines = new ArrayList<>();
        for (PlanDiff.Changed c : replaced) {
            String why = String.join(", ", ReplaceRules.replacingPaths(c).stream().map(p -> "`" + p + "`").toList());
            lines.add("**Replaces** " + ref(c.after()) + " (delete and re-create) because " + why + " changed");
        }
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
        leaves.forEach((k, v) -> sb.append("| `").append(cell(k)).append("` | ").append(cell(isLong(k, v) ? size(k, v) : show(k, v))).append(" |\n"));
        sb.append('\n');
        leaves.forEach((k, v) -> {
            if (isLong(k, v)) {
                sb.append("`").append(cell(k)).append("`:\n\n").append(fenced("", text(k, v))).append('\n');
            }
        });
        sb.append("</details>\n\n");
    }

    /** Too long or multi-line for a table cell: shown whole, below the table (never cut). */
    static boolean isLong(String path, JsonNode n) {
        // a secret shows and reads as "[secret]", an absent value as "(none)" and "": neither is long
        return show(path, n).length() > MAX_VALUE || text(path, n).contains("\n");
    }

    /** The text of a value: strings as they are (a script reads as a script), other JSON pretty-printed. */
    static String text(String path, JsonNode n) {
        if (n.isMissingNode() || "[secret]".equals(show(path, n))) {
            return n.isMissingNode() ? "" : "[secret]";
        }
        if (n.isTextual()) {
            return n.asText();
        }
        return n.toPrettyString();
    }

    private static String size(String path, JsonNode n) {
        if (n.isMissingNode()) {
            return "(none)";
        }
        String t = text(path, n);
        return "(" + t.length() + " characters, " + t.lines().count() + " lines; below)";
    }

    /** A fenced block whose fence is longer than any run of backticks inside, so no value can close it early. */
    static String fenced(String lang, String body) {
        int longest = 0;
        int run = 0;
        for (char ch : body.toCharArray()) {
            run = ch == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + lang + "\n" + body + (body.endsWith("\n") ? "" : "\n") + fence + "\n";
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String ref(PlannedResource r) {
        return TypeNames.shortName(r.type()) + " `" + r.name() + "`";
    }

    /** A value for display, whole: secrets masked (by value and by key). Long values go below tables ({@link #isLong}). */
    static String show(String path, JsonNode n) {
        if (n.isMissingNode()) {
            return "(none)";
        }
        if (Values.SECRET.equals(n.asText(null)) || SECRET_KEY.matcher(path.replaceAll("\\[\\d+]", "")).matches()) {
            return "[secret]";
        }
        return n.toString();
    }

    /** Text for a Markdown list item: no HTML, no table or emphasis surprises. */
    public static String escape(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
