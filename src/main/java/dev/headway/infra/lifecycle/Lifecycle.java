package dev.headway.infra.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The day-two table ({@code lifecycle/google-beta-5.0.0.json}, rendered in {@code docs/lifecycle.md}):
 * per resource type and input the stacks set, what a change does, what the API returns, and per type
 * what a delete does, and the replacement rules that are not one input's {@code onChange} (a ForceNew
 * block added or removed, a conditional CustomizeDiff rule). Read from terraform-provider-google-beta v5.0.0,
 * pulumi-kubernetes 4.0.0 and the Google and Kubernetes documentation; each row names its source. It is the
 * one table of what replaces a resource: {@code synth/ReplaceRules} derives the diff's classification from it.
 */
public final class Lifecycle {
    static final String RESOURCE = "/lifecycle/google-beta-5.0.0.json";
    private static final Lifecycle TABLE = load();

    /** What changing an input does. */
    public enum OnChange { UPDATE, REPLACE, STOP_START, FAIL, NO_EFFECT, LOCAL }

    /** What the API returns for an input, against what was sent. */
    public enum ReadBack { AS_SENT, NORMALIZED, PROVIDER_ONLY }

    public record Input(String type, String input, OnChange onChange, ReadBack readBack, boolean serverDefault,
                        String normalizer, String note, String source) {
    }

    public record Delete(String type, String behavior, String nameReuse, String runningWork, boolean blocksName,
                         int blockedDays, String source) {
    }

    /**
     * Per type: the Terraform resource and the provider files its schema was read from; the ForceNew blocks
     * (lists or sets of nested blocks) that replace only when added or removed (terraform-plugin-sdk v2
     * helper/schema/schema.go diffList/diffSet: the block's ForceNew applies to its element count); and the
     * inputs whose replacement the provider decides at plan time (CustomizeDiff), with that rule and its source.
     */
    public record Replacement(String type, String resource, List<String> source, List<String> whenAddedOrRemoved,
                              Map<String, String> conditional) {
    }

    private final Map<String, Map<String, Input>> inputs;
    private final Map<String, Delete> deletes;
    private final Map<String, Replacement> replacements;

    private Lifecycle(Map<String, Map<String, Input>> inputs, Map<String, Delete> deletes, Map<String, Replacement> replacements) {
        this.inputs = inputs;
        this.deletes = deletes;
        this.replacements = replacements;
    }

    public static Lifecycle table() {
        return TABLE;
    }

    /** Every type the table covers. */
    public java.util.Set<String> types() {
        return deletes.keySet();
    }

    /** Every row of {@code type}. */
    public List<Input> inputs(String type) {
        return List.copyOf(inputs.getOrDefault(type, Map.of()).values());
    }

    /**
     * The row for a property path as the plan diff names it ({@code allows[0].ports[0]}, {@code labels.env}):
     * indexes dropped, then the longest row that is the path or a prefix of it (map inputs are one row).
     */
    public Optional<Input> input(String type, String path) {
        Map<String, Input> rows = inputs.get(type);
        if (rows == null) {
            return Optional.empty();
        }
        String bare = path.replaceAll("\\[\\d+]", "");
        for (String p = bare; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Input row = rows.get(p);
            if (row != null) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }

    public Optional<Delete> onDelete(String type) {
        return Optional.ofNullable(deletes.get(type));
    }

    public Optional<Replacement> replacement(String type) {
        return Optional.ofNullable(replacements.get(type));
    }

    private static Lifecycle load() {
        try (InputStream in = Lifecycle.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing class path resource " + RESOURCE);
            }
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Map<String, Input>> inputs = new LinkedHashMap<>();
            for (JsonNode r : root.path("inputs")) {
                Input row = new Input(r.path("type").asText(), r.path("input").asText(),
                        OnChange.valueOf(constant(r.path("onChange").asText())), ReadBack.valueOf(constant(r.path("readBack").asText())),
                        r.path("serverDefault").asBoolean(), r.path("normalizer").asText(), r.path("note").asText(), r.path("source").asText());
                inputs.computeIfAbsent(row.type(), k -> new LinkedHashMap<>()).put(row.input(), row);
            }
            Map<String, Delete> deletes = new LinkedHashMap<>();
            root.path("onDelete").fields().forEachRemaining(e -> {
                JsonNode d = e.getValue();
                deletes.put(e.getKey(), new Delete(e.getKey(), d.path("behavior").asText(), d.path("nameReuse").asText(),
                        d.path("runningWork").asText(), d.path("blocksName").asBoolean(), d.path("blockedDays").asInt(0), d.path("source").asText()));
            });
            Map<String, Replacement> replacements = new LinkedHashMap<>();
            root.path("replacement").path("types").fields().forEachRemaining(e -> {
                JsonNode t = e.getValue();
                Map<String, String> conditional = new LinkedHashMap<>();
                t.path("conditional").fields().forEachRemaining(c -> conditional.put(c.getKey(), c.getValue().asText()));
                replacements.put(e.getKey(), new Replacement(e.getKey(), t.path("resource").asText(), strings(t.path("source")),
                        strings(t.path("forceNewWhenAddedOrRemoved")), Map.copyOf(conditional)));
            });
            return new Lifecycle(inputs, deletes, replacements);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    /** {@code stop-start} to {@code STOP_START}, {@code asSent} to {@code AS_SENT}. */
    static String constant(String s) {
        return s.replaceAll("([a-z])([A-Z])", "$1_$2").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }
}
