package dev.headway.infra.cli;

import dev.headway.infra.HeadwayStack;
import dev.headway.infra.UserError;
import dev.headway.infra.adopt.AdoptMap;
import dev.headway.infra.adopt.ImportIds;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.Environments;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.config.Settings;
import dev.headway.infra.config.SettingsLoader;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.RecordingEngine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Finds a stack's files and synthesizes it offline: {@code Pulumi.<stack>.yaml} in, a plan out. */
public final class Stacks {
    private static final Pattern STACK = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private Stacks() {
    }

    public static String checkName(String stack) {
        if (!STACK.matcher(stack).matches()) {
            throw new UserError(UserError.USAGE, "stack name \"" + stack + "\": expected letters, digits, _ . - (such as dev or prod)");
        }
        return stack;
    }

    /** The template review stacks ({@code pr-<number>}) are made from, when they have no file of their own. */
    public static final Path REVIEW_TEMPLATE = Path.of("stacks", "review.template.yaml");

    /**
     * {@code F} when given; else {@code Pulumi.<stack>.yaml}; for a review stack without one, the review
     * template (the workflow writes {@code Pulumi.pr-<n>.yaml} from it before {@code pulumi up}).
     */
    public static Path configFile(String stack, Path override) {
        if (override != null) {
            return override;
        }
        Path own = Path.of("Pulumi." + checkName(stack) + ".yaml");
        return Environments.isReview(stack) && !Files.exists(own) && Files.exists(REVIEW_TEMPLATE) ? REVIEW_TEMPLATE : own;
    }

    public static Path planFile(String stack) {
        return Path.of("stacks", checkName(stack) + ".plan.json");
    }

    /**
     * Runs the real stack program under the recording engine. Config errors stop before any resource. Synth is
     * deterministic, so the last few plans are kept by stack and config (the hooks synthesize to check outputs).
     */
    public static Plan synth(String stack, Path configFile) {
        Environments.checkName(checkName(stack));
        RawConfig raw = ConfigFile.read(configFile(stack, configFile));
        Settings settings = SettingsLoader.load(checkName(stack), raw);
        String key = stack + "\n" + raw.values() + "\n" + raw.secretKeys();
        synchronized (RECENT) {
            Plan known = RECENT.get(key);
            if (known != null) {
                return known;
            }
        }
        Plan plan = RecordingEngine.run(HeadwayStack.PROJECT, stack, raw, ctx -> HeadwayStack.declare(ctx, settings));
        // headway:adopt keys name resources of this plan, each imported by name (exit 2 otherwise)
        AdoptMap.resolve(plan, settings.adopt(), ImportIds.get());
        synchronized (RECENT) {
            RECENT.put(key, plan);
        }
        return plan;
    }

    private static final java.util.Map<String, Plan> RECENT = new java.util.LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Plan> eldest) {
            return size() > 4;
        }
    };
}
