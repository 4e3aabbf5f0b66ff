package dev.headway.infra.adopt;

import dev.headway.infra.adopt.Adoption.Entry;
import dev.headway.infra.adopt.Adoption.Status;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The human report of an adoption: what is imported, created, left alone, and what exists outside the plan. */
public final class AdoptReport {
    private AdoptReport() {
    }

    public static String text(Adoption a, String importFile) {
        StringBuilder b = new StringBuilder();
        b.append("adopt ").append(a.plan().stack()).append(" (project ").append(a.plan().project()).append("): ")
                .append(a.with(Status.IMPORT).size()).append(" to import, ")
                .append(a.with(Status.CREATE).size()).append(" not found (created by up), ")
                .append(a.with(Status.CREATE_HARMLESS).size()).append(" created harmlessly, ")
                .append(a.with(Status.NOT_IMPORTABLE).size()).append(" not importable, ")
                .append(a.with(Status.UNCHECKED).size()).append(" not checked, ")
                .append(a.outside().size()).append(" outside the plan\n");
        section(b, "Import (" + importFile + ")", a.with(Status.IMPORT), e -> e.id() + (e.existingName() != null ? "  [" + e.note() + "]" : ""));
        section(b, "Not found: pulumi up creates", a.with(Status.CREATE), e -> e.existingName() != null ? e.note() : "");
        if (!a.outside().isEmpty()) {
            b.append("\nExists outside the plan (made under other names? adopt one with headway:adopt: {<plan name>: <name>}):\n");
            a.outside().forEach(o -> b.append("  ").append(o.type()).append("  ").append(o.name()).append('\n'));
        }
        section(b, "Not checked (no discovery for the type here, or ambiguous; if one exists, pulumi up fails on it: import it with this id)",
                a.with(Status.UNCHECKED), e -> e.id() + (e.note().startsWith("not looked for") ? "" : "  [" + e.note() + "]"));
        section(b, "Not importable", a.with(Status.NOT_IMPORTABLE), Entry::note);
        Map<String, List<Entry>> harmless = a.with(Status.CREATE_HARMLESS).stream()
                .collect(Collectors.groupingBy(e -> e.resource().type(), TreeMap::new, Collectors.toList()));
        if (!harmless.isEmpty()) {
            b.append("\nCreated by pulumi up, harmless where they exist:\n");
            harmless.forEach((type, list) -> b.append("  ").append(type).append(" x").append(list.size())
                    .append(": ").append(list.get(0).note()).append('\n'));
        }
        return b.toString();
    }

    private static void section(StringBuilder b, String title, List<Entry> entries, java.util.function.Function<Entry, String> detail) {
        if (entries.isEmpty()) {
            return;
        }
        b.append('\n').append(title).append(":\n");
        for (Entry e : entries) {
            String d = detail.apply(e);
            b.append("  ").append(e.resource().type()).append("  ").append(e.resource().name())
                    .append(d == null || d.isEmpty() ? "" : "  " + d).append('\n');
        }
    }

    public static String changes(List<PulumiImport.Change> changes) {
        if (changes.isEmpty()) {
            return "preview: no imported resource would change\n";
        }
        StringBuilder b = new StringBuilder("preview: " + changes.size() + " imported resource(s) would still change; decide per input "
                + "(change the stack config, or accept the change on the next up):\n");
        changes.forEach(c -> b.append("  ").append(c.op()).append("  ").append(c.urn()).append("  inputs: ")
                .append(c.inputs().isEmpty() ? "(none listed)" : String.join(", ", c.inputs())).append('\n'));
        return b.toString();
    }
}
