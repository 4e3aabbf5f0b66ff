package dev.headway.infra.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Small crafted plans for policy tests, written as relaxed JSON (single quotes, unquoted keys):
 * {@code {env: 'prod', resources: [{type: 'gcp:storage/bucket:Bucket', name: 'bad', inputs: {...}}]}}.
 * A resource's urn defaults to {@code urn:pulumi:<env>::headway::<type>::<name>}; custom defaults to true;
 * {@code provider} (an explicit provider reference, {@code <urn>::<id>}) to none.
 * {@code env} is the stack's name (default dev); {@code tier}, when given, becomes the {@code tier} output.
 */
public final class Plans {
    private static final JsonMapper RELAXED = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    private Plans() {
    }

    public static String urn(String env, String type, String name) {
        return "urn:pulumi:" + env + "::headway::" + type + "::" + name;
    }

    public static Plan of(String relaxedJson) {
        JsonNode root;
        try {
            root = RELAXED.readTree(relaxedJson);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("crafted plan is not JSON: " + e.getOriginalMessage(), e);
        }
        String env = root.path("env").asText("dev");
        List<PlannedResource> resources = new ArrayList<>();
        for (JsonNode r : root.path("resources")) {
            String type = r.path("type").asText();
            String name = r.path("name").asText();
            List<String> dependsOn = new ArrayList<>();
            r.path("dependsOn").forEach(d -> dependsOn.add(d.asText()));
            Map<String, List<String>> propertyDependencies = new TreeMap<>();
            r.path("propertyDependencies").fields().forEachRemaining(e -> {
                List<String> urns = new ArrayList<>();
                e.getValue().forEach(u -> urns.add(u.asText()));
                propertyDependencies.put(e.getKey(), urns);
            });
            resources.add(new PlannedResource(
                    r.path("urn").asText(urn(env, type, name)), type, name, r.path("parent").asText(null),
                    r.path("custom").asBoolean(true), dependsOn, propertyDependencies,
                    r.path("protect").asBoolean(false), r.path("retainOnDelete").asBoolean(false),
                    r.has("inputs") ? r.get("inputs") : RELAXED.createObjectNode(), r.path("provider").asText("")));
        }
        Map<String, JsonNode> outputs = new TreeMap<>(Map.of("env", RELAXED.getNodeFactory().textNode(env)));
        if (root.has("tier")) {
            outputs.put("tier", root.get("tier"));
        }
        return new Plan(env, "headway-" + env, resources, Map.copyOf(outputs));
    }
}
