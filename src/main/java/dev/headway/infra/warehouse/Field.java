package dev.headway.infra.warehouse;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a BigQuery table schema, as data. Rendered to the BigQuery schema JSON by
 * {@link Schemas#json}.
 *
 * @param type   a GoogleSQL column type (STRING, INT64 as INTEGER, TIMESTAMP, RECORD...)
 * @param mode   NULLABLE, REQUIRED or REPEATED
 * @param fields the nested columns of a RECORD, empty otherwise
 */
public record Field(String name, String type, String mode, String description, List<Field> fields) {
    static final Set<String> TYPES = Set.of("STRING", "BYTES", "INTEGER", "FLOAT", "NUMERIC", "BIGNUMERIC",
            "BOOLEAN", "TIMESTAMP", "DATE", "TIME", "DATETIME", "GEOGRAPHY", "JSON", "RECORD");
    static final Set<String> MODES = Set.of("NULLABLE", "REQUIRED", "REPEATED");

    public Field {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,299}")) {
            throw new IllegalArgumentException("BigQuery column name breaks the naming rule: " + name);
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("unknown BigQuery type " + type + " for column " + name);
        }
        if (!MODES.contains(mode)) {
            throw new IllegalArgumentException("unknown BigQuery mode " + mode + " for column " + name);
        }
        if (type.equals("RECORD") == fields.isEmpty()) {
            throw new IllegalArgumentException("column " + name + ": a RECORD has nested fields, other types none");
        }
        fields = List.copyOf(fields);
        description = description == null ? "" : description;
    }

    public static Field nullable(String name, String type, String description) {
        return new Field(name, type, "NULLABLE", description, List.of());
    }

    public static Field required(String name, String type, String description) {
        return new Field(name, type, "REQUIRED", description, List.of());
    }

    public static Field repeated(String name, String type, String description) {
        return new Field(name, type, "REPEATED", description, List.of());
    }
}
