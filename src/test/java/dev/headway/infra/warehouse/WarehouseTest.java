package dev.headway.infra.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarehouseTest {
    static final String DATASET = "gcp:bigquery/dataset:Dataset";
    static final String TABLE = "gcp:bigquery/table:Table";
    static final String MEMBER = "gcp:bigquery/datasetIamMember:DatasetIamMember";
    static Plan dev;
    static Plan prod;

    /** Per run of the class, not per class load: under mutation testing each mutant gets its own plans. */
    @BeforeAll
    static void synth() {
        dev = Synth.stack("dev");
        prod = Synth.stack("prod");
    }

    @Test
    void fourDatasetsInTheConfiguredLocation() {
        for (String layer : List.of("raw", "clean", "features", "monitoring")) {
            PlannedResource d = dev.get(DATASET, "hw_dev_" + layer);
            assertEquals("hw_dev_" + layer, d.input("datasetId").asText());
            assertEquals("US", d.input("location").asText());
            assertEquals("headway-dev", d.input("project").asText());
            assertEquals("warehouse", d.input("labels.component").asText());
            assertEquals("dev", d.input("labels.env").asText());
            assertEquals("hw_dev_" + layer, dev.outputs().get(layer + "Dataset").asText());
        }
        PlannedResource regional = Synth.stack("dev", java.util.Map.of("headway:warehouse", "{\"location\": \"us-east1\"}"))
                .get(DATASET, "hw_dev_raw");
        assertEquals("us-east1", regional.input("location").asText());
    }

    @Test
    void devExpiresTablesAndTearsDown() {
        PlannedResource d = dev.get(DATASET, "hw_dev_features");
        // 30 days in ms is past Integer.MAX_VALUE: the value must reach the engine intact
        assertEquals(30L * 86_400_000L, d.input("defaultTableExpirationMs").asLong());
        assertTrue(d.input("deleteContentsOnDestroy").asBoolean());
        assertFalse(d.protect());
        assertFalse(d.retainOnDelete());
        assertFalse(dev.get(TABLE, "hw_dev_raw.trip_updates").input("deletionProtection").asBoolean(true));
    }

    @Test
    void prodKeepsEverything() {
        for (PlannedResource d : prod.ofType(DATASET)) {
            assertTrue(d.protect(), d.name());
            assertTrue(d.retainOnDelete(), d.name());
            assertFalse(d.input("deleteContentsOnDestroy").asBoolean(true), d.name());
            assertTrue(d.input("defaultTableExpirationMs").isMissingNode(), d.name());
        }
        assertEquals(4, prod.ofType(TABLE).size());
        for (PlannedResource t : prod.ofType(TABLE)) {
            assertTrue(t.input("deletionProtection").asBoolean(), t.name());
            assertTrue(t.protect() && t.retainOnDelete(), t.name());
        }
    }

    @Test
    void landingTableIsPartitionedByIngestionDayAndClusteredByRouteAndStop() throws Exception {
        PlannedResource t = dev.get(TABLE, "hw_dev_raw.trip_updates");
        assertEquals("DAY", t.input("timePartitioning.type").asText());
        assertTrue(t.input("timePartitioning.field").isMissingNode(), "ingestion-time partitioning has no column");
        assertEquals("[\"route_id\",\"stop_id\"]", t.input("clusterings").toString());
        assertTrue(t.propertyDependencies().get("datasetId").stream().anyMatch(u -> u.endsWith("::hw_dev_raw")));
        List<String> columns = columns(t);
        assertTrue(columns.containsAll(List.of("trip_id", "route_id", "stop_id", "arrival_time", "arrival_delay", "feed_timestamp")), columns.toString());
        assertEquals("warehouse", t.input("labels.component").asText());
        assertEquals("service_date", dev.get(TABLE, "hw_dev_clean.stop_events").input("timePartitioning.field").asText());
        assertEquals("event_time", dev.get(TABLE, "hw_dev_features.headway_features").input("timePartitioning.field").asText());
    }

    @Test
    void predictionLogTableHasTheSchemaVertexWrites() throws Exception {
        PlannedResource t = dev.get(TABLE, "hw_dev_monitoring.request_response_logging");
        assertEquals("request_response_logging", t.input("tableId").asText());
        JsonNode schema = new ObjectMapper().readTree(t.input("schema").asText());
        String[][] expected = {
                {"endpoint", "STRING", "NULLABLE"},
                {"deployed_model_id", "STRING", "NULLABLE"},
                {"logging_time", "TIMESTAMP", "NULLABLE"},
                {"request_id", "NUMERIC", "NULLABLE"},
                {"request_payload", "STRING", "REPEATED"},
                {"response_payload", "STRING", "REPEATED"}};
        assertEquals(expected.length, schema.size());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], schema.get(i).get("name").asText());
            assertEquals(expected[i][1], schema.get(i).get("type").asText());
            assertEquals(expected[i][2], schema.get(i).get("mode").asText());
        }
    }

    @Test
    void grantsAreDatasetScoped() {
        PlannedResource g = dev.get(MEMBER, "hw-dev-raw-edit-dataflow");
        assertEquals(Warehouse.EDITOR, g.input("role").asText());
        assertEquals("hw_dev_raw", g.input("datasetId").asText());
        assertEquals("serviceAccount:hw-dev-dataflow@headway-dev.iam.gserviceaccount.com", g.input("member").asText());
        assertEquals(Warehouse.VIEWER, dev.get(MEMBER, "hw-dev-features-view-training").input("role").asText());
        assertTrue(dev.ofType(MEMBER).stream().allMatch(m -> m.input("role").asText().startsWith("roles/bigquery.data")));
        assertTrue(prod.find(MEMBER, "hw-prod-raw-edit-batch").isPresent(), "prod runs the batch worker");
        assertTrue(dev.find(MEMBER, "hw-dev-raw-edit-batch").isEmpty(), "dev does not");
    }

    @Test
    void schemasRejectWhatBigQueryWould() {
        assertThrows(IllegalArgumentException.class, () -> Field.nullable("bad-name", "STRING", ""));
        assertThrows(IllegalArgumentException.class, () -> Field.nullable("x", "VARCHAR", ""));
        List<Field> schema = List.of(Field.nullable("a", "STRING", ""), Field.nullable("t", "TIMESTAMP", ""));
        assertThrows(IllegalArgumentException.class, () -> new TableSpec(Layer.RAW, "t", "", schema,
                Optional.of("DAY"), Optional.of("a"), List.of()), "partition column must be a time");
        assertThrows(IllegalArgumentException.class, () -> new TableSpec(Layer.RAW, "t", "", schema,
                Optional.empty(), Optional.empty(), List.of("missing")), "clustering column must exist");
        assertEquals("[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]", Schemas.json(schema.subList(0, 1)));
    }

    private static List<String> columns(PlannedResource t) throws Exception {
        List<String> names = new ArrayList<>();
        new ObjectMapper().readTree(t.input("schema").asText()).forEach(f -> names.add(f.get("name").asText()));
        return names;
    }
}
