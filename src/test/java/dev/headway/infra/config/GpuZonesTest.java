package dev.headway.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GPU table is dated, sourced and consistent with the names the program uses. */
class GpuZonesTest {
    private final GpuZones table = GpuZones.standard();

    @Test
    void datedAndSourcedFromGooglesPageFirst() throws Exception {
        LocalDate.parse(table.checked());
        try (InputStream in = GpuZones.class.getResourceAsStream(GpuZones.RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            assertEquals("Google Cloud, GPU regions and zones availability: https://cloud.google.com/compute/docs/gpus/gpu-regions-zones"
                    + " (the authority; update this table from it)", root.path("sources").path(0).asText());
            root.path("regions").fields().forEachRemaining(region -> region.getValue().fields().forEachRemaining(acc -> {
                assertTrue(table.accelerators().contains(acc.getKey()), acc.getKey());
                assertFalse(acc.getValue().isEmpty(), region.getKey() + " " + acc.getKey());
                acc.getValue().forEach(z -> {
                    var m = GoogleCloud.ZONE.matcher(z.asText());
                    assertTrue(m.matches() && m.group(1).equals(region.getKey()), z.asText() + " is a zone of " + region.getKey());
                });
            }));
        }
    }

    @Test
    void everyAcceleratorHasItsGkeAndQuotaSpelling() {
        for (String accelerator : table.accelerators()) {
            assertNotNull(GoogleCloud.GKE_ACCELERATOR.get(accelerator), accelerator);
            assertNotNull(GoogleCloud.VERTEX_GPU_QUOTA.get(accelerator), accelerator);
            assertEquals(accelerator, GpuZones.fromGke(GoogleCloud.GKE_ACCELERATOR.get(accelerator)));
            assertFalse(table.families(accelerator).isEmpty(), accelerator);
        }
    }

    @Test
    void theA100InUsEast1IsOnlyInZoneB() {
        assertEquals(java.util.List.of("us-east1-b"), table.zones("us-east1", "NVIDIA_TESLA_A100"));
        assertFalse(table.offers("us-east1-c", "NVIDIA_TESLA_A100"));
        assertTrue(table.attaches("a2-highgpu-1g", "NVIDIA_TESLA_A100"));
        assertTrue(table.attaches("a2-megagpu-16g", "NVIDIA_TESLA_A100"));
        assertFalse(table.attaches("a2-ultragpu-1g", "NVIDIA_TESLA_A100"));
        assertFalse(table.attaches("n1-standard-8", "NVIDIA_L4"));
    }
}
