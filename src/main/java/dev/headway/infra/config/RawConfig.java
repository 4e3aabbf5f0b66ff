package dev.headway.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stack config as the Pulumi engine hands it to a program: a flat map of {@code namespace:key} to a
 * string (structured values as JSON), and the set of keys whose values are secret. Both the real
 * run (from {@code PULUMI_CONFIG}) and the offline synth (from {@code Pulumi.<stack>.yaml}) produce
 * one of these, so both validate the same way.
 */
public record RawConfig(Map<String, String> values, Set<String> secretKeys) {
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Namespaces a stack file may use; anything else is most likely a typo of one of these. */
    static final Set<String> NAMESPACES = Set.of("headway", "gcp", "kubernetes", "pulumi");

    public RawConfig {
        values = Map.copyOf(new TreeMap<>(values));
        secretKeys = Set.copyOf(new TreeSet<>(secretKeys));
    }

    /** The config the Pulumi engine passes to the program in its environment. */
    public static RawConfig fromEngineEnvironment(Map<String, String> env) {
        Map<String, String> values = new TreeMap<>();
        Set<String> secrets = new TreeSet<>();
        try {
            String config = env.getOrDefault("PULUMI_CONFIG", "{}");
            JsonNode tree = JSON.readTree(config.isBlank() ? "{}" : config);
            if (!tree.isObject()) {
                throw new ConfigError("PULUMI_CONFIG", "a JSON object of config keys to values", ConfigNode.describe(tree));
            }
            tree.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (v.isNull()) {
                    throw new ConfigError(cleanKey(e.getKey()), "a value", "nothing");
                }
                values.put(cleanKey(e.getKey()), v.isContainerNode() ? v.toString() : v.asText());
            });
            String secretKeys = env.getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]");
            JsonNode secretTree = JSON.readTree(secretKeys.isBlank() ? "[]" : secretKeys);
            if (!secretTree.isArray()) {
                throw new ConfigError("PULUMI_CONFIG_SECRET_KEYS", "a JSON list of config keys", ConfigNode.describe(secretTree));
            }
            secretTree.forEach(k -> secrets.add(cleanKey(k.asText())));
        } catch (JsonProcessingException e) {
            throw new ConfigError("PULUMI_CONFIG", "the engine's config is not JSON: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        }
        return new RawConfig(values, secrets);
    }

    /** The engine may send {@code ns:config:key}; programs see {@code ns:key}. */
    static String cleanKey(String key) {
        int first = key.indexOf(':');
        if (first > 0 && key.startsWith("config:", first + 1)) {
            return key.substring(0, first) + ":" + key.substring(first + 1 + "config:".length());
        }
        return key;
    }

    public RawConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new RawConfig(copy, secretKeys);
    }

    public String require(String key, String expected) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new ConfigError(key, expected, "nothing (the key is required)");
        }
        return v;
    }

    /** The {@code headway:} namespace as one object, each top-level value parsed when structured. */
    ConfigNode projectNode() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        boolean anySecret = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            int colon = key.indexOf(':');
            String ns = colon < 0 ? "" : key.substring(0, colon);
            if (!NAMESPACES.contains(ns)) {
                throw new ConfigError(key, "unknown namespace \"" + ns + "\""
                        + ConfigNode.didYouMean(ns, NAMESPACES) + " (project keys go under headway:)");
            }
            if (!ns.equals("headway")) {
                continue;
            }
            anySecret |= secretKeys.contains(key);
            root.set(key.substring(colon + 1), parseValue(key, e.getValue()));
        }
        return new ConfigNode("headway:", root, anySecret);
    }

    private static JsonNode parseValue(String key, String value) {
        String t = value.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            try {
                return JSON.readTree(t);
            } catch (JsonProcessingException e) {
                throw new ConfigError(key, "valid structured value (JSON or YAML)", "text that does not parse: "
                        + e.getOriginalMessage().lines().findFirst().orElse(""));
            }
        }
        return JsonNodeFactory.instance.textNode(value);
    }
}
