package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Typical create time per resource type, from {@code deploy/create-times.json}: each with its source and what the
 * number rests on ({@code basis}), and where the provider has one, its default create timeout as a hard upper bound.
 */
public record CreateTimes(String asOf, double defaultSeconds, Map<String, Double> seconds, Map<String, String> sources,
                          Map<String, String> basis, Map<String, Double> upperBounds) {

    public CreateTimes(String asOf, double defaultSeconds, Map<String, Double> seconds, Map<String, String> sources) {
        this(asOf, defaultSeconds, seconds, sources, Map.of(), Map.of());
    }

    public static CreateTimes load() {
        try (InputStream in = CreateTimes.class.getResourceAsStream("/deploy/create-times.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Double> seconds = new TreeMap<>();
            Map<String, String> sources = new TreeMap<>();
            Map<String, String> basis = new TreeMap<>();
            Map<String, Double> upper = new TreeMap<>();
            root.get("types").fields().forEachRemaining(e -> {
                seconds.put(e.getKey(), e.getValue().get("seconds").asDouble());
                sources.put(e.getKey(), e.getValue().get("source").asText());
                basis.put(e.getKey(), e.getValue().get("basis").asText());
                if (e.getValue().has("upperBound")) {
                    upper.put(e.getKey(), e.getValue().get("upperBound").get("seconds").asDouble());
                }
            });
            return new CreateTimes(root.get("asOf").asText(), root.get("defaultSeconds").asDouble(), seconds, sources, basis, upper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Seconds to create one resource; components and the stack take no time of their own. */
    public double of(PlannedResource r) {
        if (!r.custom()) {
            return 0;
        }
        return seconds.getOrDefault(r.type(), defaultSeconds);
    }

    /** The same table with each type's provider upper bound in place of its typical time, where there is one. */
    public CreateTimes upperBounded() {
        Map<String, Double> bounded = new TreeMap<>(seconds);
        bounded.putAll(upperBounds);
        return new CreateTimes(asOf, defaultSeconds, bounded, sources, basis, upperBounds);
    }
}
