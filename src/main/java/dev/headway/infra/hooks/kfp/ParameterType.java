package dev.headway.infra.hooks.kfp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.Locale;
import java.util.Map;

/**
 * The parameter types of a KFP v2 spec ({@code parameterType} in {@code inputDefinitions}) and how a value
 * of each becomes the protobuf {@link Value} that Vertex AI's {@code runtimeConfig.parameterValues} carries.
 */
public enum ParameterType {
    STRING, NUMBER_INTEGER, NUMBER_DOUBLE, BOOLEAN, LIST, STRUCT;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The spec's type name; {@code null} when the name is not a KFP v2 parameter type. */
    public static ParameterType named(String name) {
        for (ParameterType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /** Parses a command-line value ({@code --param NAME=VALUE}); JSON for LIST and STRUCT. */
    public Value parse(String text) throws IllegalArgumentException {
        return switch (this) {
            case STRING -> Value.newBuilder().setStringValue(text).build();
            case NUMBER_INTEGER -> {
                try {
                    yield Value.newBuilder().setNumberValue(Long.parseLong(text.trim())).build();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected an integer, found \"" + text + "\"");
                }
            }
            case NUMBER_DOUBLE -> {
                try {
                    double d = Double.parseDouble(text.trim());
                    if (!Double.isFinite(d)) {
                        throw new NumberFormatException();
                    }
                    yield Value.newBuilder().setNumberValue(d).build();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("expected a number, found \"" + text + "\"");
                }
            }
            case BOOLEAN -> switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Value.newBuilder().setBoolValue(true).build();
                case "false" -> Value.newBuilder().setBoolValue(false).build();
                default -> throw new IllegalArgumentException("expected true or false, found \"" + text + "\"");
            };
            case LIST, STRUCT -> {
                JsonNode node;
                try {
                    node = dev.headway.infra.config.Documents.json(text);
                } catch (dev.headway.infra.config.Documents.Malformed e) {
                    throw new IllegalArgumentException("expected JSON " + (this == LIST ? "array" : "object")
                            + ", found \"" + text + "\"");
                }
                yield fromJson(node);
            }
        };
    }

    /** Converts a JSON value (a spec default or a stack output) to this type, checking its shape. */
    public Value fromJson(JsonNode node) throws IllegalArgumentException {
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new IllegalArgumentException("expected " + describe() + ", found null");
        }
        boolean ok = switch (this) {
            case STRING -> node.isTextual();
            case NUMBER_INTEGER -> node.isIntegralNumber() || (node.isNumber() && node.doubleValue() == Math.rint(node.doubleValue()));
            case NUMBER_DOUBLE -> node.isNumber();
            case BOOLEAN -> node.isBoolean();
            case LIST -> node.isArray();
            case STRUCT -> node.isObject();
        };
        if (!ok) {
            if (this != STRING && node.isTextual()) {
                return parse(node.textValue());
            }
            if (this == STRING && node.isValueNode()) {
                return Value.newBuilder().setStringValue(node.asText()).build();
            }
            throw new IllegalArgumentException("expected " + describe() + ", found " + node);
        }
        return toValue(node);
    }

    private String describe() {
        return switch (this) {
            case STRING -> "a string";
            case NUMBER_INTEGER -> "an integer";
            case NUMBER_DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            case LIST -> "a JSON array";
            case STRUCT -> "a JSON object";
        };
    }

    /** Any JSON value as a protobuf Value (google.protobuf.Value's JSON mapping). */
    public static Value toValue(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (node.isTextual()) {
            return Value.newBuilder().setStringValue(node.textValue()).build();
        }
        if (node.isBoolean()) {
            return Value.newBuilder().setBoolValue(node.booleanValue()).build();
        }
        if (node.isNumber()) {
            // google.protobuf.Value's JSON form has no Infinity or NaN (1e400 became Infinity: the printer threw, exit 70)
            if (!Double.isFinite(node.doubleValue())) {
                throw new IllegalArgumentException("a number beyond a double's range: " + node.asText());
            }
            return Value.newBuilder().setNumberValue(node.doubleValue()).build();
        }
        if (node.isArray()) {
            ListValue.Builder list = ListValue.newBuilder();
            node.forEach(n -> list.addValues(toValue(n)));
            return Value.newBuilder().setListValue(list).build();
        }
        return Value.newBuilder().setStructValue(toStruct(node)).build();
    }

    /** A JSON object as a protobuf Struct. */
    public static Struct toStruct(JsonNode object) {
        Struct.Builder struct = Struct.newBuilder();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            struct.putFields(field.getKey(), toValue(field.getValue()));
        }
        return struct.build();
    }
}
