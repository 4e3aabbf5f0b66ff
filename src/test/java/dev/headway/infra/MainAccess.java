package dev.headway.infra;

import dev.headway.infra.config.Settings;

import java.io.PrintStream;
import java.util.Map;

/** Test access to {@link Main}'s engine path (package-private there). */
public final class MainAccess {
    private MainAccess() {
    }

    public static Settings engineSettings(Map<String, String> env, PrintStream err) {
        return Main.engineSettings(env, err);
    }
}
