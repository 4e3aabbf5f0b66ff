package dev.headway.infra.conventions;

import dev.headway.infra.config.Settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Resource names: {@code hw-<env>-<purpose>}, where {@code <env>} is the stack's name, checked
 * against Google's rules for the resource type. The environment name itself is checked once, at
 * config time ({@link #environmentProblem}), so that every name derived from it fits; a name that
 * would still break a rule is a bug in the caller, so it fails loudly at declaration time.
 */
public final class Names {
    // Google's rules and their sources: NameRules (the naming policy checks plans against the same table).
    private static final NameRules.Rule RESOURCE = NameRules.RFC1035;
    private static final NameRules.Rule SERVICE_ACCOUNT = NameRules.SERVICE_ACCOUNT;
    private static final NameRules.Rule BUCKET = NameRules.BUCKET;
    private static final NameRules.Rule DATASET = NameRules.DATASET;
    private static final NameRules.Rule WORKLOAD_IDENTITY = NameRules.WORKLOAD_IDENTITY;
    private static final NameRules.Rule GKE = NameRules.GKE;
    private static final NameRules.Rule FIRESTORE = NameRules.FIRESTORE;
    private static final NameRules.Rule SECRET = NameRules.SECRET;

    /** What an environment (stack) name may look like: it is the {@code <env>} of every name, lowercase, a letter first. */
    public static final Pattern ENVIRONMENT = Pattern.compile("[a-z]([a-z0-9-]*[a-z0-9])?");
    /**
     * The longest environment name every derived name fits. The tightest limit is the service
     * account id (30): {@code hw-<env>-previewer} and {@code hw-<env>-pipelines} are 13 + env
     * characters. {@code NamesTest} holds this to the longest workload purpose and synthesizes
     * every stack at this length.
     */
    public static final int MAX_ENVIRONMENT = 17;

    private final String env;
    private final String project;
    private final String deploymentSuffix;

    public Names(Settings settings) {
        this(settings.env().id(), settings.project(), settings.deploymentSuffix());
    }

    public Names(String env, String project) {
        this(env, project, "");
    }

    public Names(String env, String project, String deploymentSuffix) {
        this.env = env;
        this.project = project;
        this.deploymentSuffix = deploymentSuffix;
    }

    /** {@code hw-<env>-<purpose>}: VPC, subnet, router, firewall, VM, topic, repository... (max 63). */
    public String of(String purpose) {
        return check("resource", "hw-" + env + "-" + purpose, RESOURCE);
    }

    /**
     * Why {@code env} cannot name an environment (as {@code hw-<env>-...}, {@code hw_<env>_...},
     * {@code <project>-hw-<env>-...}), or empty when it can.
     */
    public static java.util.Optional<String> environmentProblem(String env) {
        if (!ENVIRONMENT.matcher(env).matches()) {
            return java.util.Optional.of("lowercase letters, digits and hyphens, a letter first and no hyphen last"
                    + " (it becomes part of every resource name: hw-<stack>-...)");
        }
        if (env.length() > MAX_ENVIRONMENT) {
            return java.util.Optional.of("at most " + MAX_ENVIRONMENT + " characters (" + env.length()
                    + " here): service account ids such as hw-" + env + "-previewer must be 6-30 characters");
        }
        if (env.contains("google") || env.startsWith("goog")) {
            return java.util.Optional.of("a name without \"goog\" (Google refuses bucket and topic names that contain it)");
        }
        return java.util.Optional.empty();
    }

    /** The deployment suffix (empty when none is set): see {@link #workloadIdentity} and {@link #firestore}. */
    public String deploymentSuffix() {
        return deploymentSuffix;
    }

    /**
     * The suffix after {@code current} for the next deployment: a base-36 counter ({@code ""} to {@code 1}, {@code 9}
     * to {@code a}, {@code z} to {@code 10}), deterministic so a plan can be reviewed before the next {@code up}.
     */
    public static String nextDeploymentSuffix(String current) {
        long n = current.isEmpty() ? 0 : Long.parseLong(current, 36);
        String next = Long.toString(n + 1, 36);
        if (next.length() > 6) {
            throw new IllegalStateException("deployment suffix " + current + " has no successor within 6 characters");
        }
        return next;
    }

    /** Service account ids are 6-30 characters. */
    public String serviceAccountId(String purpose) {
        return check("service account id", "hw-" + env + "-" + purpose, SERVICE_ACCOUNT);
    }

    /**
     * Bucket names are global across all of Google Cloud: prefixed with the project id, at most 63
     * characters (shortened with a stable hash when longer), never containing "google".
     */
    public String bucket(String purpose) {
        String name = project + "-hw-" + env + "-" + purpose;
        if (name.length() > 63) {
            String hash = sha256(name).substring(0, 8);
            name = name.substring(0, 63 - 9).replaceAll("-+$", "") + "-" + hash;
        }
        if (name.contains("google") || name.startsWith("goog")) {
            throw new IllegalStateException("bucket name may not contain \"google\": " + name);
        }
        return check("bucket", name, BUCKET);
    }

    /** BigQuery dataset ids take letters, digits and underscores: {@code hw_<env>_<purpose>}. */
    public String dataset(String purpose) {
        return check("dataset", ("hw_" + env + "_" + purpose).replace('-', '_'), DATASET);
    }

    /**
     * Workload Identity pool and provider ids: 4-32 characters, no {@code gcp-} prefix. A deleted pool or
     * provider is soft-deleted for 30 days and its id cannot be reused meanwhile
     * (https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools/delete), so the
     * id carries the deployment suffix: {@code hw-<env>-<purpose>[-<suffix>]}.
     */
    public String workloadIdentity(String purpose) {
        return check("workload identity id", suffixed("hw-" + env + "-" + purpose), WORKLOAD_IDENTITY);
    }

    /** GKE cluster and node pool names: at most 40 characters. */
    public String gke(String purpose) {
        return check("GKE name", "hw-" + env + "-" + purpose, GKE);
    }

    /**
     * Firestore database ids: 4-63 characters. terraform-provider-google-beta v5.0.0 never deletes the database
     * (destroy only forgets it), so the id stays taken after a destroy and carries the deployment suffix.
     */
    public String firestore(String purpose) {
        return check("Firestore database id", suffixed("hw-" + env + "-" + purpose), FIRESTORE);
    }

    /**
     * The longest Workload Identity id this stack declares, unchecked ({@code CiAccess}: pool {@code ci}, provider
     * {@code github}), so config can refuse a stack name and suffix that together pass 32 characters.
     */
    public String longestWorkloadIdentity() {
        return suffixed("hw-" + env + "-github");
    }

    /** {@code name-<deploymentSuffix>}, or {@code name} when no suffix is set. */
    private String suffixed(String name) {
        return deploymentSuffix.isEmpty() ? name : name + "-" + deploymentSuffix;
    }

    /** Secret Manager secret ids: {@code hw-<env>-<id>}. */
    public String secret(String id) {
        return check("secret id", "hw-" + env + "-" + id, SECRET);
    }

    public String env() {
        return env;
    }

    public String project() {
        return project;
    }

    private static String check(String kind, String name, NameRules.Rule rule) {
        if (!rule.accepts(name)) {
            throw new IllegalStateException(kind + " name breaks Google's naming rule (" + rule.words() + "; " + rule.source() + "): " + name);
        }
        return name;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
