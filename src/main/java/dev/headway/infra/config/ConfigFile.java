package dev.headway.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads a {@code Pulumi.<stack>.yaml} stack file the way the Pulumi CLI would hand it to the
 * program: scalars as strings, structured values as JSON, {@code secure:} values as secret keys.
 * Offline there is no key to decrypt {@code secure:} values, so they stand in as
 * {@link #SECRET_PLACEHOLDER}.
 */
public final class ConfigFile {
    public static final String SECRET_PLACEHOLDER = "[secret]";
    /** Top-level keys of a Pulumi stack file besides config. */
    private static final List<String> STACK_FILE_KEYS = List.of(
            "config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment");

    private ConfigFile() {
    }

    public static RawConfig read(Path file) {
        String where = file.toString();
        String text;
        try {
            text = Documents.read(file);
        } catch (Documents.Malformed e) {
            throw new ConfigError(where, e.getMessage().equals("no such file") ? "no such file; create it, or pass --config-file" : e.getMessage());
        }
        return parse(where, text);
    }

    public static RawConfig parse(String where, String text) {
        JsonNode doc;
        try {
            doc = Documents.yaml(text);
        } catch (Documents.Malformed e) {
            throw new ConfigError(where, e.getMessage());
        }
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            throw new ConfigError(where, "is empty; expected a map with a config: section");
        }
        if (!doc.isObject()) {
            throw new ConfigError(where, "expected a map with a config: section, found " + ConfigNode.describe(doc));
        }
        Iterator<String> top = doc.fieldNames();
        while (top.hasNext()) {
            String name = top.next();
            if (!STACK_FILE_KEYS.contains(name)) {
                throw new ConfigError(where + " " + name, "unknown top-level key" + ConfigNode.didYouMean(name, STACK_FILE_KEYS)
                        + " (a stack file has config:, and optionally secretsprovider:, encryptedkey:, encryptionsalt:, environment:)");
            }
        }
        JsonNode config = doc.get("config");
        if (config == null || config.isNull()) {
            throw new ConfigError(where, "has no config: section");
        }
        if (!config.isObject()) {
            throw new ConfigError(where + " config", "a map of keys to values", ConfigNode.describe(config));
        }
        Map<String, String> values = new TreeMap<>();
        Set<String> secrets = new TreeSet<>();
        Map<String, String> spelled = new TreeMap<>();
        config.fields().forEachRemaining(e -> {
            String key = RawConfig.cleanKey(e.getKey());
            String earlier = spelled.put(key, e.getKey());
            if (earlier != null) {
                // Pulumi reads ns:config:key as ns:key (RawConfig.cleanKey), so both spellings are one key and one would silently win.
                throw new ConfigError(key, "set twice, as " + earlier + " and as " + e.getKey() + " (the same key to Pulumi); keep one");
            }
            if (!key.contains(":")) {
                throw new ConfigError(key, "a namespaced key such as headway:" + key, "\"" + key + "\"");
            }
            JsonNode v = e.getValue();
            if (v.isObject() && v.size() == 1 && v.has("secure")) {
                secrets.add(key);
                values.put(key, SECRET_PLACEHOLDER);
            } else if (v.isContainerNode()) {
                // Like the engine: nested secure values make the whole key secret; offline they stay encrypted.
                if (replaceNestedSecrets(v)) {
                    secrets.add(key);
                }
                values.put(key, v.toString());
            } else if (v.isNull()) {
                throw new ConfigError(key, "a value", "nothing");
            } else {
                values.put(key, v.asText());
            }
        });
        return new RawConfig(values, secrets);
    }

    /** Replaces every nested {@code {secure: ...}} with the placeholder; true when there was one. */
    private static boolean replaceNestedSecrets(JsonNode node) {
        boolean any = false;
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            for (String name : List.copyOf(toList(o.fieldNames()))) {
                JsonNode child = o.get(name);
                if (isSecure(child)) {
                    o.put(name, SECRET_PLACEHOLDER);
                    any = true;
                } else {
                    any |= replaceNestedSecrets(child);
                }
            }
        } else if (node.isArray()) {
            ArrayNode a = (ArrayNode) node;
            for (int i = 0; i < a.size(); i++) {
                if (isSecure(a.get(i))) {
                    a.set(i, a.textNode(SECRET_PLACEHOLDER));
                    any = true;
                } else {
                    any |= replaceNestedSecrets(a.get(i));
                }
            }
        }
        return any;
    }

    private static boolean isSecure(JsonNode v) {
        return v.isObject() && v.size() == 1 && v.has("secure");
    }

    private static List<String> toList(Iterator<String> it) {
        List<String> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
