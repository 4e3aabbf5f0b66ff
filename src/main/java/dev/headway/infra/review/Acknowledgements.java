package dev.headway.infra.review;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headway.infra.UserError;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Data loss a pull request acknowledges, each with a reason: the entries of {@code .headway/ack.yaml}
 * that the change itself adds (entries already on the base branch acknowledged an earlier change,
 * not this one), or a pull-request label that acknowledges everything, with the label as reason.
 *
 * <pre>
 * acknowledgements:
 *   - urn: "urn:pulumi:prod::headway::...::hw_prod_raw"
 *     reason: "region move; history exported to gs://headway-archive/2026-11"
 * </pre>
 */
public final class Acknowledgements {
    public static final String FILE = ".headway/ack.yaml";
    /** The label that acknowledges every data loss in a pull request. */
    public static final String LABEL = "acknowledge-data-loss";
    private static final int MAX_CHARS = 256 * 1024;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, String> reasons;
    private final String everything;

    private Acknowledgements(Map<String, String> reasons, String everything) {
        this.reasons = Map.copyOf(reasons);
        this.everything = everything;
    }

    public static Acknowledgements none() {
        return new Acknowledgements(Map.of(), null);
    }

    /** The entries in {@code head} that {@code base} does not hold (same urn and reason), and the label if given. */
    public static Acknowledgements of(Optional<String> base, Optional<String> head, boolean label) {
        Map<String, String> now = head.map(t -> parse(FILE, t)).orElse(Map.of());
        Map<String, String> before = base.map(t -> parse(FILE + " at the merge base", t)).orElse(Map.of());
        Map<String, String> added = new LinkedHashMap<>();
        now.forEach((urn, reason) -> {
            if (!reason.equals(before.get(urn))) {
                added.put(urn, reason);
            }
        });
        return new Acknowledgements(added, label ? "label `" + LABEL + "` on the pull request" : null);
    }

    /** The reason this urn's data loss is acknowledged, if it is. */
    public Optional<String> reason(String urn) {
        return Optional.ofNullable(reasons.getOrDefault(urn, everything));
    }

    /** Entries in the file, by urn, for listing those that matched nothing. */
    public Map<String, String> entries() {
        return reasons;
    }

    static Map<String, String> parse(String where, String text) {
        if (text.length() > MAX_CHARS) {
            throw new UserError(UserError.USAGE, where + ": larger than " + MAX_CHARS + " characters; list only what this change loses");
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(UserError.USAGE, where + ": not YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return out;
        }
        if (!root.isObject() || root.size() != 1 || !root.path("acknowledgements").isArray()) {
            throw new UserError(UserError.USAGE, where + ": expected one key, acknowledgements: a list of {urn, reason}");
        }
        int i = 0;
        for (JsonNode e : root.path("acknowledgements")) {
            String at = where + ": acknowledgements[" + i++ + "]";
            if (!e.isObject() || !e.path("urn").isTextual() || !e.path("reason").isTextual() || e.size() != 2) {
                throw new UserError(UserError.USAGE, at + ": expected exactly urn and reason, both text");
            }
            String urn = e.path("urn").asText();
            String reason = e.path("reason").asText().strip();
            if (!urn.startsWith("urn:pulumi:")) {
                throw new UserError(UserError.USAGE, at + ": urn \"" + urn + "\" is not a Pulumi URN; copy it from the review comment");
            }
            if (reason.length() < 10) {
                throw new UserError(UserError.USAGE, at + ": say why the loss is acceptable (a reason of 10 characters or more)");
            }
            if (out.put(urn, reason) != null) {
                throw new UserError(UserError.USAGE, at + ": " + urn + " is listed twice");
            }
        }
        return out;
    }
}
