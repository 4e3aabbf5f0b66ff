package dev.headway.infra.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.headway.infra.synth.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stand-in for the cloud and the provider's diff, built from the lifecycle table: after {@code up}, the state
 * holds what the API returns (inputs the table marks {@code normalized} come back in the API's spelling: a
 * self link for a name, upper case, a resolved image, a schema with defaults filled; server-added map keys
 * appear), and a second preview compares the program's inputs with that state, hiding a difference only where
 * the table names the provider's DiffSuppressFunc. An input the table does not know fails the model.
 */
final class ReadBackModel {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Lifecycle table;
    private final boolean suppress;

    ReadBackModel(Lifecycle table, boolean suppress) {
        this.table = table;
        this.suppress = suppress;
    }

    /** Leaf path (with list indexes) to the value the API would return after creating {@code r}. */
    Map<String, JsonNode> state(PlannedResource r) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (Map.Entry<String, JsonNode> leaf : leaves(r).entrySet()) {
            Lifecycle.Input row = row(r, leaf.getKey());
            if (row.readBack() == Lifecycle.ReadBack.NORMALIZED) {
                normalize(row.normalizer(), leaf.getValue()).ifPresent(v -> out.put(leaf.getKey(), v));
                serverAdded(row.normalizer(), leaf.getKey()).forEach(out::put);
            } else {
                out.put(leaf.getKey(), leaf.getValue());
            }
        }
        return out;
    }

    /** The paths a preview of {@code planned} against {@code state} would show as changed. */
    List<String> diff(PlannedResource planned, Map<String, JsonNode> state) {
        Map<String, JsonNode> inputs = leaves(planned);
        TreeSet<String> paths = new TreeSet<>(inputs.keySet());
        paths.addAll(state.keySet());
        List<String> changed = new ArrayList<>();
        for (String p : paths) {
            JsonNode want = inputs.get(p);
            JsonNode have = state.get(p);
            if (want != null && want.equals(have)) {
                continue;
            }
            Lifecycle.Input row = row(planned, p);
            if (want == null && row.serverDefault()) {
                continue; // Optional+Computed: an unset input keeps what the server chose
            }
            if (suppress && row.readBack() == Lifecycle.ReadBack.NORMALIZED && suppressed(row.normalizer(), p, want, have)) {
                continue;
            }
            changed.add(p);
        }
        return changed;
    }

    private Lifecycle.Input row(PlannedResource r, String path) {
        return table.input(r.type(), path).orElseThrow(() -> new AssertionError(
                "the lifecycle table has no row for " + r.type() + " " + path + " (regenerate it: docs/lifecycle.md)"));
    }

    /** What the API answers for a value sent to an input the provider normalizes, by the provider's function. */
    static Optional<JsonNode> normalize(String normalizer, JsonNode sent) {
        String s = sent.asText();
        return Optional.ofNullable(switch (fn(normalizer)) {
            case "CompareSelfLinkOrResourceName", "CompareResourceNames" -> new TextNode(s.startsWith("https://") ? s
                    : "https://www.googleapis.com/compute/v1/" + (s.contains("/") ? s : "projects/p/regions/r/x/" + s));
            case "CaseDiffSuppress", "CompareCaseInsensitive" -> new TextNode(s.toLowerCase(Locale.ROOT));
            case "StateFunc strings.ToUpper" -> new TextNode(s.toUpperCase(Locale.ROOT));
            case "iamMemberCaseDiffSuppress" -> new TextNode(s.substring(0, s.indexOf(':') + 1) + s.substring(s.indexOf(':') + 1).toUpperCase(Locale.ROOT));
            case "DurationDiffSuppress" -> new TextNode(s.replace("s", "") + ".000s");
            case "DiskImageDiffSuppress" -> new TextNode("https://www.googleapis.com/compute/v1/projects/" + s.replace("/", "/global/images/") + "-113-18244-151-14");
            case "bigQueryTableSchemaDiffSuppress" -> new TextNode(schemaAsReturned(s));
            case "comparePubsubSubscriptionExpirationPolicy" -> s.isEmpty() ? null : sent;
            case "LastSlashDiffSuppress" -> s.isEmpty() ? null : new TextNode(s.endsWith("/") ? s : s + "/");
            case "EmptyOrDefaultStringSuppress" -> s.isEmpty() ? null : sent;
            case "CompareProjectName" -> new TextNode(s.startsWith("projects/") ? s.substring("projects/".length()) : "projects/" + s);
            case "StorageBucketDiffSuppress" -> new TextNode("b/" + s);
            case "crossSeriesReducerDiffSuppress", "diffSuppressSourceRanges", "containerClusterPrivateClusterConfigSuppress",
                 "containerNodePoolLabelsSuppress", "containerClusterAddedScopesSuppress" -> sent;
            default -> throw new AssertionError("the read-back model has no normalization for " + normalizer);
        });
    }

    /** Keys GKE adds to what it was given (node labels, node scopes), which the provider's suppress functions hide. */
    static Map<String, JsonNode> serverAdded(String normalizer, String path) {
        return switch (fn(normalizer)) {
            case "containerNodePoolLabelsSuppress" -> Map.of(path.substring(0, path.lastIndexOf("labels.") + "labels.".length())
                    + "cloud.google.com/gke-nodepool", new TextNode("hw-prod-gpu"));
            case "containerClusterAddedScopesSuppress" -> Map.of(path.replaceAll("\\[\\d+]$", "") + "[9]",
                    new TextNode("https://www.googleapis.com/auth/monitoring"));
            default -> Map.of();
        };
    }

    /** The provider's DiffSuppressFunc: whether {@code planned} and {@code state} are the same value. */
    static boolean suppressed(String normalizer, String path, JsonNode planned, JsonNode state) {
        String a = planned == null ? "" : planned.asText();
        String b = state == null ? "" : state.asText();
        return switch (fn(normalizer)) {
            case "CompareSelfLinkOrResourceName", "CompareResourceNames" -> last(a).equals(last(b));
            // a StateFunc rewrites the planned value before the diff, so upper-casing both sides is the provider's comparison
            case "CaseDiffSuppress", "CompareCaseInsensitive", "iamMemberCaseDiffSuppress", "StateFunc strings.ToUpper" -> a.equalsIgnoreCase(b);
            case "DurationDiffSuppress" -> seconds(a) == seconds(b);
            case "DiskImageDiffSuppress" -> last(b).startsWith(last(a));
            case "bigQueryTableSchemaDiffSuppress" -> schemaAsReturned(a).equals(schemaAsReturned(b));
            case "comparePubsubSubscriptionExpirationPolicy", "EmptyOrDefaultStringSuppress" -> a.isEmpty() && b.isEmpty() || a.equals(b);
            case "LastSlashDiffSuppress" -> a.replaceAll("/$", "").equals(b.replaceAll("/$", ""));
            case "CompareProjectName" -> a.replace("projects/", "").equals(b.replace("projects/", ""));
            case "StorageBucketDiffSuppress" -> a.replaceFirst("^b/", "").equals(b.replaceFirst("^b/", ""));
            case "containerNodePoolLabelsSuppress" -> planned == null && path.contains("cloud.google.com/");
            case "containerClusterAddedScopesSuppress" -> planned == null && b.endsWith("/auth/monitoring");
            default -> false;
        };
    }

    /** BigQuery's answer for a schema: each field with its mode (NULLABLE when unset) and the legacy type names. */
    static String schemaAsReturned(String json) {
        try {
            ArrayNode fields = (ArrayNode) JSON.readTree(json);
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            for (JsonNode f : fields) {
                ObjectNode o = ((ObjectNode) f).deepCopy();
                if (!o.has("mode")) {
                    o.put("mode", "NULLABLE");
                }
                String type = o.path("type").asText();
                o.put("type", switch (type) {
                    case "INT64" -> "INTEGER";
                    case "FLOAT64" -> "FLOAT";
                    case "BOOL" -> "BOOLEAN";
                    default -> type;
                });
                out.add(new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(new TreeMap<>(JSON.convertValue(o, Map.class)))));
            }
            return out.toString();
        } catch (Exception e) {
            throw new AssertionError("schema is not a JSON array of fields: " + json, e);
        }
    }

    private static String fn(String normalizer) {
        String n = normalizer.replaceFirst("^tpgresource\\.", "");
        return n.contains("(") ? n.substring(0, n.indexOf('(')) : n;
    }

    private static String last(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private static double seconds(String d) {
        return d.isEmpty() ? -1 : Double.parseDouble(d.replace("s", ""));
    }

    /** Leaf paths with list indexes, as the plan diff names them; empty maps and lists are leaves. */
    static Map<String, JsonNode> leaves(PlannedResource r) {
        Map<String, JsonNode> out = new TreeMap<>();
        flatten("", r.inputs(), out);
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
        if (node.isObject() && node.size() > 0) {
            node.fields().forEachRemaining(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out));
        } else if (node.isArray() && node.size() > 0) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), out);
            }
        } else {
            out.put(prefix, node);
        }
    }
}
