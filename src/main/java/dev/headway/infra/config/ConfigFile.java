package dev.headway.infra.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

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
            throw new ConfigError(where, "is not valid YAML" + loc + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse("").trim());
        }
        if (doc == null || doc.isMissingNode() || doc.isNull()) {
            throw new ConfigError(where, "is empty; expected a map with a config: section");
        }
        if (!doc.isObject()) {
            throw new ConfigError(where, "expected a map with a config: section, found " + ConfigNode.describe(doc));
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
                values.put(key, v.toString());
            } else if (v.isNull()) {
                throw new ConfigError(key, "a value", "nothing");
            } else {
                values.put(key, v.asText());
            }
        });
        return new RawConfig(values, secrets);
    }
}
