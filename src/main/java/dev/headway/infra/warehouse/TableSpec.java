package dev.headway.infra.warehouse;

import java.util.List;
import java.util.Optional;

/**
 * A table of the warehouse, as data: where it lives, its schema, how it is partitioned and
 * clustered.
 *
 * @param partitionField empty for ingestion-time partitioning, else the DATE/TIMESTAMP column
 * @param partitionType  DAY, HOUR, MONTH or YEAR; empty for an unpartitioned table
 */
public record TableSpec(Layer layer, String tableId, String description, List<Field> schema,
                        Optional<String> partitionType, Optional<String> partitionField, List<String> clustering) {

    public TableSpec {
        if (!tableId.matches("[A-Za-z0-9_]{1,1024}")) {
            throw new IllegalArgumentException("BigQuery table id breaks the naming rule: " + tableId);
        }
        schema = List.copyOf(schema);
        clustering = List.copyOf(clustering);
        if (clustering.size() > 4) {
            throw new IllegalArgumentException(tableId + ": BigQuery clusters on at most 4 columns");
        }
        for (String column : clustering) {
            column(column, schema, tableId);
        }
        if (partitionField.isPresent()) {
            String f = partitionField.get();
            String type = column(f, schema, tableId).type();
            if (!type.equals("DATE") && !type.equals("TIMESTAMP") && !type.equals("DATETIME")) {
                throw new IllegalArgumentException(tableId + ": partition column " + f + " is " + type);
            }
            if (partitionType.isEmpty()) {
                throw new IllegalArgumentException(tableId + ": a partition column needs a partition type");
            }
        }
    }

    private static Field column(String name, List<Field> schema, String tableId) {
        return schema.stream().filter(f -> f.name().equals(name) && !f.mode().equals("REPEATED")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(tableId + ": no top-level column " + name));
    }
}
