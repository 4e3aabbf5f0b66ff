package dev.headway.infra.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a BigQuery table's schema change is applied in place or replaces the table, as
 * terraform-provider-google-beta v5.0.0 decides it at plan time
 * ({@code google-beta/services/bigquery/resource_bigquery_table.go}:
 * {@code resourceBigQueryTableSchemaCustomizeDiffFunc} calls {@code ForceNew("schema")} unless
 * {@code resourceBigQueryTableSchemaIsChangeable(old, new)}). Ported rule by rule: columns may be
 * added (not REQUIRED ones), none removed or renamed, types equal up to INTEGER/INT64, FLOAT/FLOAT64,
 * BOOLEAN/BOOL and case, modes equal or REQUIRED relaxed to NULLABLE; nested {@code fields} recurse.
 */
final class BigQuerySchemaChange {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Set<String>> SAME_TYPES = List.of(Set.of("INTEGER", "INT64"), Set.of("FLOAT", "FLOAT64"),
            Set.of("BOOLEAN", "BOOL"));

    private BigQuerySchemaChange() {
    }

    /** {@code before}/{@code after}: the {@code schema} input (a JSON string), or missing. */
    static boolean inPlace(JsonNode before, JsonNode after) {
        if (before.isMissingNode() || after.isMissingNode()) {
            return true;   // the provider only compares when both have a schema
        }
        try {
            JsonNode old = parse(before.asText());
            JsonNode now = parse(after.asText());
            return changeable(old, now);
        } catch (JsonProcessingException e) {
            return false;   // the provider fails the plan on it; a replacement is the warning that errs on the safe side
        }
    }

    private static JsonNode parse(String text) throws JsonProcessingException {
        // the provider reads "null" (an empty schema from the API) as []
        return JSON.readTree("null".equals(text) ? "[]" : text);
    }

    /** One column (or nested list) against its new version; the provider's rule. */
    static boolean changeable(JsonNode old, JsonNode now) {
        if (old.isArray()) {
            if (!now.isArray() || old.size() > now.size()) {
                return false;
            }
            Map<String, JsonNode> o = byName(old);
            Map<String, JsonNode> n = byName(now);
            for (Map.Entry<String, JsonNode> e : n.entrySet()) {
                if (!o.containsKey(e.getKey()) && "REQUIRED".equals(e.getValue().path("mode").asText(null))) {
                    return false;
                }
            }
            for (Map.Entry<String, JsonNode> e : o.entrySet()) {
                if (!n.containsKey(e.getKey()) || !changeable(e.getValue(), n.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (old.isObject()) {
            if (!now.isObject()) {
                return false;
            }
            Set<String> keys = new HashSet<>();
            old.fieldNames().forEachRemaining(keys::add);
            now.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode a = old.get(key);
                JsonNode b = now.get(key);
                switch (key) {
                    case "name" -> {
                        if (!String.valueOf(a).equals(String.valueOf(b))) {
                            return false;
                        }
                    }
                    case "type" -> {
                        if (a == null || b == null) {
                            return true;
                        }
                        if (!sameType(a.asText(), b.asText())) {
                            return false;
                        }
                    }
                    case "mode" -> {
                        String m1 = mode(a);
                        String m2 = mode(b);
                        if (!m1.equals(m2) && !(m1.equals("REQUIRED") && m2.equals("NULLABLE"))) {
                            return false;
                        }
                    }
                    case "fields" -> {
                        // the Go code returns here, whatever keys its random map order has left unchecked;
                        // checking the rest too never calls a replacement an update
                        if (!changeable(a == null ? JSON.nullNode() : a, b == null ? JSON.nullNode() : b)) {
                            return false;
                        }
                    }
                    default -> {
                        // description and policy tags change in place
                    }
                }
            }
            return true;
        }
        return old.equals(now);
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> out = new HashMap<>();
        array.forEach(f -> out.put(f.path("name").asText(), f));
        return out;
    }

    private static String mode(JsonNode n) {
        return n == null || n.isNull() ? "NULLABLE" : n.asText().toUpperCase(Locale.ROOT);
    }

    private static boolean sameType(String a, String b) {
        String x = a.toUpperCase(Locale.ROOT);
        String y = b.toUpperCase(Locale.ROOT);
        return x.equals(y) || SAME_TYPES.stream().anyMatch(s -> s.contains(x) && s.contains(y));
    }
}
