package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the program sent the engine, in Pulumi's wire encoding, as plain plan JSON. The special
 * values are Pulumi's signature-keyed structs (pulumi/pulumi sdk/go/common/resource/plugin/rpc.go,
 * sdk/go/common/resource/sig/sig.go): a secret, a resource reference, an output value; an unknown
 * is the string {@code 04da6b54-80e4-46f7-96ec-b56ff0331ba9} (UnknownStringValue in rpc.go).
 */
class ValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIG = "4dabf18193072939515e22adb298388d";

    private static Value str(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static Value struct(Map<String, Value> fields) {
        return Value.newBuilder().setStructValue(Struct.newBuilder().putAllFields(fields)).build();
    }

    static Stream<Object[]> wire() {
        Value urn = str("urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::feed");
        return Stream.of(
                new Object[]{"null", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build(), "null"},
                new Object[]{"not set", Value.getDefaultInstance(), "null"},
                new Object[]{"bool", Value.newBuilder().setBoolValue(true).build(), "true"},
                new Object[]{"whole number", Value.newBuilder().setNumberValue(30).build(), "30"},
                new Object[]{"fraction", Value.newBuilder().setNumberValue(0.25).build(), "0.25"},
                new Object[]{"string", str("us-east1"), "\"us-east1\""},
                new Object[]{"unknown", str("04da6b54-80e4-46f7-96ec-b56ff0331ba9"), "\"[unknown]\""},
                new Object[]{"list", Value.newBuilder().setListValue(ListValue.newBuilder().addValues(str("a")).addValues(str("b"))).build(),
                        "[\"a\",\"b\"]"},
                new Object[]{"secret", struct(Map.of(SIG, str("1b47061264138c4ac30d75fd1eb44270"), "value", str("hunter2"))), "\"[secret]\""},
                new Object[]{"resource reference", struct(Map.of(SIG, str("5cf8f73096256a8f31e491e813e4eb8e"), "urn", urn)),
                        "\"urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::feed\""},
                new Object[]{"resource reference without urn", struct(Map.of(SIG, str("5cf8f73096256a8f31e491e813e4eb8e"))), "\"[unknown]\""},
                new Object[]{"known output", struct(Map.of(SIG, str("d0e6a833031e9bbcd3f4e8bde6ca49a4"), "value", str("v"))), "\"v\""},
                new Object[]{"secret output", struct(Map.of(SIG, str("d0e6a833031e9bbcd3f4e8bde6ca49a4"), "value", str("v"),
                        "secret", Value.newBuilder().setBoolValue(true).build())), "\"[secret]\""},
                new Object[]{"output marked not secret", struct(Map.of(SIG, str("d0e6a833031e9bbcd3f4e8bde6ca49a4"), "value", str("v"),
                        "secret", Value.newBuilder().setBoolValue(false).build())), "\"v\""},
                new Object[]{"unknown output", struct(Map.of(SIG, str("d0e6a833031e9bbcd3f4e8bde6ca49a4"))), "\"[unknown]\""},
                new Object[]{"unknown signature: a plain object", struct(Map.of(SIG, str("other"), "b", str("2"), "a", str("1"))),
                        "{\"" + SIG + "\":\"other\",\"a\":\"1\",\"b\":\"2\"}"},
                new Object[]{"plain object, keys sorted", struct(Map.of("zone", str("z"), "name", str("n"))), "{\"name\":\"n\",\"zone\":\"z\"}"});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wire")
    void wireValuesBecomePlanJson(String what, Value value, String json) {
        assertEquals(json, Values.of(value).toString());
    }

    /** A stack output (a plain Java value) as JSON: keys sorted, anything else by its text. */
    @Test
    void stackOutputsBecomePlanJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("zone", "us-east1-b");
        out.put("running", true);
        out.put("count", 2);
        out.put("names", List.of("a", "b"));
        out.put("none", null);
        out.put("path", Path.of("deploy", "x.json"));
        assertEquals("{\"count\":2,\"names\":[\"a\",\"b\"],\"none\":null,\"path\":\"deploy/x.json\",\"running\":true,\"zone\":\"us-east1-b\"}",
                Values.ofJava(out).toString());
        assertTrue(Values.ofJava(null).isNull());
    }

    /**
     * Numbers become the node Jackson reads back from the plan file (int, long or double), so a
     * synthesized plan equals the committed one read from disk; huge or fractional values stay doubles.
     */
    @ParameterizedTest
    @MethodSource("numbers")
    void numbersAreTheNodesJacksonReadsBack(Number n, String json) throws Exception {
        JsonNode node = Values.ofJava(n);
        assertEquals(json, node.toString());
        assertEquals(JSON.readTree(json), node, "the node read back from " + json);
        assertEquals(JSON.readTree(json).getClass(), node.getClass());
    }

    static Stream<Object[]> numbers() {
        return Stream.of(
                new Object[]{3L, "3"},
                new Object[]{-7, "-7"},
                new Object[]{5_000_000_000L, "5000000000"},
                new Object[]{999_999_999_999_999L, "999999999999999"},
                new Object[]{1e15, "1.0E15"},
                new Object[]{2.5, "2.5"});
    }

    @Test
    void infinityStaysADouble() {
        assertTrue(Values.ofJava(Double.POSITIVE_INFINITY).isDouble());
    }

    @Test
    void aListOfMixedValues() {
        assertEquals("[1,\"x\",false]", Values.ofJava(Arrays.asList(1, "x", false)).toString());
    }
}
