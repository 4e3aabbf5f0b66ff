package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts what the program sent the engine (protobuf Struct/Value in Pulumi's wire encoding) and
 * stack output values into plain JSON: keys sorted, secrets as "[secret]", unknowns as
 * "[unknown]", resource references as their URN, whole numbers without a fraction.
 */
final class Values {
    static final String SECRET = dev.headway.infra.config.ConfigFile.SECRET_PLACEHOLDER;
    static final String UNKNOWN = "[unknown]";
    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
    private static final String UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Values() {
    }

    static ObjectNode of(Struct struct) {
        ObjectNode out = F.objectNode();
        new TreeMap<>(struct.getFieldsMap()).forEach((k, v) -> out.set(k, of(v)));
        return out;
    }

    static JsonNode of(Value v) {
        switch (v.getKindCase()) {
            case NULL_VALUE:
            case KIND_NOT_SET:
                return F.nullNode();
            case BOOL_VALUE:
                return F.booleanNode(v.getBoolValue());
            case NUMBER_VALUE:
                return number(v.getNumberValue());
            case STRING_VALUE:
                return UNKNOWN_VALUE.equals(v.getStringValue()) ? F.textNode(UNKNOWN) : F.textNode(v.getStringValue());
            case LIST_VALUE:
                ArrayNode arr = F.arrayNode();
                v.getListValue().getValuesList().forEach(item -> arr.add(of(item)));
                return arr;
            case STRUCT_VALUE:
                Map<String, Value> fields = v.getStructValue().getFieldsMap();
                Value sig = fields.get(SIG);
                if (sig != null) {
                    String s = sig.getStringValue();
                    if (SECRET_SIG.equals(s)) {
                        return F.textNode(SECRET);
                    }
                    if (RESOURCE_SIG.equals(s)) {
                        return F.textNode(fields.containsKey("urn") ? fields.get("urn").getStringValue() : UNKNOWN);
                    }
                    if (OUTPUT_SIG.equals(s)) {
                        if (fields.containsKey("secret") && fields.get("secret").getBoolValue()) {
                            return F.textNode(SECRET);
                        }
                        return fields.containsKey("value") ? of(fields.get("value")) : F.textNode(UNKNOWN);
                    }
                }
                return of(v.getStructValue());
            default:
                throw new IllegalStateException("unexpected protobuf value " + v.getKindCase());
        }
    }

    /** A plain Java value (a stack output) as JSON. */
    static JsonNode ofJava(Object o) {
        if (o == null) {
            return F.nullNode();
        }
        if (o instanceof Boolean b) {
            return F.booleanNode(b);
        }
        if (o instanceof Number n) {
            return number(n.doubleValue());
        }
        if (o instanceof Map<?, ?> m) {
            ObjectNode out = F.objectNode();
            new TreeMap<>(m).forEach((k, v) -> out.set(String.valueOf(k), ofJava(v)));
            return out;
        }
        if (o instanceof Collection<?> c) {
            ArrayNode arr = F.arrayNode();
            c.forEach(item -> arr.add(ofJava(item)));
            return arr;
        }
        return F.textNode(String.valueOf(o)); // strings, and anything else by its text
    }

    private static JsonNode number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) { // infinities fail the bound
            long l = (long) d;
            // the same node type Jackson reads back from the JSON, so plans compare equal after a round trip
            return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
        }
        return F.numberNode(d);
    }
}
