package dev.headway.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * PULUMI_CONFIG and PULUMI_CONFIG_SECRET_KEYS as the engine sets them for a language host
 * (pulumi/pulumi sdk/go/common/resource/plugin/langruntime_plugin.go passes config as a JSON
 * object of string values, secret keys as a JSON list; pulumi/pulumi-java Config reads
 * {@code ns:config:key} as {@code ns:key}).
 */
class RawConfigTest {
    private static String refusal(Map<String, String> env) {
        return assertThrows(ConfigError.class, () -> RawConfig.fromEngineEnvironment(env)).getMessage();
    }

    @Test
    void readsValuesAndSecretKeysCleaningTheConfigSegment() {
        RawConfig c = RawConfig.fromEngineEnvironment(Map.of(
                "PULUMI_CONFIG", "{\"headway:config:tier\": \"dev\", \"gcp:project\": \"p-1\", \"headway:pool\": {\"n\": 2}, \"headway:n\": 3}",
                "PULUMI_CONFIG_SECRET_KEYS", "[\"headway:config:token\", \"gcp:project\"]"));
        assertEquals(Map.of("headway:tier", "dev", "gcp:project", "p-1", "headway:pool", "{\"n\":2}", "headway:n", "3"), c.values());
        assertEquals(Set.of("headway:token", "gcp:project"), c.secretKeys());
    }

    @Test
    void blankOrAbsentVariablesAreNoConfig() {
        RawConfig c = RawConfig.fromEngineEnvironment(Map.of("PULUMI_CONFIG", " ", "PULUMI_CONFIG_SECRET_KEYS", ""));
        assertEquals(Map.of(), c.values());
        assertEquals(Set.of(), c.secretKeys());
        assertEquals(Map.of(), RawConfig.fromEngineEnvironment(Map.of()).values());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "'[1]'              | '[]' | config PULUMI_CONFIG: expected a JSON object of config keys to values, found a list [1]",
            "'{\"headway:a\": null}' | '[]' | config headway:a: expected a value, found nothing",
            "'{}'               | '{}' | config PULUMI_CONFIG_SECRET_KEYS: expected a JSON list of config keys, found a map {}",
            "'{'                | '[]' | config PULUMI_CONFIG: the engine's config is not JSON: Unexpected end-of-input: expected close marker for Object"})
    void refusesWhatTheEngineNeverSends(String config, String secrets, String message) {
        String refusal = refusal(Map.of("PULUMI_CONFIG", config, "PULUMI_CONFIG_SECRET_KEYS", secrets));
        assertEquals(message, refusal.substring(0, Math.min(refusal.length(), message.length())));
        assertEquals(1, refusal.lines().count());
    }

    @ParameterizedTest
    @CsvSource({"headway:config:tier, headway:tier", "headway:tier, headway:tier", ":config:tier, :config:tier",
            "headway:configtier, headway:configtier", "tier, tier"})
    void cleanKeyDropsOnlyTheConfigSegmentAfterANamespace(String sent, String seen) {
        assertEquals(seen, RawConfig.cleanKey(sent));
    }

    @Test
    void requireRefusesABlankValue() {
        RawConfig c = new RawConfig(Map.of("gcp:project", " "), Set.of());
        assertEquals("config gcp:project: expected a project id, found nothing (the key is required)",
                assertThrows(ConfigError.class, () -> c.require("gcp:project", "a project id")).getMessage());
        assertEquals("p-1", c.with("gcp:project", "p-1").require("gcp:project", "a project id"));
    }

    @Test
    void projectNodeParsesStructuredValuesOfTheHeadwayNamespace() {
        ConfigNode n = new RawConfig(Map.of("headway:list", " [\"a\", \"b\"]", "headway:map", "{\"a\": \"b\"}",
                "headway:text", "plain", "gcp:project", "p"), Set.of()).projectNode();
        assertEquals(java.util.List.of("a", "b"), n.strings("list", s -> true, "a word", java.util.List.of()));
        assertEquals(Map.of("a", "b"), n.stringMap("map", k -> true, "a name"));
        assertEquals("plain", n.string("text", null));
    }

    @Test
    void projectNodeRefusesAKeyWithoutNamespace() {
        assertEquals("config tier: unknown namespace \"\" (project keys go under headway:)",
                assertThrows(ConfigError.class, () -> new RawConfig(Map.of("tier", "dev"), Set.of()).projectNode()).getMessage());
    }
}
