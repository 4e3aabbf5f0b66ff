package dev.headway.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each typed reader over stack config: what it accepts, at its edges, and the one line it refuses with. */
class ConfigNodeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ConfigNode node(String json) {
        return node(json, false);
    }

    private static ConfigNode node(String json, boolean secret) {
        try {
            return new ConfigNode("headway:", (ObjectNode) JSON.readTree(json), secret);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String refusal(Runnable read) {
        return assertThrows(ConfigError.class, read::run).getMessage();
    }

    @Test
    void namesKeysTheWayAUserWritesThem() {
        ConfigNode root = node("{\"poller\": {}}");
        assertEquals("headway:", root.path());
        ConfigNode poller = root.object("poller");
        assertEquals("headway:poller", poller.path());
        assertEquals("headway:poller.machineType", poller.keyOf("machineType"));
    }

    @Test
    void anExplicitNullIsNothingNotTheDefault() {
        assertEquals("config headway:region: expected a value (or remove the key to take the default), found nothing",
                refusal(() -> node("{\"region\": null}").string("region", "us-east1")));
    }

    @ParameterizedTest
    @CsvSource({"true, false, true", "false, true, false", "'\"true\"', false, true", "'\"false\"', true, false"})
    void boolReadsTypedAndTextBooleans(String json, boolean defaultValue, boolean expected) {
        assertEquals(expected, node("{\"on\": " + json + "}").bool("on", defaultValue));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void boolTakesTheDefaultWhenAbsent(boolean defaultValue) {
        assertEquals(defaultValue, node("{}").bool("on", defaultValue));
    }

    // YAML 1.2 core schema (https://yaml.org/spec/1.2.2/#1032-tag-resolution) has no yes/no/on/off booleans;
    // reading them as booleans is the YAML 1.1 trap, so they are refused rather than guessed.
    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "\"no\"", "\"on\"", "1", "\"\""})
    void boolRefusesOtherSpellings(String json) {
        assertTrue(refusal(() -> node("{\"on\": " + json + "}").bool("on", false)).startsWith("config headway:on: expected true or false, found "));
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "'\"1\"', 1", "10, 10", "'\"10\"', 10"})
    void integerAcceptsTheRangeEndsTypedOrAsText(String json, int expected) {
        assertEquals(expected, node("{\"n\": " + json + "}").integer("n", 1, 10, 7));
    }

    @Test
    void integerTakesTheDefaultWhenAbsent() {
        assertEquals(7, node("{}").integer("n", 1, 10, 7));
    }

    @ParameterizedTest
    @CsvSource({
            "0,             'config headway:n: expected a whole number from 1 to 10, found 0'",
            "11,            'config headway:n: expected a whole number from 1 to 10, found 11'",
            "'\"11\"',      'config headway:n: expected a whole number from 1 to 10, found 11'",
            "2.5,           'config headway:n: expected a whole number from 1 to 10, found 2.5'",
            "'\"three\"',   'config headway:n: expected a whole number from 1 to 10, found \"three\"'"})
    void integerRefusesOutsideTheRange(String json, String message) {
        assertEquals(message, refusal(() -> node("{\"n\": " + json + "}").integer("n", 1, 10, 7)));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 0.5", "'\"0.5\"', 0.5", "2, 2.0", "'\"2\"', 2.0", "'\"1.25\"', 1.25", "'\"1e0\"', 1.0"})
    void numberAcceptsTheRangeEndsTypedOrAsText(String json, double expected) {
        assertEquals(expected, node("{\"x\": " + json + "}").number("x", 0.5, 2, 1.5));
    }

    @Test
    void numberTakesTheDefaultWhenAbsent() {
        assertEquals(1.5, node("{}").number("x", 0.5, 2, 1.5));
    }

    @ParameterizedTest
    @CsvSource({
            "0.49,        'config headway:x: expected a number from 0.5 to 2.0, found 0.49'",
            "'\"2.01\"',  'config headway:x: expected a number from 0.5 to 2.0, found 2.01'",
            "'\"half\"',  'config headway:x: expected a number from 0.5 to 2.0, found \"half\"'",
            "true,        'config headway:x: expected a number from 0.5 to 2.0, found true'"})
    void numberRefusesOutsideTheRange(String json, String message) {
        assertEquals(message, refusal(() -> node("{\"x\": " + json + "}").number("x", 0.5, 2, 1.5)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/16", "10.0.0.0/24"})
    void cidrAcceptsThePrefixRangeEnds(String text) {
        assertEquals(text, node("{\"range\": \"" + text + "\"}").cidr("range", 16, 24, "10.0.0.0/20").toString());
    }

    @ParameterizedTest
    @CsvSource({
            "10.0.0.0/15, 'config headway:range: expected an IPv4 CIDR block with a prefix from /16 to /24, found \"10.0.0.0/15\"'",
            "10.0.0.0/25, 'config headway:range: expected an IPv4 CIDR block with a prefix from /16 to /24, found \"10.0.0.0/25\"'",
            "10.0.0.1/24, 'config headway:range: expected an IPv4 CIDR block with a prefix from /16 to /24 whose address is the network address (10.0.0.0/24), found \"10.0.0.1/24\"'"})
    void cidrRefusesOutsideThePrefixRangeOrWithHostBits(String text, String message) {
        assertEquals(message, refusal(() -> node("{\"range\": \"" + text + "\"}").cidr("range", 16, 24, "10.0.0.0/20")));
    }

    @Test
    void stringsReadNumbersAndBooleansAsTheirText() {
        ConfigNode n = node("{\"a\": 3, \"b\": true, \"c\": \"x\"}");
        assertEquals("3", n.string("a", null));
        assertEquals("true", n.string("b", null));
        assertEquals("x", n.requiredString("c", "a name"));
    }

    @Test
    void matchingKeepsASecretPlaceholderForTheEngineToCheck() {
        Pattern p = Pattern.compile("[a-z]+");
        assertEquals(ConfigFile.SECRET_PLACEHOLDER, node("{\"token\": \"[secret]\"}", true).matching("token", p, "lowercase", null));
        assertEquals("abc", node("{\"token\": \"abc\"}").requiredMatching("token", p, "lowercase"));
        assertEquals("config headway:token: expected lowercase, found \"[secret]\"",
                refusal(() -> node("{\"token\": \"[secret]\"}", false).matching("token", p, "lowercase", null)));
    }

    @Test
    void objectsAreListsOfMapsNamedByIndex() {
        List<ConfigNode> items = node("{\"e\": [{\"a\": 1}, {\"a\": 2}]}").objects("e");
        assertEquals(List.of("headway:e[0]", "headway:e[1]"), items.stream().map(ConfigNode::path).toList());
        assertTrue(node("{}").objects("e").isEmpty());
        assertEquals("config headway:e: expected a list, found a map {\"a\":1}", refusal(() -> node("{\"e\": {\"a\": 1}}").objects("e")));
        assertEquals("config headway:e[1]: expected a map of settings, found \"x\"", refusal(() -> node("{\"e\": [{}, \"x\"]}").objects("e")));
    }

    @Test
    void stringsNameTheBadItemByItsIndex() {
        assertEquals(List.of("a", "b"), node("{\"s\": [\"a\", \"b\"]}").strings("s", s -> true, "a word", List.of()));
        assertEquals(List.of("d"), node("{}").strings("s", s -> true, "a word", List.of("d")));
        assertEquals("config headway:s[1]: expected a word, found \"B\"",
                refusal(() -> node("{\"s\": [\"a\", \"B\"]}").strings("s", s -> s.equals(s.toLowerCase()), "a word", List.of())));
        assertEquals("config headway:s[0]: expected a word, found 3",
                refusal(() -> node("{\"s\": [3]}").strings("s", s -> true, "a word", List.of())));
        assertEquals("config headway:s: expected a list of a word, found \"a\"",
                refusal(() -> node("{\"s\": \"a\"}").strings("s", s -> true, "a word", List.of())));
    }

    @Test
    void stringMapTakesPlainValuesUnderValidKeys() {
        assertEquals(Map.of("team", "ml", "n", "3"), node("{\"l\": {\"team\": \"ml\", \"n\": 3}}").stringMap("l", k -> true, "a label"));
        assertTrue(node("{}").stringMap("l", k -> true, "a label").isEmpty());
        assertEquals("config headway:l: expected a map of names to values, found a list [\"a\"]",
                refusal(() -> node("{\"l\": [\"a\"]}").stringMap("l", k -> true, "a label")));
        assertEquals("config headway:l.Team: expected a label, found \"Team\"",
                refusal(() -> node("{\"l\": {\"Team\": \"ml\"}}").stringMap("l", k -> k.equals(k.toLowerCase()), "a label")));
        assertEquals("config headway:l.team: expected a plain value, found a map {\"x\":1}",
                refusal(() -> node("{\"l\": {\"team\": {\"x\": 1}}}").stringMap("l", k -> true, "a label")));
        assertEquals("config headway:l.team: expected a plain value, found null",
                refusal(() -> node("{\"l\": {\"team\": null}}").stringMap("l", k -> true, "a label")));
    }

    @Test
    void aSingleValueIsNotAMap() {
        assertEquals("config headway:name: expected a single value, found a map {\"a\":1}",
                refusal(() -> node("{\"name\": {\"a\": 1}}").string("name", null)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1}        | a map {\"a\":1}",
            "[1,2]            | a list [1,2]",
            "\"[secret]\"     | a secret value (only text settings may be secret; set this one without --secret)",
            "\"\"             | an empty string",
            "\"x\"            | \"x\"",
            "12               | 12",
            "false            | false"})
    void describesWhatWasFound(String json, String described) throws Exception {
        JsonNode n = JSON.readTree(json);
        assertEquals(described, ConfigNode.describe(n));
    }

    @Test
    void abbreviatesPastSixtyCharactersOnOneLine() {
        String sixty = "a".repeat(60);
        assertEquals("\"" + sixty + "\"", ConfigNode.quote(sixty));
        assertEquals("\"" + "a".repeat(57) + "...\"", ConfigNode.quote(sixty + "b"));
        assertEquals("\"a b\"", ConfigNode.quote("a\n  b"));
    }

    @ParameterizedTest
    @CsvSource({
            "machineTyp,   machineType,  ', did you mean machineType?'",
            "abcdefghi,    abcdeXYZi,    ', did you mean abcdeXYZi?'",
            "abcdefghi,    abcdeXYZ,     ''",
            "abcdefghi,    zzzzzzzzz,    ''",
            "ab,           xxxxxxxab,    ''",
            "ab,           xy,           ', did you mean xy?'",
            "REGION,       region,       ', did you mean region?'"})
    void suggestsOnlyCloseKeys(String given, String candidate, String suggestion) {
        assertEquals(suggestion, ConfigNode.didYouMean(given, List.of(candidate)));
    }

    @Test
    void doneRefusesAnUnreadKeyNamingTheClosestKnownOne() {
        ConfigNode n = node("{\"region\": \"us-east1\", \"zoen\": \"b\"}");
        n.string("region", null);
        assertFalse(n.has("zone"));
        assertEquals("config headway:zoen: unknown key, did you mean headway:zone? (known keys here: region, zone)",
                refusal(n::done));
    }
}
