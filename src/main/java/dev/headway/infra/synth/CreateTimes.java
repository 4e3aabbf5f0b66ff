package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/** Typical create time per resource type, from {@code deploy/create-times.json} (with its sources). */
public record CreateTimes(String asOf, double defaultSeconds, Map<String, Double> seconds, Map<String, String> sources) {

    public static CreateTimes load() {
        try (InputStream in = CreateTimes.class.getResourceAsStream("/deploy/create-times.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            Map<String, Double> seconds = new TreeMap<>();
            Map<String, String> sources = new TreeMap<>();
            root.get("types").fields().forEachRemaining(e -> {
                seconds.put(e.getKey(), e.getValue().get("seconds").asDouble());
                sources.put(e.getKey(), e.getValue().get("source").asText());
            });
            return new CreateTimes(root.get("asOf").asText(), root.get("defaultSeconds").asDouble(), seconds, sources);
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
}
