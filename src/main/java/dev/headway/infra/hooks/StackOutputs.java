package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.UserError;
import dev.headway.infra.config.Documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stack's outputs as {@code pulumi stack output --json} prints them (DESIGN.md "Stack outputs"). Problems
 * with them are environment errors (exit 3): the hooks cannot run, and nothing is sent.
 */
public final class StackOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String source;
    private final JsonNode root;

    private StackOutputs(String source, JsonNode root) {
        this.source = source;
        this.root = root;
    }

    /** Reads an outputs file; missing, unreadable, too large or not one JSON object: one line, exit 3. */
    public static StackOutputs read(Path file) {
        String text;
        try {
            text = Documents.read(file);
        } catch (Documents.Malformed e) {
            throw new UserError(UserError.ENVIRONMENT, "stack outputs " + file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(file.toString(), text);
    }

    public static StackOutputs parse(String source, String json) {
        JsonNode root;
        try {
            root = Documents.json(json);
        } catch (Documents.Malformed e) {
            throw new UserError(UserError.ENVIRONMENT, "stack outputs " + source + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new UserError(UserError.ENVIRONMENT, "stack outputs " + source
                    + ": expected a JSON object as `pulumi stack output --json` prints it");
        }
        return new StackOutputs(source, root);
    }

    /**
     * Outputs the program derives from the stack's config, which the hooks trust: where credentials go
     * (the template repository), which account a job runs as, which bucket it writes, which resources
     * they call by name. An outputs file is only a file: each must be what the stack declares. Exact,
     * except buckets (the bucket, any path), the template repository (either of its two spellings),
     * endpoints (declared names, in the stack's project and region) and endpoint logging (destinations).
     */
    public static final List<String> EXACT = List.of("project", "region", "env", "pipelineServiceAccount",
            "trainingServiceAccount", "feedTopic", "feedSubscription", "deadLetterTopic", "rawDataset", "cleanDataset",
            "featuresDataset", "monitoringDataset", "trainingImageRepo", "servingImageRepo");
    private static final List<String> BUCKETS = List.of("pipelineRoot", "dataflowStagingBucket", "dataflowTempBucket");

    /**
     * Refuses (exit 3, nothing sent) outputs that differ from what {@code stack} declares ({@code declared}: the
     * synthesized plan's outputs). Values synth cannot know (unknown, secret) are not compared.
     */
    public void checkAgainst(String stack, Map<String, JsonNode> declared) {
        for (Map.Entry<String, JsonNode> e : declared.entrySet()) {
            String name = e.getKey();
            JsonNode want = e.getValue();
            JsonNode got = get(name);
            if (got == null || want.toString().contains("[unknown]") || want.toString().contains("[secret]")) {
                continue;
            }
            boolean same;
            if (EXACT.contains(name)) {
                same = want.equals(got);
            } else if (BUCKETS.contains(name)) {
                same = got.isTextual() && bucket(want.asText()).equals(bucket(got.asText()));
            } else if (name.equals("pipelineTemplateRepo")) {
                same = got.isTextual() && repo(want.asText()).equals(repo(got.asText()));
            } else if (name.equals("endpoints")) {
                same = endpointsWithin(got, want, declared.get("project").asText(), declared.get("region").asText());
            } else if (name.equals("endpointLogging")) {
                same = got.isObject() && destinations(want).entrySet().containsAll(destinations(got).entrySet());
            } else {
                continue;
            }
            if (!same) {
                throw new UserError(UserError.ENVIRONMENT, "stack output " + name + " in " + source + " is " + clip(got)
                        + " but stack " + stack + " declares " + clip(want) + "; use that stack's own outputs (nothing was sent)");
            }
        }
    }

    private static String bucket(String uri) {
        String s = uri.startsWith("gs://") ? uri.substring(5) : uri;
        return s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
    }

    private static String repo(String output) {
        try {
            return dev.headway.infra.hooks.kfp.KfpRegistry.Repo.parse(output).toString();
        } catch (IllegalArgumentException e) {
            return "unparsable: " + output;
        }
    }

    private static boolean endpointsWithin(JsonNode got, JsonNode want, String project, String region) {
        if (!got.isObject()) {
            return false;
        }
        String prefix = "projects/" + project + "/locations/" + region + "/endpoints/";
        for (Map.Entry<String, JsonNode> e : got.properties()) {
            String v = e.getValue().asText();
            if (!want.has(e.getKey()) || !v.startsWith(prefix) || !v.substring(prefix.length()).matches("[0-9]{1,19}")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> destinations(JsonNode logging) {
        Map<String, String> out = new TreeMap<>();
        logging.properties().forEach(e -> out.put(e.getKey(), e.getValue().path("bigqueryDestination").asText()));
        return out;
    }

    private static String clip(JsonNode n) {
        String s = n.toString();
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }

    public String source() {
        return source;
    }

    /** An output's JSON value, or null when the stack has no such output. */
    public JsonNode get(String name) {
        JsonNode n = root.get(name);
        return n == null || n.isNull() ? null : n;
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** The names of {@code required} that these outputs lack, sorted. */
    public Set<String> missing(Set<String> required) {
        Set<String> missing = new TreeSet<>();
        for (String r : required) {
            if (!has(r)) {
                missing.add(r);
            }
        }
        return missing;
    }

    /** A string output; missing or not a string: one line, exit 3. */
    public String text(String name) {
        JsonNode n = get(name);
        if (n == null || !n.isTextual() || n.textValue().isBlank()) {
            throw new UserError(UserError.ENVIRONMENT, "stack output " + name + " is "
                    + (n == null ? "missing" : "not a non-empty string") + " in " + source);
        }
        return n.textValue();
    }

    /** The {@code endpoints} output: endpoint name to full endpoint resource name, sorted by name. */
    public Map<String, String> endpoints() {
        JsonNode n = get("endpoints");
        if (n == null || !n.isObject()) {
            throw new UserError(UserError.ENVIRONMENT, "stack output endpoints is "
                    + (n == null ? "missing" : "not a map of name to endpoint resource name") + " in " + source);
        }
        Map<String, String> out = new TreeMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
