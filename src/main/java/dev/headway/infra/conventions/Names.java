package dev.headway.infra.conventions;

import dev.headway.infra.config.Settings;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Resource names: {@code hw-<env>-<purpose>}, checked against Google's rules for the resource type.
 * A name that would break a rule is a bug in the caller, so it fails loudly at declaration time.
 */
public final class Names {
    private static final Pattern RESOURCE = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SERVICE_ACCOUNT = Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][-a-z0-9_]{1,61}[a-z0-9]");
    private static final Pattern DATASET = Pattern.compile("[A-Za-z0-9_]{1,1024}");

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
     * {@code hw-<env>-<purpose>-<deploymentSuffix>} (no suffix when none is set), for names Google keeps
     * blocked after a delete: Workload Identity pools and providers (soft-deleted for 30 days,
     * https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools/delete)
     * and the Firestore database (terraform-provider-google-beta v5.0.0 never deletes it). A new suffix after
     * {@code destroy} gives the next {@code up} names that are free. At most {@code max} characters.
     */
    public String reusable(String purpose, int max) {
        String name = of(purpose) + (deploymentSuffix.isEmpty() ? "" : "-" + deploymentSuffix);
        if (name.length() > max) {
            throw new IllegalStateException("name longer than " + max + " characters: " + name);
        }
        return check("resource", name, RESOURCE);
    }

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
