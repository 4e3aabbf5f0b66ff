package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;
import dev.headway.infra.testing.CraftedPlans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The warehouse the smoke test expects is the one the plan declares: datasets, tables, columns in standard SQL. */
class WarehouseSchemaTest {
    private static final PlannedResource ROOT = CraftedPlans.component("dev", "headway:data:Warehouse", "warehouse");

    private static PlannedResource bq(String type, String name, String inputs) {
        return CraftedPlans.resource("dev", ROOT, type, name, inputs, false);
    }

    @ParameterizedTest
    @CsvSource({"INTEGER, INT64", "integer, INT64", "FLOAT, FLOAT64", "BOOLEAN, BOOL", "RECORD, STRUCT",
            "INT64, INT64", "string, STRING", "TIMESTAMP, TIMESTAMP"})
    void legacyTypeNamesAreComparedInStandardSql(String type, String standard) {
        // https://cloud.google.com/bigquery/docs/reference/rest/v2/tables#TableFieldSchema.FIELDS.type
        assertEquals(standard, WarehouseSchema.standardType(type));
    }

    @Test
    void columnsKeepNameTypeModeAndSubColumns() throws Exception {
        List<WarehouseSchema.Column> cols = WarehouseSchema.columns(new ObjectMapper().readTree("""
                [{"name": "id", "type": "INTEGER", "mode": "required"},
                 {"name": "note", "type": "STRING", "mode": ""},
                 {"name": "at", "type": "TIMESTAMP"},
                 {"name": "tags", "type": "RECORD", "mode": "REPEATED", "fields": [{"name": "k", "type": "STRING"}]}]
                """));
        assertEquals(List.of(
                new WarehouseSchema.Column("id", "INT64", "REQUIRED", List.of()),
                new WarehouseSchema.Column("note", "STRING", "NULLABLE", List.of()),
                new WarehouseSchema.Column("at", "TIMESTAMP", "NULLABLE", List.of()),
                new WarehouseSchema.Column("tags", "STRUCT", "REPEATED",
                        List.of(new WarehouseSchema.Column("k", "STRING", "NULLABLE", List.of())))), cols);
        assertEquals("[id INT64 REQUIRED, note STRING, at TIMESTAMP, tags STRUCT REPEATED[k STRING]]", cols.toString());
        assertEquals(List.of(), WarehouseSchema.columns(null));
        assertEquals(List.of(), WarehouseSchema.columns(new ObjectMapper().readTree("{}")));
    }

    @Test
    void datasetsAndTablesComeFromThePlan() {
        Plan plan = CraftedPlans.plan("dev", List.of(ROOT,
                bq(Types.BIGQUERY_DATASET, "raw", "{\"datasetId\": \"hw_dev_raw\"}"),
                bq(Types.BIGQUERY_DATASET, "clean", "{\"datasetId\": \"hw_dev_clean\"}"),
                bq(Types.BIGQUERY_DATASET, "unknown", "{\"datasetId\": {\"unknown\": true}}"),
                bq(Types.BIGQUERY_TABLE, "events", "{\"datasetId\": \"hw_dev_raw\", \"tableId\": \"events\","
                        + " \"schema\": \"[{\\\"name\\\": \\\"id\\\", \\\"type\\\": \\\"INTEGER\\\"}]\"}"),
                bq(Types.BIGQUERY_TABLE, "noschema", "{\"datasetId\": \"hw_dev_clean\", \"tableId\": \"free\"}"),
                bq(Types.BIGQUERY_TABLE, "nodataset", "{\"tableId\": \"orphan\"}"),
                bq(Types.BIGQUERY_TABLE, "notext", "{\"datasetId\": \"hw_dev_raw\", \"tableId\": 7}"),
                bq("gcp:storage/bucket:Bucket", "b", "{\"datasetId\": \"not_a_dataset\"}")));
        WarehouseSchema w = WarehouseSchema.fromPlan(plan);
        assertEquals(Set.of("hw_dev_clean", "hw_dev_raw"), w.datasets());
        assertEquals(List.of(
                new WarehouseSchema.Table("hw_dev_raw", "events", List.of(new WarehouseSchema.Column("id", "INT64", "NULLABLE", List.of()))),
                new WarehouseSchema.Table("hw_dev_clean", "free", List.of())), w.tables());
    }

    @Test
    void aSchemaThatIsNotJsonIsAProgramBugNamingTheTable() {
        Plan plan = CraftedPlans.plan("dev", List.of(ROOT,
                bq(Types.BIGQUERY_TABLE, "events", "{\"datasetId\": \"hw_dev_raw\", \"tableId\": \"events\", \"schema\": \"[{\"}")));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WarehouseSchema.fromPlan(plan));
        assertTrue(e.getMessage().equals("table hw_dev_raw.events: schema is not JSON"), e.getMessage());
    }
}
