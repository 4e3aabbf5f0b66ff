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
     * they call by name. An outputs file is only a file: each of these must be what the stack declares.
     */
    public static final List<String> DERIVED = List.of("project", "region", "env", "pipelineTemplateRepo",
            "pipelineServiceAccount", "trainingServiceAccount", "pipelineRoot", "dataflowStagingBucket", "dataflowTempBucket",
            "feedTopic", "feedSubscription", "deadLetterTopic", "rawDataset", "cleanDataset", "featuresDataset",
            "monitoringDataset", "trainingImageRepo", "servingImageRepo", "endpoints", "endpointLogging");

    /**
     * Refuses (exit 3, nothing sent) outputs that differ from what {@code stack} declares ({@code declared}: the
     * synthesized plan's outputs). Values synth cannot know (unknown, secret) are not compared.
     */
    public void checkAgainst(String stack, Map<String, JsonNode> declared) {
        for (String name : DERIVED) {
            JsonNode want = declared.get(name);
            JsonNode got = get(name);
            if (want == null || got == null || want.toString().contains("[unknown]") || want.toString().contains("[secret]")) {
                continue;
            }
            if (!want.equals(got)) {
                throw new UserError(UserError.ENVIRONMENT, "stack output " + name + " in " + source + " is " + clip(got)
                        + " but stack " + stack + " declares " + clip(want) + "; use that stack's own outputs (nothing was sent)");
            }
        }
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
