package dev.headway.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Pulumi stack file read the way the CLI hands it to the program (pulumi/pulumi sdk/go/common/workspace
 * project.go ProjectStack: config, secretsprovider, encryptedkey, encryptionsalt, environment; a
 * {@code secure:} value is a one-key map, resource/config/value.go).
 */
class ConfigFileTest {
    private static RawConfig parse(String yaml) {
        return ConfigFile.parse("Pulumi.dev.yaml", yaml);
    }

    private static String refusal(String yaml) {
        return assertThrows(ConfigError.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void aMissingFileSaysHowToFixIt(@TempDir Path dir) {
        Path file = dir.resolve("Pulumi.dev.yaml");
        assertEquals("config " + file + ": no such file; create it, or pass --config-file",
                assertThrows(ConfigError.class, () -> ConfigFile.read(file)).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                               | config Pulumi.dev.yaml: is empty; expected a map with a config: section",
            "'~'                              | config Pulumi.dev.yaml: is empty; expected a map with a config: section",
            "'- a'                            | config Pulumi.dev.yaml: expected a map with a config: section, found a list [\"a\"]",
            "'encryptionsalt: x'              | config Pulumi.dev.yaml: has no config: section",
            "'config: ~'                      | config Pulumi.dev.yaml: has no config: section",
            "'config:'                        | config Pulumi.dev.yaml config: expected a map of keys to values, found an empty string",
            "'config: [1]'                    | config Pulumi.dev.yaml config: expected a map of keys to values, found a list [1]",
            "'config:\n  region: x'           | config region: expected a namespaced key such as headway:region, found \"region\"",
            "'config:\n  headway:region: null' | config headway:region: expected a value, found nothing"})
    void refusesAFileThatIsNotAStackFile(String yaml, String message) {
        assertEquals(message, refusal(yaml.replace("\\n", "\n")));
    }

    @Test
    void refusesAnUnknownTopLevelKeyWithASuggestion() {
        assertEquals("config Pulumi.dev.yaml secretprovider: unknown top-level key, did you mean secretsprovider?"
                        + " (a stack file has config:, and optionally secretsprovider:, encryptedkey:, encryptionsalt:, environment:)",
                refusal("secretprovider: gcpkms://x\nconfig: {}\n"));
    }

    @Test
    void acceptsEveryTopLevelKeyTheCliWrites() {
        RawConfig c = parse("secretsprovider: gcpkms://k\nencryptedkey: abc\nencryptionsalt: v1:x\nenvironment: [a]\n"
                + "config:\n  headway:tier: dev\n  gcp:project: p-1\n  headway:count: 3\n");
        assertEquals(Map.of("headway:tier", "dev", "gcp:project", "p-1", "headway:count", "3"), c.values());
        assertEquals(Set.of(), c.secretKeys());
    }

    @Test
    void theSameKeyWrittenTwoWaysIsRefused() {
        assertEquals("config headway:tier: set twice, as headway:config:tier and as headway:tier (the same key to Pulumi); keep one",
                refusal("config:\n  headway:config:tier: dev\n  headway:tier: prod\n"));
    }

    @Test
    void aSecureValueIsASecretPlaceholder() {
        RawConfig c = parse("config:\n  headway:token:\n    secure: AAEA\n");
        assertEquals(Map.of("headway:token", ConfigFile.SECRET_PLACEHOLDER), c.values());
        assertEquals(Set.of("headway:token"), c.secretKeys());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'    secure: a\n    other: b' | {\"secure\":\"a\",\"other\":\"b\"}",
            "'    securely: a'             | {\"securely\":\"a\"}",
            "'    - secure'                | [\"secure\"]"})
    void onlyAOneKeySecureMapIsASecret(String body, String json) {
        RawConfig c = parse("config:\n  headway:m:\n" + body.replace("\\n", "\n") + "\n");
        assertEquals(json, c.values().get("headway:m"));
        assertEquals(Set.of(), c.secretKeys());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'    db:\n      password:\n        secure: a'       | {\"db\":{\"password\":\"[secret]\"}}",
            "'    list:\n      - plain\n      - secure: a'     | {\"list\":[\"plain\",\"[secret]\"]}",
            "'    - [plain, {secure: a}]\n    - plain'         | [[\"plain\",\"[secret]\"],\"plain\"]",
            "'    a:\n      secure: a\n    b: plain'           | {\"a\":\"[secret]\",\"b\":\"plain\"}",
            "'    a: {b: {secure: x}}\n    c: {d: plain}'       | {\"a\":{\"b\":\"[secret]\"},\"c\":{\"d\":\"plain\"}}"})
    void aNestedSecureValueMakesTheWholeKeySecret(String body, String json) {
        RawConfig c = parse("config:\n  headway:m:\n" + body.replace("\\n", "\n") + "\n");
        assertEquals(json, c.values().get("headway:m"));
        assertEquals(Set.of("headway:m"), c.secretKeys());
    }
}
