package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.headway.infra.hooks.kfp.ParameterType;
import dev.headway.infra.hooks.kfp.UriArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * KFP v2 parameter types (pipeline_spec.proto, {@code PipelineSpec.ParameterType}: STRING, NUMBER_DOUBLE,
 * NUMBER_INTEGER, BOOLEAN, LIST, STRUCT) and the protobuf {@link Value} each becomes in
 * {@code RuntimeConfig.parameterValues}.
 */
class ParameterTypeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Value number(double d) {
        return Value.newBuilder().setNumberValue(d).build();
    }

    @Test
    void onlyTheSixKfpTypeNamesAreKnown() {
        for (ParameterType t : ParameterType.values()) {
            assertEquals(t, ParameterType.named(t.name()));
        }
        assertNull(ParameterType.named("string"));
        assertNull(ParameterType.named("PARAMETER_TYPE_ENUM_UNSPECIFIED"));
        assertNull(ParameterType.named(null));
    }

    /** {@code expected}: the Value in its JSON mapping (a string stays a string, a number a number). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STRING         | ' 42 '    | \" 42 \"",
            "NUMBER_INTEGER | ' 42 '    | 42",
            "NUMBER_INTEGER | -7        | -7",
            "NUMBER_DOUBLE  | ' 0.25 '  | 0.25",
            "BOOLEAN        | ' TRUE '  | true",
            "BOOLEAN        | False     | false",
            "LIST           | [1, \"a\"] | [1, \"a\"]",
            "STRUCT         | {\"k\": null} | {\"k\": null}",
    })
    void aCommandLineValueBecomesItsTypesValue(String type, String text, String expected) throws Exception {
        Value.Builder want = Value.newBuilder();
        com.google.protobuf.util.JsonFormat.parser().merge(expected, want);
        assertEquals(want.build(), ParameterType.valueOf(type).parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NUMBER_INTEGER | 4.5       | expected an integer, found \"4.5\"",
            "NUMBER_INTEGER | ''        | expected an integer, found \"\"",
            "NUMBER_DOUBLE  | abc       | expected a number, found \"abc\"",
            "NUMBER_DOUBLE  | Infinity  | expected a number, found \"Infinity\"",
            "NUMBER_DOUBLE  | NaN       | expected a number, found \"NaN\"",
            "NUMBER_DOUBLE  | 1e400     | expected a number, found \"1e400\"",
            "BOOLEAN        | yes       | expected true or false, found \"yes\"",
            "LIST           | [1,       | expected JSON array, found \"[1,\"",
            "STRUCT         | {         | expected JSON object, found \"{\"",
            "LIST           | {}        | expected a JSON array, found {}",
            "STRUCT         | []        | expected a JSON object, found []",
    })
    void aValueOfTheWrongShapeIsRefusedSayingWhatWasExpected(String type, String text, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> ParameterType.valueOf(type).parse(text)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "NUMBER_INTEGER | 3         | 3",
            "NUMBER_INTEGER | 3.0       | 3",
            "NUMBER_INTEGER | \"3\"     | 3",
            "NUMBER_DOUBLE  | 3         | 3",
            "NUMBER_DOUBLE  | \"0.5\"   | 0.5",
            "BOOLEAN        | true      | true",
            "BOOLEAN        | \"false\" | false",
            "STRING         | \"gs://b\" | \"gs://b\"",
            "STRING         | 12        | \"12\"",
            "STRING         | true      | \"true\"",
            "LIST           | \"[2]\"   | [2]",
            "STRUCT         | {\"a\": [true]} | {\"a\": [true]}",
    })
    void aJsonDefaultOrOutputIsCheckedAndConverted(String type, String node, String expected) throws Exception {
        Value.Builder want = Value.newBuilder();
        com.google.protobuf.util.JsonFormat.parser().merge(expected, want);
        assertEquals(want.build(), ParameterType.valueOf(type).fromJson(json(node)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "STRING         | null      | expected a string, found null",
            "NUMBER_INTEGER | 3.5       | expected an integer, found 3.5",
            "NUMBER_INTEGER | true      | expected an integer, found true",
            "NUMBER_DOUBLE  | [1]       | expected a number, found [1]",
            "BOOLEAN        | 1         | expected true or false, found 1",
            "LIST           | 1         | expected a JSON array, found 1",
            "STRUCT         | [1]       | expected a JSON object, found [1]",
            "STRING         | [\"a\"]   | expected a string, found [\"a\"]",
            "STRING         | {}        | expected a string, found {}",
    })
    void aJsonValueOfTheWrongShapeIsRefused(String type, String node, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> ParameterType.valueOf(type).fromJson(json(node))).getMessage());
    }

    @Test
    void anAbsentValueIsRefused() {
        assertEquals("expected an integer, found null", assertThrows(IllegalArgumentException.class,
                () -> ParameterType.NUMBER_INTEGER.fromJson(MissingNode.getInstance())).getMessage());
        assertEquals("expected true or false, found null", assertThrows(IllegalArgumentException.class,
                () -> ParameterType.BOOLEAN.fromJson(null)).getMessage());
    }

    @Test
    void anyJsonBecomesProtobufValueByItsJsonMapping() {
        assertEquals(Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build(), ParameterType.toValue(null));
        assertEquals(Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build(), ParameterType.toValue(MissingNode.getInstance()));
        Struct struct = ParameterType.toStruct(json("{\"n\": 1.5, \"b\": false, \"s\": \"x\", \"l\": [], \"o\": {}}"));
        assertEquals(number(1.5), struct.getFieldsOrThrow("n"));
        assertEquals(Value.newBuilder().setBoolValue(false).build(), struct.getFieldsOrThrow("b"));
        assertEquals(Value.newBuilder().setStringValue("x").build(), struct.getFieldsOrThrow("s"));
        assertEquals(Value.newBuilder().setListValue(ListValue.getDefaultInstance()).build(), struct.getFieldsOrThrow("l"));
        assertEquals(Value.newBuilder().setStructValue(Struct.getDefaultInstance()).build(), struct.getFieldsOrThrow("o"));
    }

    @Test
    void aNumberBeyondADoubleIsRefusedNotPrintedAsInfinity() {
        // Jackson reads 1e400 as a double, Infinity; google.protobuf.Value's JSON form has no Infinity
        assertEquals("a number beyond a double's range: Infinity", assertThrows(IllegalArgumentException.class,
                () -> ParameterType.toValue(JSON.readTree("1e400"))).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "system.Dataset, dataset",
            "google.VertexModel, vertexmodel",
            "Dataset, dataset",
            "system.My_Data Set!, my-data-set",
            "system.--, artifact",
            "system.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbb, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "system.aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab-cc, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab",
    })
    void anArtifactIdIsTheSchemasShortNameAndAStableHash(String schemaTitle, String shortName) {
        String id = UriArtifact.idFor("gs://b/data.csv", schemaTitle);
        assertTrue(id.matches("[a-z0-9][a-z0-9-]{0,127}"), id);
        assertEquals(shortName, id.substring(0, id.length() - 33));
        assertTrue(id.substring(id.length() - 33).matches("-[0-9a-f]{32}"), id);
        assertEquals(id, UriArtifact.idFor("gs://b/data.csv", schemaTitle), "a rerun finds it");
    }

    @Test
    void anArtifactIdDiffersByUriAndBySchema() {
        String a = UriArtifact.idFor("gs://b/data.csv", "system.Dataset");
        assertTrue(!a.equals(UriArtifact.idFor("gs://b/other.csv", "system.Dataset")));
        assertTrue(!a.equals(UriArtifact.idFor("gs://b/data.csv", "other.Dataset")));
        // SHA-256 of "system.Dataset\ngs://b/data.csv", first 32 hex digits
        assertEquals(a.substring(a.length() - 32), sha256("system.Dataset\ngs://b/data.csv").substring(0, 32));
    }

    private static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
