package dev.headway.infra.testing;

import dev.headway.infra.HeadwayStack;
import dev.headway.infra.cli.Stacks;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.config.Settings;
import dev.headway.infra.config.SettingsLoader;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.RecordingEngine;

import java.util.Map;

/**
 * Synthesizes the real stack program under the recording engine, for tests: from the committed
 * stack file, the committed file with some keys replaced, or a YAML text.
 */
public final class Synth {
    private Synth() {
    }

    /**
     * Set by the mutation-testing profile (pom.xml, {@code -Pmutation}): PIT swaps a mutated class into one
     * test JVM after another, so a plan cached under one mutant must not answer for the next.
     */
    public static final String FRESH_PLANS = "headway.test.freshPlans";
    private static final java.util.Map<String, Plan> COMMITTED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The committed {@code Pulumi.<stack>.yaml}, synthesized once per test JVM and shared: the file
     * does not change during a run, and no test changes a plan (they are read-only records).
     */
    public static Plan stack(String stack) {
        if (Boolean.getBoolean(FRESH_PLANS)) {
            return run(stack, config(stack));
        }
        return COMMITTED.computeIfAbsent(stack, s -> run(s, config(s)));
    }

    /**
     * The committed stack file with {@code overrides} ({@code headway:serving} to a JSON or plain value)
     * replacing whole keys.
     */
    public static Plan stack(String stack, Map<String, String> overrides) {
        RawConfig raw = config(stack);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            raw = raw.with(e.getKey(), e.getValue());
        }
        return run(stack, raw);
    }

    /** A stack file given as YAML text. */
    public static Plan yaml(String stack, String yaml) {
        return run(stack, ConfigFile.parse("test.yaml", yaml));
    }

    public static RawConfig config(String stack) {
        return ConfigFile.read(Stacks.configFile(stack, null));
    }

    /** The poller image the committed stack file pins (an override of {@code headway:poller} replaces the whole map). */
    public static String pollerImage(String stack) {
        return settings(stack, Map.of()).poller().image().orElseThrow();
    }

    public static Settings settings(String stack, Map<String, String> overrides) {
        RawConfig raw = config(stack);
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            raw = raw.with(e.getKey(), e.getValue());
        }
        return SettingsLoader.load(stack, raw);
    }

    public static Plan run(String stack, RawConfig raw) {
        Settings settings = SettingsLoader.load(stack, raw);
        return RecordingEngine.run(HeadwayStack.PROJECT, stack, raw, ctx -> HeadwayStack.declare(ctx, settings));
    }
}
