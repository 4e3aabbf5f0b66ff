package dev.headway.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lookups in the GPU table (src/main/resources/google/gpu-zones.json) answer exactly what the table says. */
class GpuZonesLookupTest {
    private final GpuZones table = GpuZones.standard();

    @Test
    void aMissingTableIsAnErrorNotAnEmptyTable() {
        assertEquals("missing resource /google/absent.json", assertThrows(IllegalStateException.class, () -> GpuZones.load("/google/absent.json")).getMessage());
        assertEquals(table.regions(), GpuZones.load(GpuZones.RESOURCE).regions());
    }

    @Test
    void knowsTheRegionsItLists() {
        assertTrue(table.regions().containsAll(List.of("us-east1", "us-central1")));
        assertTrue(table.knowsRegion("us-east1"));
        assertFalse(table.knowsRegion("mars-north1"));
    }

    @ParameterizedTest
    @CsvSource({"us-east1-b, NVIDIA_TESLA_A100, true", "us-east1-c, NVIDIA_TESLA_A100, false", "us-east1-c, NVIDIA_TESLA_T4, true",
            "us-east1, NVIDIA_TESLA_T4, false", "mars-north1-a, NVIDIA_TESLA_T4, false"})
    void offersOnlyWhereTheTableListsTheZone(String zone, String accelerator, boolean offers) {
        assertEquals(offers, table.offers(zone, accelerator));
    }

    @Test
    void acceleratorsAreSorted() {
        List<String> sorted = new ArrayList<>(table.accelerators());
        sorted.sort(null);
        assertEquals(sorted, table.accelerators());
        assertEquals("NVIDIA_A100_80GB", table.accelerators().get(0));
    }
}
