package dev.headway.infra.config;

import dev.headway.infra.config.Settings.Env;
import dev.headway.infra.config.Settings.Tier;
import dev.headway.infra.conventions.Names;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Environments by name. The stack's name is the environment ({@code pulumi stack init staging}:
 * names {@code hw-staging-*}); {@code headway:tier} says what it keeps. Name, tier and project must
 * agree:
 * <ul>
 * <li>a stack named like production ({@code prod}, {@code production}, {@code prd}, or one of those
 *     as a hyphen-separated part) is tier prod, always;</li>
 * <li>a review stack ({@code pr-<number>}) is tier dev, in a project that does not look like
 *     production, always;</li>
 * <li>a prod-tier stack in a project that looks like a dev project ({@code dev}, {@code sandbox},
 *     {@code test}, ... as a part of the id), or a dev-tier stack in one that looks like production,
 *     is refused unless {@code headway:allowTierMismatch} gives the reason.</li>
 * </ul>
 * {@code headway:env} (before tiers) is still read: it must equal the stack's name, and for
 * {@code dev}/{@code prod} it stands for the tier when {@code headway:tier} is absent.
 */
public final class Environments {
    /** Review stacks, one per pull request: {@code pr-7}. */
    public static final Pattern REVIEW = Pattern.compile("pr-[1-9][0-9]{0,7}");
    private static final Set<String> PROD_WORDS = Set.of("prod", "production", "prd");
    private static final Set<String> DEV_WORDS = Set.of("dev", "development", "sandbox", "test", "testing", "scratch",
            "playground", "review", "pr", "ci", "tmp");

    private Environments() {
    }

    public static boolean isReview(String stack) {
        return REVIEW.matcher(stack).matches();
    }

    /** The stack's name reads as production. */
    public static boolean namedLikeProd(String stack) {
        return hasWord(stack, PROD_WORDS);
    }

    /** Refuses a stack name that cannot name an environment (before its file is even read). */
    public static String checkName(String stack) {
        Names.environmentProblem(stack).ifPresent(problem -> {
            throw new ConfigError("stack name", "a stack name usable as an environment: " + problem, "\"" + stack + "\"");
        });
        return stack;
    }

    /** The environment of {@code stack} from the {@code headway:} config, or one {@link ConfigError}. */
    static Env resolve(String stack, ConfigNode root, String project, boolean projectSecret) {
        checkName(stack);
        String legacy = root.string("env", null);
        if (legacy != null && !legacy.equals(stack)) {
            throw new ConfigError(root.keyOf("env"), "nothing, or the stack's own name \"" + stack
                    + "\" (the environment is the stack's name now; say what it keeps with headway:tier)", "\"" + legacy + "\"");
        }
        String tierId = root.oneOf("tier", List.of("dev", "prod"), null);
        if (tierId == null && legacy != null && List.of("dev", "prod").contains(legacy)) {
            tierId = legacy;
        }
        if (tierId == null) {
            throw new ConfigError(root.keyOf("tier"), "dev (destroyable, spot, small) or prod (data protected and retained, "
                    + "larger, deploys behind approval)", "nothing (the key is required)");
        }
        Tier tier = Tier.valueOf(tierId.toUpperCase());
        String reason = root.string("allowTierMismatch", null);

        if (namedLikeProd(stack) && !tier.isProd()) {
            throw new ConfigError(root.keyOf("tier"), "prod for stack \"" + stack
                    + "\" (a stack named like production keeps its data; name a dev stack otherwise)", "\"" + tierId + "\"");
        }
        if (isReview(stack) && tier.isProd()) {
            throw new ConfigError(root.keyOf("tier"), "dev for review stack \"" + stack + "\" (review stacks are torn down)", "\"prod\"");
        }
        if (isReview(stack) && !projectSecret && hasWord(project, PROD_WORDS)) {
            throw new ConfigError("gcp:project", "a sandbox project for review stack \"" + stack
                    + "\" (review stacks never run in a production project)", "\"" + project + "\"");
        }
        String mismatch = projectSecret ? null : mismatch(tier, project);
        if (mismatch != null && reason == null) {
            throw new ConfigError(root.keyOf("tier"), (tier.isProd() ? "dev" : "prod") + ", since gcp:project " + project
                    + " looks like " + mismatch + " (or set headway:allowTierMismatch to the reason this stack differs)",
                    "\"" + tierId + "\"");
        }
        if (reason != null && (mismatch == null || reason.isBlank() || reason.equals("true") || reason.length() < 10)) {
            throw new ConfigError(root.keyOf("allowTierMismatch"), mismatch == null
                    ? "nothing (tier " + tierId + " agrees with gcp:project " + project + "; remove the key)"
                    : "the reason tier " + tierId + " runs in " + project + " (a sentence, not just true)", "\"" + reason + "\"");
        }
        return new Env(stack, tier);
    }

    /** What the project looks like when that disagrees with the tier, else null. */
    private static String mismatch(Tier tier, String project) {
        if (tier.isProd() && hasWord(project, DEV_WORDS)) {
            return "a dev project";
        }
        if (!tier.isProd() && hasWord(project, PROD_WORDS)) {
            return "a production project";
        }
        return null;
    }

    private static boolean hasWord(String id, Set<String> words) {
        return Arrays.stream(id.split("[-_.]")).anyMatch(words::contains);
    }
}
