package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * One resource as the program registered it with the engine: its URN, type, parent, explicit and
 * property dependencies, protect and retainOnDelete, and its inputs (secrets as "[secret]").
 *
 * @param dependsOn            every URN the resource depends on (explicit and through its inputs)
 * @param propertyDependencies input property to the URNs its value came from
 * @param custom               false for components
 * @param provider             the explicit provider reference ({@code <provider urn>::<id>}) the
 *                             resource was registered with; empty for the default provider
 */
public record PlannedResource(
        String urn,
        String type,
        String name,
        String parent,
        boolean custom,
        List<String> dependsOn,
        Map<String, List<String>> propertyDependencies,
        boolean protect,
        boolean retainOnDelete,
        JsonNode inputs,
        String provider) {

    /** A resource registered with its type's default provider. */
    public PlannedResource(String urn, String type, String name, String parent, boolean custom, List<String> dependsOn,
                           Map<String, List<String>> propertyDependencies, boolean protect, boolean retainOnDelete,
                           JsonNode inputs) {
        this(urn, type, name, parent, custom, dependsOn, propertyDependencies, protect, retainOnDelete, inputs, "");
    }

    /** The URN of the explicit provider this resource was registered with; empty for the default provider. */
    public String providerUrn() {
        int sep = provider.lastIndexOf("::");
        return sep < 0 ? provider : provider.substring(0, sep);
    }

    /** The input at a dotted path ({@code logConfig.flowSampling}, {@code allows[0].ports}); missing node when absent. */
    public JsonNode input(String path) {
        JsonNode node = inputs;
        for (String part : path.split("\\.")) {
            String field = part;
            Integer index = null;
            int bracket = part.indexOf('[');
            if (bracket >= 0) {
                field = part.substring(0, bracket);
                index = Integer.parseInt(part.substring(bracket + 1, part.length() - 1));
            }
            if (!field.isEmpty()) {
                node = node.path(field);
            }
            if (index != null) {
                node = node.path(index);
            }
        }
        return node;
    }

    /** The dependencies that come only from {@code dependsOn} options, not from any input. */
    public List<String> explicitDependencies() {
        var viaInputs = propertyDependencies.values().stream().flatMap(List::stream).collect(java.util.stream.Collectors.toSet());
        return dependsOn.stream().filter(d -> !viaInputs.contains(d)).toList();
    }
}
