package dev.headway.infra.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A config error names its key, so callers can tell which setting to fix. */
class ConfigErrorTest {
    @Test
    void namesItsKeyInBothForms() {
        assertEquals("headway:tier", new ConfigError("headway:tier", "dev or prod", "\"qa\"").key());
        assertEquals("Pulumi.dev.yaml", new ConfigError("Pulumi.dev.yaml", "no such file").key());
    }
}
