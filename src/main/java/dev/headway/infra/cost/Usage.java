package dev.headway.infra.cost;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headway.infra.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Volumes the cost estimate uses (GB stored, GiB moved, replicas), from {@code stacks/usage.yaml} in
 * the repository: per stack, with per-resource overrides. A key the file does not give falls back to
 * the pricing table's nominal figure, and the estimate says which one it used.
 */
public final class Usage {
    public static final Path FILE = Path.of("stacks", "usage.yaml");
    static final Set<String> KEYS = Set.of("bucketGb", "natGibProcessedPerMonth", "pubsubGibPerTopicPerMonth", "bigqueryGibPerDataset",
            "endpointMinReplicas");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final JsonNode root;
    private final String source;

    private Usage(JsonNode root, String source) {
        this.root = root;
        this.source = source;
    }

    /** No file: every volume is the pricing table's nominal figure. */
    public static Usage none() {
        return new Usage(MissingNode.getInstance(), "");
    }

    /** {@code stacks/usage.yaml} in the working directory, or none when absent. */
    public static Usage repository() {
        if (!Files.exists(FILE)) {
            return none();
        }
        try {
            return parse(FILE.toString(), Files.readString(FILE));
        } catch (IOException e) {
            throw new UserError(UserError.USAGE, FILE + ": cannot be read: " + e.getMessage());
        }
    }

    static Usage parse(String where, String text) {
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(UserError.USAGE, where + ": not YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.isObject()) {
            throw new UserError(UserError.USAGE, where + ": expected a map of stack name to volumes");
        }
        root.fields().forEachRemaining(stack -> {
            stack.getValue().fields().forEachRemaining(e -> {
                if (e.getKey().equals("resources")) {
                    e.getValue().fields().forEachRemaining(r -> r.getValue().fields().forEachRemaining(k -> check(where, stack.getKey() + ".resources."
                            + r.getKey(), k.getKey(), k.getValue())));
                } else {
                    check(where, stack.getKey(), e.getKey(), e.getValue());
                }
            });
        });
        return new Usage(root, where);
    }

    private static void check(String where, String at, String key, JsonNode value) {
        if (!KEYS.contains(key)) {
            throw new UserError(UserError.USAGE, where + ": " + at + "." + key + ": unknown key; known: " + String.join(", ", new java.util.TreeSet<>(KEYS)));
        }
        if (!value.isNumber() || value.asDouble() < 0) {
            throw new UserError(UserError.USAGE, where + ": " + at + "." + key + ": expected a number of 0 or more");
        }
    }

    /** The volume for a resource of a stack, if the file gives one (the resource's own first, then the stack's). */
    Optional<Double> volume(String stack, String resource, String key) {
        JsonNode own = root.path(stack).path("resources").path(resource).path(key);
        JsonNode stackWide = root.path(stack).path(key);
        JsonNode n = own.isNumber() ? own : stackWide;
        return n.isNumber() ? Optional.of(n.asDouble()) : Optional.empty();
    }

    String source() {
        return source;
    }
}
