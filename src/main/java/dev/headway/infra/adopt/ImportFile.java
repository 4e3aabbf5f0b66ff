package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bulk import file {@code pulumi import --file} reads. Its shape is the CLI's {@code importFile} and
 * {@code importSpec} (pulumi/pulumi {@code pkg/cmd/pulumi/operations/import.go}, commit 0354637):
 * {@code {"nameTable": {name: urn}, "resources": [{"type", "name", "id", "parent", "component", "logicalName"}]}}.
 * The CLI computes each URN from the parent's URN type and {@code logicalName} ({@code resource.NewURN}), so every
 * component between the stack and an imported resource is listed as a {@code component} entry (no id): the
 * imported resources then get exactly the URNs the program registers, and {@code pulumi up} sees them as its own.
 */
public final class ImportFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImportFile() {
    }

    public static String write(Adoption adoption) {
        Plan plan = adoption.plan();
        PlannedResource stack = plan.where(r -> r.type().equals("pulumi:pulumi:Stack")).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("the plan has no pulumi:pulumi:Stack"));
        Map<String, String> fileNames = new LinkedHashMap<>(); // urn -> name in the file
        Set<String> taken = new HashSet<>();
        fileNames.put(stack.urn(), stack.name());
        taken.add(stack.name());

        ObjectNode root = JSON.createObjectNode();
        root.putObject("nameTable").put(stack.name(), stack.urn());
        ArrayNode resources = root.putArray("resources");
        List<Adoption.Entry> imports = adoption.with(Adoption.Status.IMPORT).stream()
                .sorted(java.util.Comparator.comparing(e -> e.resource().urn())).toList();
        for (Adoption.Entry e : imports) {
            addParents(plan, e.resource().parent(), fileNames, taken, resources);
        }
        for (Adoption.Entry e : imports) {
            ObjectNode spec = entry(e.resource(), fileNames, taken, resources);
            spec.put("id", e.id());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addParents(Plan plan, String parentUrn, Map<String, String> fileNames, Set<String> taken, ArrayNode out) {
        if (parentUrn == null || parentUrn.isEmpty() || fileNames.containsKey(parentUrn)) {
            return;
        }
        PlannedResource parent = plan.byUrn(parentUrn).orElseThrow(() -> new IllegalStateException("parent " + parentUrn + " is not in the plan"));
        addParents(plan, parent.parent(), fileNames, taken, out);
        entry(parent, fileNames, taken, out).put("component", true);
    }

    private static ObjectNode entry(PlannedResource r, Map<String, String> fileNames, Set<String> taken, ArrayNode out) {
        String name = r.name();
        for (int n = 2; !taken.add(name); n++) {
            name = r.name() + "-" + n;
        }
        fileNames.put(r.urn(), name);
        ObjectNode spec = out.addObject().put("type", r.type()).put("name", name);
        if (!name.equals(r.name())) {
            spec.put("logicalName", r.name());
        }
        if (r.parent() != null && !r.parent().isEmpty()) {
            spec.put("parent", fileNames.get(r.parent()));
        }
        return spec;
    }
}
