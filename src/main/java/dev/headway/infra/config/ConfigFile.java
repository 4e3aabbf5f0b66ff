package dev.headway.infra.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code Pulumi.<stack>.yaml} stack file the way the Pulumi CLI would hand it to the
 * program: scalars as strings, structured values as JSON, {@code secure:} values as secret keys.
 * Offline there is no key to decrypt {@code secure:} values, so they stand in as
 * {@link #SECRET_PLACEHOLDER}.
 */
public final class ConfigFile {
    public static final String SECRET_PLACEHOLDER = "[secret]";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Top-level keys of a Pulumi stack file besides config. */
    private static final List<String> STACK_FILE_KEYS = List.of(
            "config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment");

    private ConfigFile() {
    }

    public static RawConfig read(Path file) {
        String where = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigError(where, "no such file; create it, or pass --config-file");
        } catch (IOException e) {
            throw new ConfigError(where, "cannot be read: " + e.getMessage());
        }
        return parse(where, text);
    }

    public static RawConfig parse(String where, String text) {
        JsonNode doc;
        try {
            doc = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            String loc = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            Matcher dup = Pattern.compile("Duplicate field '([^']*)'").matcher(e.getOriginalMessage());
            if (dup.find()) {
                throw new ConfigError(where, "key " + dup.group(1) + " appears twice" + loc + " (the second would silently win); keep one");
            }
            throw new ConfigError(where, "is not valid YAML" + loc + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").trim());
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
        config.fields().forEachRemaining(e -> {
            String key = RawConfig.cleanKey(e.getKey());
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
