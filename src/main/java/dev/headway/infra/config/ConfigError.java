package dev.headway.infra.config;

import dev.headway.infra.UserError;

/** A config value is wrong: names the key, what was expected and what was found. Exit code 2. */
public final class ConfigError extends UserError {
    private final String key;

    public ConfigError(String key, String expected, String found) {
        super(USAGE, "config " + key + ": expected " + expected + ", found " + found);
        this.key = key;
    }

    /** For problems that are not about one value's shape (a file that cannot be read, say). */
    public ConfigError(String key, String message) {
        super(USAGE, "config " + key + ": " + message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
