package dev.headway.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A typed, range-checked reader over one object of stack config. Every read names its key, so
 * {@link #done()} can refuse the keys nobody read, with a did-you-mean. Values may arrive typed
 * (inside structured config) or as strings (top-level Pulumi config is always a string), so
 * scalars accept both {@code 3} and {@code "3"}.
 */
public final class ConfigNode {
    private final String path;
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();
    private final boolean secret;

    ConfigNode(String path, ObjectNode node, boolean secret) {
        this.path = path;
        this.node = node;
        this.secret = secret;
    }

    static ConfigNode empty(String path) {
        return new ConfigNode(path, JsonNodeFactory.instance.objectNode(), false);
    }

    /** The full key of a child, as a user would write it: {@code headway:poller.machineType}. */
    public String keyOf(String key) {
        return path.endsWith(":") ? path + key : path + "." + key;
    }

    public String path() {
        return path;
    }

    /** True when the key is written (an explicit null counts, so reading it reports "nothing"). */
    public boolean has(String key) {
        known.add(key);
        return node.get(key) != null;
    }

    private Optional<JsonNode> get(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        if (v != null && v.isNull()) {
            throw new ConfigError(keyOf(key), "a value (or remove the key to take the default)", "nothing");
        }
        return Optional.ofNullable(v);
    }

    // ---- scalars -------------------------------------------------------------------------

    public String string(String key, String defaultValue) {
        return get(key).map(v -> text(key, v)).orElse(defaultValue);
    }

    public String requiredString(String key, String expected) {
        return get(key).map(v -> text(key, v))
                .orElseThrow(() -> new ConfigError(keyOf(key), expected, "nothing (the key is required)"));
    }

    /** A string that must match {@code pattern}; {@code expected} says what in words. */
    public String matching(String key, Pattern pattern, String expected, String defaultValue) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        return checkPattern(key, text(key, v.get()), pattern, expected);
    }

    public String requiredMatching(String key, Pattern pattern, String expected) {
        return checkPattern(key, requiredString(key, expected), pattern, expected);
    }

    private String checkPattern(String key, String value, Pattern pattern, String expected) {
        if (isSecretPlaceholder(value)) {
            return value;
        }
        if (!pattern.matcher(value).matches()) {
            throw new ConfigError(keyOf(key), expected, quote(value));
        }
        return value;
    }

    /** One of a fixed set of words. */
    public String oneOf(String key, List<String> allowed, String defaultValue) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = text(key, v.get());
        if (!allowed.contains(s)) {
            throw new ConfigError(keyOf(key), "one of " + String.join(", ", allowed) + didYouMean(s, allowed), describe(v.get()));
        }
        return s;
    }

    public boolean bool(String key, boolean defaultValue) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        JsonNode n = v.get();
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isTextual() && (n.textValue().equals("true") || n.textValue().equals("false"))) {
            return Boolean.parseBoolean(n.textValue());
        }
        throw new ConfigError(keyOf(key), "true or false", describe(n));
    }

    public int integer(String key, int min, int max, int defaultValue) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        JsonNode n = v.get();
        long value;
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            value = n.longValue();
        } else if (n.isTextual() && n.textValue().matches("-?\\d{1,18}")) {
            value = Long.parseLong(n.textValue());
        } else {
            throw new ConfigError(keyOf(key), "a whole number from " + min + " to " + max, describe(n));
        }
        if (value < min || value > max) {
            throw new ConfigError(keyOf(key), "a whole number from " + min + " to " + max, String.valueOf(value));
        }
        return (int) value;
    }

    public double number(String key, double min, double max, double defaultValue) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        JsonNode n = v.get();
        double value;
        if (n.isNumber()) {
            value = n.doubleValue();
        } else if (n.isTextual() && n.textValue().matches("-?\\d+(\\.\\d+)?([eE]-?\\d+)?")) {
            value = Double.parseDouble(n.textValue());
        } else {
            throw new ConfigError(keyOf(key), "a number from " + min + " to " + max, describe(n));
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigError(keyOf(key), "a number from " + min + " to " + max, n.asText());
        }
        return value;
    }

    /** An IPv4 CIDR block, parsed; the prefix length must be within [minPrefix, maxPrefix]. */
    public Cidr cidr(String key, int minPrefix, int maxPrefix, String defaultValue) {
        String s = string(key, defaultValue);
        String expected = "an IPv4 CIDR block with a prefix from /" + minPrefix + " to /" + maxPrefix;
        Cidr cidr = Cidr.parse(s).orElseThrow(() -> new ConfigError(keyOf(key), expected, describe(JsonNodeFactory.instance.textNode(s))));
        if (cidr.prefix() < minPrefix || cidr.prefix() > maxPrefix) {
            throw new ConfigError(keyOf(key), expected, quote(s));
        }
        if (!cidr.isNetworkAddress()) {
            throw new ConfigError(keyOf(key), expected + " whose address is the network address ("
                    + cidr.networkAddress() + "/" + cidr.prefix() + ")", quote(s));
        }
        return cidr;
    }

    // ---- structure -----------------------------------------------------------------------

    /** A nested object; absent means an empty object (all defaults). */
    public ConfigNode object(String key) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return empty(keyOf(key));
        }
        if (!v.get().isObject()) {
            throw new ConfigError(keyOf(key), "a map of settings", describe(v.get()));
        }
        return new ConfigNode(keyOf(key), (ObjectNode) v.get(), secret);
    }

    /** A nested object that switches a feature on by being present. */
    public Optional<ConfigNode> optionalObject(String key) {
        return has(key) ? Optional.of(object(key)) : Optional.empty();
    }

    /** A list of objects, each read with its index in the key: {@code headway:serving.endpoints[2]}. */
    public List<ConfigNode> objects(String key) {
        Optional<JsonNode> v = get(key);
        List<ConfigNode> out = new ArrayList<>();
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isArray()) {
            throw new ConfigError(keyOf(key), "a list", describe(v.get()));
        }
        int i = 0;
        for (JsonNode item : v.get()) {
            String itemKey = keyOf(key) + "[" + i++ + "]";
            if (!item.isObject()) {
                throw new ConfigError(itemKey, "a map of settings", describe(item));
            }
            out.add(new ConfigNode(itemKey, (ObjectNode) item, secret));
        }
        return out;
    }

    /** A list of strings, each checked by {@code valid}. */
    public List<String> strings(String key, Predicate<String> valid, String expected, List<String> defaultValue) {
        Optional<JsonNode> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        if (!v.get().isArray()) {
            throw new ConfigError(keyOf(key), "a list of " + expected, describe(v.get()));
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        for (JsonNode item : v.get()) {
            String itemKey = keyOf(key) + "[" + i++ + "]";
            if (!item.isTextual() || !valid.test(item.textValue())) {
                throw new ConfigError(itemKey, expected, describe(item));
            }
            out.add(item.textValue());
        }
        return List.copyOf(out);
    }

    /** A map of string to string (labels, template parameters); keys checked by {@code validKey}. */
    public Map<String, String> stringMap(String key, Predicate<String> validKey, String expectedKey) {
        Optional<JsonNode> v = get(key);
        Map<String, String> out = new TreeMap<>();
        if (v.isEmpty()) {
            return out;
        }
        if (!v.get().isObject()) {
            throw new ConfigError(keyOf(key), "a map of names to values", describe(v.get()));
        }
        Iterator<Map.Entry<String, JsonNode>> it = v.get().fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String entryKey = keyOf(key) + "." + e.getKey();
            if (!validKey.test(e.getKey())) {
                throw new ConfigError(entryKey, expectedKey, quote(e.getKey()));
            }
            JsonNode val = e.getValue();
            if (!val.isValueNode() || val.isNull()) {
                throw new ConfigError(entryKey, "a plain value", describe(val));
            }
            out.put(e.getKey(), val.asText());
        }
        return out;
    }

    /**
     * Refuses every key that no read asked for, naming the closest known key. Call after all reads.
     */
    public void done() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigError(keyOf(name), "unknown key" + didYouMean(name, known, this::keyOf)
                        + " (known keys here: " + String.join(", ", known) + ")");
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private String text(String key, JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isNumber() || n.isBoolean()) {
            return n.asText();
        }
        throw new ConfigError(keyOf(key), "a single value", describe(n));
    }

    private boolean isSecretPlaceholder(String value) {
        return secret && ConfigFile.SECRET_PLACEHOLDER.equals(value);
    }

    static String describe(JsonNode n) {
        if (n.isObject()) {
            return "a map " + abbreviate(n.toString());
        }
        if (n.isArray()) {
            return "a list " + abbreviate(n.toString());
        }
        if (n.isTextual() && ConfigFile.SECRET_PLACEHOLDER.equals(n.textValue())) {
            return "a secret value (only text settings may be secret; set this one without --secret)";
        }
        if (n.isTextual()) {
            return quote(n.textValue());
        }
        return n.asText();
    }

    static String quote(String s) {
        return s.isEmpty() ? "an empty string" : "\"" + abbreviate(s) + "\"";
    }

    private static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    /** ", did you mean X?" for the closest candidate within a small edit distance, else "". */
    static String didYouMean(String given, Iterable<String> candidates) {
        return didYouMean(given, candidates, c -> c);
    }

    static String didYouMean(String given, Iterable<String> candidates, java.util.function.UnaryOperator<String> display) {
        Map<String, Integer> scored = new LinkedHashMap<>();
        for (String c : candidates) {
            scored.put(c, distance(given.toLowerCase(), c.toLowerCase()));
        }
        return scored.entrySet().stream()
                .filter(e -> e.getValue() <= Math.max(2, given.length() / 3))
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(e -> ", did you mean " + display.apply(e.getKey()) + "?")
                .orElse("");
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
