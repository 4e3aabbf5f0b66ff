package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.PlannedResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each resource type's import id, in its provider's import format, from {@code adopt/import-ids.json}
 * (each entry names the provider doc page it comes from: the "Import" section of
 * hashicorp/terraform-provider-google-beta v5.0.0 {@code website/docs/r/<doc>}, which pulumi-gcp 7.0.0 bridges).
 */
public final class ImportIds {
    /** How a plan resource that may already exist is adopted. */
    public enum Mode {
        /** {@code pulumi import} it when it exists. */
        IMPORT,
        /** {@code pulumi up} creating it is harmless when it exists (IAM members, enabled APIs). */
        CREATE,
        /** Cannot be imported; {@code why} says what happens instead. */
        NONE
    }

    /** One type's rule: {@code id} template, the input holding the resource's name, and the name's shape. */
    public record Rule(String type, Mode mode, String doc, String id, String nameInput, String serverKey,
                       Pattern shape, String shapeSource, String why) {
        public boolean serverAssigned() {
            return id != null && id.contains("{@server}");
        }
    }

    private static final Pattern VAR = Pattern.compile("\\{(@server|[A-Za-z0-9_.\\[\\]]+)(\\|last)?}");
    private static final ImportIds DEFAULT = load();

    private final Map<String, Rule> rules;

    private ImportIds(Map<String, Rule> rules) {
        this.rules = rules;
    }

    public static ImportIds get() {
        return DEFAULT;
    }

    private static ImportIds load() {
        try (InputStream in = ImportIds.class.getResourceAsStream("/adopt/import-ids.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Rule> rules = new LinkedHashMap<>();
            root.path("types").fields().forEachRemaining(e -> {
                JsonNode r = e.getValue();
                rules.put(e.getKey(), new Rule(e.getKey(), Mode.valueOf(r.path("adopt").asText().toUpperCase()), r.path("doc").asText(),
                        text(r, "id"), text(r, "name"), text(r, "serverKey"),
                        r.has("shape") ? Pattern.compile(r.get("shape").asText()) : null, text(r, "shapeSource"), text(r, "why")));
            });
            return new ImportIds(Map.copyOf(rules));
        } catch (IOException e) {
            throw new UncheckedIOException("adopt/import-ids.json is missing from the jar", e);
        }
    }

    private static String text(JsonNode r, String field) {
        return r.hasNonNull(field) ? r.get(field).asText() : null;
    }

    /** The rule of a type; empty for a type the table does not hold (components have none: they are not cloud resources). */
    public Optional<Rule> rule(String type) {
        return Optional.ofNullable(rules.get(type));
    }

    public Map<String, Rule> rules() {
        return rules;
    }

    /**
     * The import id of {@code r}: its template filled from its inputs, with the resource's own name replaced by
     * {@code existingName} when given (a {@code headway:adopt} mapping) and {@code {@server}} by {@code server}.
     * Fails when an input the template names is absent: the plan and the table disagree.
     */
    public static String id(Rule rule, PlannedResource r, String existingName, String server) {
        if (rule.id() == null) {
            throw new IllegalStateException(rule.type() + " has no import id (" + rule.why() + ")");
        }
        Matcher m = VAR.matcher(rule.id());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String var = m.group(1);
            String value;
            if (var.equals("@server")) {
                if (server == null) {
                    throw new IllegalStateException(rule.type() + " " + r.name() + ": its id is assigned by Google; discovery found none");
                }
                value = server;
            } else if (existingName != null && var.equals(rule.nameInput())) {
                value = existingName;
            } else {
                JsonNode v = r.input(var);
                if (!v.isValueNode() || v.isNull() || v.asText().isEmpty()) {
                    throw new IllegalStateException(rule.type() + " " + r.name() + ": input " + var + " (in its import id) is absent");
                }
                value = v.asText();
            }
            if (m.group(2) != null) {
                value = value.substring(value.lastIndexOf('/') + 1);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
