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
    /** Compute (VPC, subnet, router, firewall, VM), Artifact Registry, Cloud Run: RFC 1035, 1-63. */
    private static final Pattern RESOURCE = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    /**
     * Service account ids: "6-30 characters long, and match the regular expression
     * [a-z]([-a-z0-9]*[a-z0-9])" (IAM API, CreateServiceAccountRequest.account_id:
     * https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts/create).
     */
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])");
    /** https://cloud.google.com/storage/docs/buckets#naming: 3-63, lowercase, digits, - and _, no "google". */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][-a-z0-9_]{1,61}[a-z0-9]");
    /** https://cloud.google.com/bigquery/docs/datasets#dataset-naming: letters, digits, underscores, at most 1024. */
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");
    /**
     * Workload Identity pool and provider ids: "4-32 characters, and may contain the characters
     * [a-z0-9-]. The prefix gcp- is reserved" (IAM API, workloadIdentityPools.create:
     * https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools/create).
     */
    private static final Pattern WORKLOAD_IDENTITY = Pattern.compile("(?!gcp-)[a-z0-9-]{4,32}");
    /**
     * GKE clusters: "up to 40 characters ... lowercase letters, numbers, and hyphens only. Must start
     * with a letter. Must end with a number or a letter" (Cluster.name:
     * https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters#Cluster).
     */
    private static final Pattern GKE = Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?");
    /**
     * Firestore database ids: "4-63 characters. Valid characters are /[a-z][0-9]-/ with first
     * character a letter and the last a letter or a number" (projects.databases.create:
     * https://firebase.google.com/docs/firestore/reference/rest/v1/projects.databases/create).
     */
    private static final Pattern FIRESTORE = Pattern.compile("[a-z][a-z0-9-]{2,61}[a-z0-9]");
    /** Secret Manager secret ids: letters, digits, - and _, at most 255 (https://cloud.google.com/secret-manager/docs/reference/rest/v1/projects.secrets/create). */
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{1,255}");

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

    public Names(Settings settings) {
        this(settings.env().id(), settings.project());
    }

    public Names(String env, String project) {
        this.env = env;
        this.project = project;
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

    /** Workload Identity pool and provider ids: 4-32 characters, no {@code gcp-} prefix. */
    public String workloadIdentity(String purpose) {
        return check("workload identity id", "hw-" + env + "-" + purpose, WORKLOAD_IDENTITY);
    }

    /** GKE cluster and node pool names: at most 40 characters. */
    public String gke(String purpose) {
        return check("GKE name", "hw-" + env + "-" + purpose, GKE);
    }

    /** Firestore database ids: 4-63 characters. */
    public String firestore(String purpose) {
        return check("Firestore database id", "hw-" + env + "-" + purpose, FIRESTORE);
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

    private static String check(String kind, String name, Pattern rule) {
        if (!rule.matcher(name).matches()) {
            throw new IllegalStateException(kind + " name breaks Google's naming rule " + rule + ": " + name);
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
