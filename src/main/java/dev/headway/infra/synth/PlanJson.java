package dev.headway.infra.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The synth JSON format (DESIGN.md): sorted, deterministic, two-space indented, trailing newline. */
public final class PlanJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private PlanJson() {
    }

    public static ObjectNode toTree(Plan plan) {
        ObjectNode root = F.objectNode();
        root.put("stack", plan.stack());
        root.put("project", plan.project());
        ArrayNode resources = root.putArray("resources");
        for (PlannedResource r : plan.resources()) {
            ObjectNode o = resources.addObject();
            o.put("urn", r.urn());
            o.put("type", r.type());
            o.put("name", r.name());
            o.put("parent", r.parent());
            o.put("custom", r.custom());
            ArrayNode deps = o.putArray("dependsOn");
            r.dependsOn().forEach(deps::add);
            ObjectNode propDeps = o.putObject("propertyDependencies");
            r.propertyDependencies().forEach((k, v) -> {
                ArrayNode a = propDeps.putArray(k);
                v.forEach(a::add);
            });
            o.put("protect", r.protect());
            o.put("retainOnDelete", r.retainOnDelete());
            o.set("inputs", r.inputs());
            if (!r.provider().isEmpty()) {
                o.put("provider", r.provider());
            }
        }
        ObjectNode outputs = root.putObject("outputs");
        plan.outputs().forEach(outputs::set);
        return root;
    }

    public static String write(Plan plan) {
        try {
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n"));
            return MAPPER.writer(printer).writeValueAsString(toTree(plan)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Plan read(Path file) {
        try {
            return fromTree(MAPPER.readTree(Files.readString(file)));
        } catch (NoSuchFileException e) {
            throw new UserError(UserError.USAGE, file + ": no such plan file; write one with: java -jar target/headway-infra.jar synth <stack> --format json > " + file);
        } catch (IOException | RuntimeException e) {
            throw new UserError(UserError.USAGE, file + ": not a synth plan (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    public static Plan fromTree(JsonNode root) {
        List<PlannedResource> resources = new ArrayList<>();
        for (JsonNode o : root.required("resources")) {
            List<String> deps = new ArrayList<>();
            o.path("dependsOn").forEach(d -> deps.add(d.asText()));
            Map<String, List<String>> propDeps = new TreeMap<>();
            o.path("propertyDependencies").fields().forEachRemaining(e -> {
                List<String> urns = new ArrayList<>();
                e.getValue().forEach(u -> urns.add(u.asText()));
                propDeps.put(e.getKey(), List.copyOf(urns));
            });
            resources.add(new PlannedResource(o.required("urn").asText(), o.required("type").asText(),
                    o.required("name").asText(), o.path("parent").asText(""), o.path("custom").asBoolean(true),
                    List.copyOf(deps), propDeps, o.path("protect").asBoolean(false),
                    o.path("retainOnDelete").asBoolean(false), o.path("inputs"), o.path("provider").asText("")));
        }
        Map<String, JsonNode> outputs = new TreeMap<>();
        root.path("outputs").fields().forEachRemaining(e -> outputs.put(e.getKey(), e.getValue()));
        return new Plan(root.required("stack").asText(), root.path("project").asText(""), List.copyOf(resources), outputs);
    }
}
