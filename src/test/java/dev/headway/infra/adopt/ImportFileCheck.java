package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code pulumi import --file} accepts, from pulumi/pulumi {@code pkg/cmd/pulumi/operations/import.go}
 * (commit 0354637): {@code importFile} {nameTable, resources, providerInputs}; {@code importSpec} {type, name, id,
 * parent, provider, version, pluginDownloadUrl, properties, component, remote, logicalName}; and
 * {@code parseImportFile}: name and logicalName default to each other; type and name are required; id is required
 * unless component and refused on a component; remote only on a component; a parent is a nameTable entry or the name
 * of another entry, and not an ambiguous one; a provider must be in the nameTable; URNs must be unique. Each URN is
 * {@code resource.NewURN(stack, project, parentType, type, logicalName)}, parentType being the parent URN's
 * qualified type. Stricter than the CLI in one way: a field the CLI does not know is refused (Go's decoder would
 * silently drop it, so a misspelt "parent" would land the resource under the stack).
 * Used by tests and, through {@link #main}, by the stand-in {@code pulumi import}.
 */
public final class ImportFileCheck {
    static final Set<String> FILE_FIELDS = Set.of("nameTable", "resources", "providerInputs");
    static final Set<String> SPEC_FIELDS = Set.of("type", "name", "id", "parent", "provider", "version", "pluginDownloadUrl",
            "properties", "component", "remote", "logicalName");

    private ImportFileCheck() {
    }

    /** The URN each entry gets (by its name in the file), or the CLI's errors. */
    public record Result(Map<String, String> urns, List<String> errors) {
    }

    public static Result check(String json, String stack, String project) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        List<String> errors = new ArrayList<>();
        Map<String, String> urns = new LinkedHashMap<>();
        if (!root.isObject()) {
            return new Result(urns, List.of("not a JSON object"));
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!FILE_FIELDS.contains(f)) {
                errors.add("unknown field " + f);
            }
        });
        Map<String, String> nameTable = new HashMap<>();
        root.path("nameTable").fields().forEachRemaining(e -> nameTable.put(e.getKey(), e.getValue().asText()));
        List<JsonNode> specs = new ArrayList<>();
        root.path("resources").forEach(specs::add);
        Map<String, Integer> nameCount = new HashMap<>();
        for (JsonNode s : specs) {
            s.fieldNames().forEachRemaining(f -> {
                if (!SPEC_FIELDS.contains(f)) {
                    errors.add("unknown field " + f + " in " + s);
                }
            });
            String name = name(s);
            nameCount.merge(name, 1, Integer::sum);
            boolean component = s.path("component").asBoolean(false);
            if (s.path("type").asText("").isEmpty()) {
                errors.add(name + " has no type");
            }
            if (name.isEmpty()) {
                errors.add("a resource has no name");
            }
            if (!component && s.path("id").asText("").isEmpty()) {
                errors.add(name + " has no ID");
            } else if (component && !s.path("id").asText("").isEmpty()) {
                errors.add(name + " has an ID, but is marked as a component");
            }
            if (s.path("remote").asBoolean(false) && !component) {
                errors.add(name + " is marked as remote, but not as a component");
            }
            if (s.has("provider") && !nameTable.containsKey(s.get("provider").asText())) {
                errors.add("the provider of " + name + " has no entry in 'nameTable'");
            }
        }
        if (!errors.isEmpty()) {
            return new Result(urns, errors);
        }
        Set<String> taken = new HashSet<>(nameTable.values());
        boolean progress = true;
        while (progress && urns.size() < specs.size()) {
            progress = false;
            for (JsonNode s : specs) {
                String name = name(s);
                if (urns.containsKey(name)) {
                    continue;
                }
                String parentType = "";
                String parent = s.path("parent").asText("");
                if (!parent.isEmpty()) {
                    if (nameCount.getOrDefault(parent, 0) > 1) {
                        errors.add(name + " has an ambiguous parent");
                        return new Result(urns, errors);
                    }
                    String parentUrn = nameTable.containsKey(parent) ? nameTable.get(parent) : urns.get(parent);
                    if (parentUrn == null && !nameCount.containsKey(parent)) {
                        errors.add("the parent '" + parent + "' for " + name + " has no entry in 'nameTable'");
                        return new Result(urns, errors);
                    }
                    if (parentUrn == null) {
                        continue; // its parent's URN is not known yet
                    }
                    parentType = qualifiedType(parentUrn);
                }
                String logical = s.path("logicalName").asText(name);
                String urn = "urn:pulumi:" + stack + "::" + project + "::" + (parentType.isEmpty() ? "" : parentType + "$")
                        + s.path("type").asText() + "::" + logical;
                if (!taken.add(urn)) {
                    errors.add(name + " has an ambiguous URN, set name (or logical name) to be unique");
                }
                urns.put(name, urn);
                progress = true;
            }
        }
        if (urns.size() < specs.size()) {
            errors.add("parents form a cycle");
        }
        return new Result(urns, errors);
    }

    private static String name(JsonNode s) {
        String name = s.path("name").asText("");
        return name.isEmpty() ? s.path("logicalName").asText("") : name;
    }

    /** {@code urn:pulumi:stack::project::qualifiedType::name} to its qualified type. */
    static String qualifiedType(String urn) {
        String[] parts = urn.split("::");
        return parts[2];
    }

    /** {@code ImportFileCheck <file> <stack> <project>}: exit 0 when the CLI would accept it, else 1 with the errors. */
    public static void main(String[] args) throws Exception {
        Result r = check(Files.readString(Path.of(args[0])), args[1], args[2]);
        r.errors().forEach(e -> System.err.println("error: " + e));
        System.exit(r.errors().isEmpty() ? 0 : 1);
    }
}
