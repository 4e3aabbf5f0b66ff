package dev.headway.infra.adopt;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What adopting a stack means, resource by resource: the plan's cloud resources against what discovery found
 * (after the {@code headway:adopt} mapping), and what exists of the same kinds that the plan does not name.
 */
public record Adoption(Plan plan, List<Entry> entries, List<Outside> outside) {
    public enum Status {
        /** Exists: goes into the import file. */
        IMPORT,
        /** Looked for and not found: {@code pulumi up} creates it. */
        CREATE,
        /** Not looked for: creating it is harmless when it exists (IAM members, APIs, Kubernetes under server-side apply). */
        CREATE_HARMLESS,
        /** The provider cannot import this type. */
        NOT_IMPORTABLE,
        /** No discovery for this type here: whether it exists is unknown. */
        UNCHECKED
    }

    /** One plan resource: its status, its import id (when known), the existing name it maps to, and why. */
    public record Entry(PlannedResource resource, Status status, String id, String existingName, String note) {
    }

    /** A resource of a kind the plan imports that exists but that no plan resource names (after mapping). */
    public record Outside(String type, String name) {
    }

    public List<Entry> with(Status status) {
        return entries.stream().filter(e -> e.status() == status).toList();
    }

    /** Compares the plan with what {@code discovery} finds; {@code mapped} from {@link AdoptMap#resolve}. */
    public static Adoption of(Plan plan, Map<PlannedResource, String> mapped, Discovery discovery, ImportIds ids) {
        List<Entry> entries = new ArrayList<>();
        Map<String, Set<String>> claimed = new java.util.TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            if (!r.custom()) {
                continue; // components are not cloud resources; the import file names them as parents
            }
            ImportIds.Rule rule = ids.rule(r.type()).orElseThrow(() -> new IllegalStateException(
                    "no import rule for " + r.type() + ": add it to adopt/import-ids.json with its provider doc"));
            entries.add(switch (rule.mode()) {
                case CREATE -> new Entry(r, Status.CREATE_HARMLESS, ImportIds.id(rule, r, null, null), null, rule.why());
                case NONE -> new Entry(r, Status.NOT_IMPORTABLE, null, null, rule.why());
                case IMPORT -> lookUp(r, rule, mapped.get(r), discovery, claimed);
            });
        }
        List<Outside> outside = new ArrayList<>();
        for (Map.Entry<String, Set<String>> c : claimed.entrySet()) {
            for (String name : new TreeSet<>(discovery.list(c.getKey()).orElseThrow().keySet())) {
                if (!c.getValue().contains(name)) {
                    outside.add(new Outside(c.getKey(), name));
                }
            }
        }
        return new Adoption(plan, List.copyOf(entries), List.copyOf(outside));
    }

    /**
     * The program declares a mapped resource with its existing name ({@link AdoptedNames}), under the plan's logical
     * name, so the import adopts it as is. Should the plan still carry the plan's name (a type the mapping missed),
     * the preview shows the name as a change: a display name changes in place; every other name here is immutable
     * in Google, so up would replace it, and the note says so.
     */
    private static String renamed(PlannedResource r, ImportIds.Rule rule, String mappedName) {
        String planned = r.input(rule.nameInput()).asText();
        if (planned.equals(mappedName)) {
            return "exists as " + mappedName + " (headway:adopt): declared with that name under the plan's name " + r.name()
                    + ", so nothing is replaced";
        }
        return "exists as " + mappedName + " (headway:adopt); the program names it " + planned
                + (rule.nameInput().equals("displayName") ? ", so up renames it in place"
                : ", and " + rule.nameInput() + " cannot change in place: the preview will show a replacement, which would delete "
                + mappedName + " after creating " + planned + " (decide before up)");
    }

    private static Entry lookUp(PlannedResource r, ImportIds.Rule rule, String mappedName, Discovery discovery,
                                Map<String, Set<String>> claimed) {
        Optional<Map<String, String>> existing = discovery.list(r.type());
        String key = mappedName != null ? mappedName : r.input(rule.serverKey() != null ? rule.serverKey() : rule.nameInput()).asText();
        if (existing.isEmpty()) {
            String id = ImportIds.id(rule, r, mappedName, rule.serverAssigned() ? "<id Google gave it>" : null);
            return new Entry(r, Status.UNCHECKED, id, mappedName, "not looked for (no discovery for this type here): if it exists, "
                    + "pulumi up fails on it; import it by hand with this id");
        }
        Set<String> seen = claimed.computeIfAbsent(r.type(), t -> new HashSet<>());
        if (RestDiscovery.AMBIGUOUS.equals(existing.get().get(key))) {
            seen.add(key);
            return new Entry(r, Status.UNCHECKED, ImportIds.id(rule, r, mappedName, "<id Google gave it>"), mappedName,
                    "several exist named " + key + ": import the right one by hand and delete the others");
        }
        if (existing.get().containsKey(key)) {
            seen.add(key);
            String id = ImportIds.id(rule, r, mappedName, rule.serverAssigned() ? existing.get().get(key) : null);
            return new Entry(r, Status.IMPORT, id, mappedName, mappedName == null ? "exists" : renamed(r, rule, mappedName));
        }
        return new Entry(r, Status.CREATE, null, mappedName, mappedName == null ? "not found"
                : "headway:adopt." + r.name() + " names " + mappedName + ", which does not exist; the plan's resource will be created");
    }
}
