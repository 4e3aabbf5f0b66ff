package dev.headway.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Google offers each GPU: {@code src/main/resources/google/gpu-zones.json}, a dated table of
 * region to accelerator to zones, and accelerator to machine families, with its sources (Google's
 * "GPU regions and zones availability", https://cloud.google.com/compute/docs/gpus/gpu-regions-zones).
 * A zone the table does not list for an accelerator is treated as not offering it: GKE cannot
 * create a node there (the node pool's nodeLocations must offer the GPU) and Vertex AI custom
 * training cannot run it in a region with no such zone.
 */
public final class GpuZones {
    public static final String RESOURCE = "/google/gpu-zones.json";
    private static final GpuZones STANDARD = load(RESOURCE);

    private final JsonNode root;

    private GpuZones(JsonNode root) {
        this.root = root;
    }

    public static GpuZones standard() {
        return STANDARD;
    }

    static GpuZones load(String resource) {
        try (InputStream in = GpuZones.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new GpuZones(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The day the table was last checked against its sources. */
    public String checked() {
        return root.path("checked").asText();
    }

    public boolean knowsRegion(String region) {
        return root.path("regions").has(region);
    }

    /** Regions the table covers. */
    public List<String> regions() {
        List<String> out = new ArrayList<>();
        root.path("regions").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Zones of {@code region} that offer {@code accelerator} (Vertex AI spelling); empty if none or unknown. */
    public List<String> zones(String region, String accelerator) {
        List<String> out = new ArrayList<>();
        root.path("regions").path(region).path(accelerator).forEach(z -> out.add(z.asText()));
        return out;
    }

    public boolean offers(String zone, String accelerator) {
        var m = GoogleCloud.ZONE.matcher(zone);
        return m.matches() && zones(m.group(1), accelerator).contains(zone);
    }

    /** The accelerators the table knows (Vertex AI spelling), sorted. */
    public List<String> accelerators() {
        List<String> out = new ArrayList<>();
        root.path("families").fieldNames().forEachRemaining(out::add);
        out.sort(null);
        return out;
    }

    /** Machine families ({@code a2-highgpu}, {@code n1}) the accelerator attaches to. */
    public List<String> families(String accelerator) {
        List<String> out = new ArrayList<>();
        root.path("families").path(accelerator).forEach(f -> out.add(f.asText()));
        return out;
    }

    /** Whether a machine type such as {@code a2-highgpu-1g} belongs to one of the accelerator's families. */
    public boolean attaches(String machineType, String accelerator) {
        return families(accelerator).stream().anyMatch(f -> machineType.startsWith(f + "-"));
    }

    /** GKE's accelerator spelling back to Vertex AI's ({@code nvidia-tesla-a100} to {@code NVIDIA_TESLA_A100}). */
    public static String fromGke(String gkeType) {
        return GoogleCloud.GKE_ACCELERATOR.entrySet().stream().filter(e -> e.getValue().equals(gkeType))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    }
}
