package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the warehouse should look like: the BigQuery datasets and tables (with their schemas) that the stack
 * program declares, read from its synthesized plan, so the smoke test and the program cannot disagree.
 */
public record WarehouseSchema(Set<String> datasets, List<Table> tables) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One column: name, standard SQL type name (INT64, not INTEGER), mode (NULLABLE when unset), sub-columns. */
    public record Column(String name, String type, String mode, List<Column> fields) {
        @Override
        public String toString() {
            return name + " " + type + (mode.equals("NULLABLE") ? "" : " " + mode)
                    + (fields.isEmpty() ? "" : fields.toString());
        }
    }

    public record Table(String dataset, String table, List<Column> columns) {
    }

    /** Datasets and tables declared in {@code plan}; a table's schema is its {@code schema} input (JSON). */
    public static WarehouseSchema fromPlan(Plan plan) {
        Set<String> datasets = new TreeSet<>();
        for (PlannedResource r : plan.ofType(Types.BIGQUERY_DATASET)) {
            JsonNode id = r.input("datasetId");
            if (id != null && id.isTextual()) {
                datasets.add(id.textValue());
            }
        }
        List<Table> tables = new ArrayList<>();
        for (PlannedResource r : plan.ofType(Types.BIGQUERY_TABLE)) {
            JsonNode ds = r.input("datasetId");
            JsonNode id = r.input("tableId");
            JsonNode schema = r.input("schema");
            if (ds == null || id == null || !ds.isTextual() || !id.isTextual()) {
                continue;
            }
            List<Column> columns = List.of();
            if (schema != null && schema.isTextual()) {
                try {
                    columns = columns(JSON.readTree(schema.textValue()));
                } catch (IOException e) {
                    throw new IllegalStateException("table " + ds.textValue() + "." + id.textValue() + ": schema is not JSON", e);
                }
            }
            tables.add(new Table(ds.textValue(), id.textValue(), columns));
        }
        return new WarehouseSchema(datasets, tables);
    }

    /** Columns from a BigQuery JSON schema (an array of {name, type, mode, fields}). */
    public static List<Column> columns(JsonNode fields) {
        List<Column> out = new ArrayList<>();
        if (fields != null && fields.isArray()) {
            for (JsonNode f : fields) {
                out.add(new Column(f.path("name").asText(), standardType(f.path("type").asText()),
                        f.path("mode").asText("NULLABLE").isEmpty() ? "NULLABLE" : f.path("mode").asText("NULLABLE").toUpperCase(Locale.ROOT),
                        columns(f.get("fields"))));
            }
        }
        return out;
    }

    /** Legacy and standard SQL spell some types two ways; compare in standard SQL. */
    public static String standardType(String type) {
        return switch (type.toUpperCase(Locale.ROOT)) {
            case "INTEGER" -> "INT64";
            case "FLOAT" -> "FLOAT64";
            case "BOOLEAN" -> "BOOL";
            case "RECORD" -> "STRUCT";
            default -> type.toUpperCase(Locale.ROOT);
        };
    }
}
