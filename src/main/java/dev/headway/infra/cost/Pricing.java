package dev.headway.infra.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A list-price table kept in the repository ({@code src/main/resources/pricing/*.json}) with the
 * date it was read and its sources. Prices change: update the file, its {@code asOf} and sources
 * together. Everything computed from it is an estimate.
 */
public final class Pricing {
    /** The table for the region the stacks run in. */
    public static final String DEFAULT = "/pricing/gcp-us-east1.json";

    private final JsonNode root;

    private Pricing(JsonNode root) {
        this.root = root;
    }

    public static Pricing standard() {
        return load(DEFAULT);
    }

    public static Pricing load(String resource) {
        try (InputStream in = Pricing.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no pricing table " + resource + " on the class path");
            }
            return new Pricing(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Pricing of(JsonNode root) {
        return new Pricing(root);
    }

    public String region() {
        return root.path("region").asText();
    }

    public String asOf() {
        return root.path("asOf").asText();
    }

    public String disclaimer() {
        return root.path("disclaimer").asText();
    }

    public double hoursPerMonth() {
        return required("hoursPerMonth").asDouble();
    }

    public Map<String, String> sources() {
        Map<String, String> out = new TreeMap<>();
        root.path("sources").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** Compute Engine on-demand (or spot) price of a machine type, GPUs of accelerator-optimized types included. */
    public OptionalDouble machineHour(String machineType, boolean spot) {
        return price(root.path(spot ? "spotMachineHour" : "machineHour").path(machineType));
    }

    public OptionalDouble vertexAcceleratorHour(String acceleratorType) {
        return price(root.path("vertexTraining").path("acceleratorHour").path(acceleratorType));
    }

    public OptionalDouble vertexHostHour(String machineType) {
        return price(root.path("vertexTraining").path("hostHour").path(machineType));
    }

    public OptionalDouble vertexPredictionNodeHour(String machineType) {
        return price(root.path("vertexPredictionNodeHour").path(machineType));
    }

    /** A number under {@code path} (dotted), such as {@code nat.perVmHour}; fails when absent. */
    public double number(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        if (!n.isNumber()) {
            throw new IllegalStateException("pricing table has no number at " + path);
        }
        return n.asDouble();
    }

    /** Why a resource type has no charge, if the table says it has none. */
    public java.util.Optional<String> noCharge(String type) {
        JsonNode n = root.path("noCharge").path(type);
        return n.isTextual() ? java.util.Optional.of(n.asText()) : java.util.Optional.empty();
    }

    /** An assumption (nominal volume, default machine) under {@code assumptions}. */
    public String assumption(String key) {
        JsonNode n = root.path("assumptions").path(key);
        if (n.isMissingNode()) {
            throw new IllegalStateException("pricing table has no assumption " + key);
        }
        return n.asText();
    }

    private JsonNode required(String key) {
        JsonNode n = root.path(key);
        if (n.isMissingNode()) {
            throw new IllegalStateException("pricing table has no " + key);
        }
        return n;
    }

    private static OptionalDouble price(JsonNode n) {
        return n.isNumber() ? OptionalDouble.of(n.asDouble()) : OptionalDouble.empty();
    }
}
