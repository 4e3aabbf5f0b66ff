package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.RawConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Defence in depth: a program that reads a secret config value as plain text (instead of through
 * {@code requireSecret}) would put it into a plan in the clear. Any string containing the value of a
 * secret config key is replaced by "[secret]" before a plan leaves the recording engine.
 */
final class SecretMask {
    private final Set<String> secrets;

    private SecretMask(Set<String> secrets) {
        this.secrets = secrets;
    }

    static SecretMask of(RawConfig config) {
        return new SecretMask(config.secretKeys().stream()
                .map(k -> config.values().get(k))
                .filter(v -> v != null && v.length() >= 4 && !v.equals(ConfigFile.SECRET_PLACEHOLDER))
                .collect(Collectors.toUnmodifiableSet()));
    }

    Plan apply(Plan plan) {
        if (secrets.isEmpty()) {
            return plan;
        }
        List<PlannedResource> resources = new ArrayList<>();
        for (PlannedResource r : plan.resources()) {
            resources.add(new PlannedResource(r.urn(), r.type(), r.name(), r.parent(), r.custom(), r.dependsOn(),
                    r.propertyDependencies(), r.protect(), r.retainOnDelete(), mask(r.inputs()), r.provider()));
        }
        Map<String, JsonNode> outputs = new TreeMap<>();
        plan.outputs().forEach((k, v) -> outputs.put(k, mask(v)));
        return new Plan(plan.stack(), plan.project(), List.copyOf(resources), outputs);
    }

    private JsonNode mask(JsonNode node) {
        if (node.isTextual()) {
            String s = node.textValue();
            return secrets.stream().anyMatch(s::contains) ? JsonNodeFactory.instance.textNode(Values.SECRET) : node;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), mask(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(mask(n)));
            return out;
        }
        return node;
    }
}
