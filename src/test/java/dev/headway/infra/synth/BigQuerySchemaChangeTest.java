package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each case is one branch of terraform-provider-google-beta v5.0.0
 * google-beta/services/bigquery/resource_bigquery_table.go, resourceBigQueryTableSchemaIsChangeable
 * (with bigQueryTableTypeEq, bigQueryTableNormalizeMode, bigQueryTableModeIsForceNew): true means
 * the provider updates the table in place, false that it plans ForceNew("schema"), a replacement
 * that drops the table's data.
 */
class BigQuerySchemaChangeTest {
    private static final String A = "{\"name\":\"a\",\"type\":\"STRING\"}";

    static Stream<Arguments> schemaChanges() {
        return Stream.of(
                // arrays: columns may be added, not removed or made REQUIRED
                Arguments.of("[" + A + "]", "[" + A + ",{\"name\":\"b\",\"type\":\"STRING\"}]", true, "a NULLABLE column added"),
                Arguments.of("[" + A + "," + A + "]", "[" + A + "]", false, "fewer columns than before (len(arrayOld) > len(arrayNew))"),
                Arguments.of("null", "[" + A + "]", true, "an empty schema from the API (\"null\") read as [] and grown"),
                Arguments.of("[" + A + "]", "{\"name\":\"a\"}", false, "an array become an object"),
                // objects: name, type, mode, fields
                Arguments.of("{\"name\":\"a\"}", "[" + A + "]", false, "an object become an array"),
                Arguments.of("{\"name\":\"a\",\"type\":\"STRING\"}", "{\"name\":\"b\",\"type\":\"STRING\"}", false, "a renamed field"),
                Arguments.of("[{\"name\":\"a\"}]", "[" + A + "]", true, "a type missing on one side: invalid, so no ForceNew"),
                Arguments.of("[" + A + "]", "[{\"name\":\"a\"}]", true, "a type missing on the new side: invalid, so no ForceNew"),
                Arguments.of("{}", "[]", false, "an empty object become a list"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"}]",
                        "[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]", true, "REQUIRED relaxed to NULLABLE"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"}]",
                        "[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REQUIRED\",\"description\":\"x\"}]", true, "REQUIRED kept"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"}]",
                        "[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REPEATED\"}]", false, "REQUIRED to REPEATED"),
                Arguments.of("[" + A + "]", "[{\"name\":\"a\",\"type\":\"string\",\"description\":\"x\"}]", true,
                        "type compared without case; a description changes in place"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"INTEGER\"}]", "[{\"name\":\"a\",\"type\":\"INT64\"}]", true, "INTEGER is INT64"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"FLOAT64\"}]", "[{\"name\":\"a\",\"type\":\"FLOAT\"}]", true, "FLOAT64 is FLOAT"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"INTEGER\"}]", "[{\"name\":\"a\",\"type\":\"FLOAT64\"}]", false, "INTEGER is not FLOAT64"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"BOOL\"}]", "[{\"name\":\"a\",\"type\":\"STRING\"}]", false, "BOOL is not STRING"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REPEATED\"}]", "[" + A + "]", false,
                        "a mode only the old field has: REPEATED to NULLABLE"),
                Arguments.of("[" + A + "]", "[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"}]", false,
                        "a mode only the new field has: NULLABLE to REQUIRED"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"NULLABLE\"}]", "[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"REPEATED\"}]", false,
                        "NULLABLE to REPEATED"),
                Arguments.of("[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":null}]", "[{\"name\":\"a\",\"type\":\"STRING\",\"mode\":\"nullable\"}]", true,
                        "a null mode is NULLABLE, and modes compare without case"),
                // nested records: fields recurse
                Arguments.of("[{\"name\":\"r\",\"type\":\"RECORD\",\"fields\":[" + A + "]}]",
                        "[{\"name\":\"r\",\"type\":\"RECORD\",\"fields\":[" + A + ",{\"name\":\"b\",\"type\":\"INT64\"}]}]", true,
                        "a nested column added"),
                Arguments.of("[{\"name\":\"r\",\"type\":\"RECORD\",\"fields\":[" + A + ",{\"name\":\"b\",\"type\":\"INT64\"}]}]",
                        "[{\"name\":\"r\",\"type\":\"RECORD\",\"fields\":[{\"name\":\"b\",\"type\":\"INT64\"},{\"name\":\"c\",\"type\":\"INT64\"}]}]", false,
                        "a nested column removed"),
                Arguments.of("[{\"name\":\"r\",\"type\":\"STRING\"}]", "[{\"name\":\"r\",\"type\":\"STRING\",\"fields\":[" + A + "]}]", false,
                        "fields only on the new side: nil compared with a list"),
                Arguments.of("[{\"name\":\"r\",\"type\":\"STRING\",\"fields\":null}]", "[{\"name\":\"r\",\"type\":\"STRING\",\"fields\":null}]", true,
                        "null fields on both sides are equal"));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource
    void schemaChanges(String before, String after, boolean inPlace, String why) {
        assertEquals(inPlace, BigQuerySchemaChange.inPlace(TextNode.valueOf(before), TextNode.valueOf(after)), why);
    }

    @Test
    void theProviderComparesOnlyWhenBothSidesHaveASchema() {
        JsonNode schema = TextNode.valueOf("[" + A + "]");
        assertTrue(BigQuerySchemaChange.inPlace(MissingNode.getInstance(), schema));
        assertTrue(BigQuerySchemaChange.inPlace(schema, MissingNode.getInstance()));
    }

    @Test
    void aSchemaThatIsNotJsonIsTreatedAsAReplacement() {
        // the provider fails the plan on it; synth errs on the side that warns about data loss
        assertFalse(BigQuerySchemaChange.inPlace(TextNode.valueOf("[" + A + "]"), TextNode.valueOf("[{")));
    }
}
