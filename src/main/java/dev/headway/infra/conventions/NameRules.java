package dev.headway.infra.conventions;

import dev.headway.infra.synth.Types;

import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * Google's naming rules, each with its source: the one table that {@link Names} derives names
 * against and the naming policy ({@code HW-NAM-001}) checks plans against.
 */
public final class NameRules {
    /** A rule: the pattern a name must match, the rule in words, and where Google states it. */
    public record Rule(Pattern pattern, String words, String source) {
        public boolean accepts(String name) {
            return pattern.matcher(name).matches();
        }
    }

    /** The name-bearing input of a resource type and its rule. */
    public record Typed(String property, Rule rule) {
    }

    /** "1-63 characters long and match the regular expression [a-z]([-a-z0-9]*[a-z0-9])?" (RFC 1035). */
    public static final Rule RFC1035 = new Rule(Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?"),
            "1-63 lowercase letters, digits, hyphens; a letter first, no hyphen last",
            "https://cloud.google.com/compute/docs/naming-resources#resource-name-format");
    /** "6-30 characters long, and match the regular expression [a-z]([-a-z0-9]*[a-z0-9])". */
    public static final Rule SERVICE_ACCOUNT = new Rule(Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])"),
            "6-30 lowercase letters, digits, hyphens; a letter first",
            "https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts/create (accountId)");
    /** 3-63 characters, lowercase letters, digits, -, _ and .; letter or digit at both ends; no "goog" prefix, no "google". */
    public static final Rule BUCKET = new Rule(Pattern.compile("(?!goog)(?!.*google)[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]"),
            "3-63 lowercase letters, digits, -, _ and .; letter or digit first and last; no goog prefix, no \"google\"",
            "https://cloud.google.com/storage/docs/buckets#naming");
    public static final Rule DATASET = new Rule(Pattern.compile("[A-Za-z0-9_]{1,1024}"),
            "letters, digits and underscores, at most 1024", "https://cloud.google.com/bigquery/docs/datasets#dataset-naming");
    public static final Rule TABLE = new Rule(Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{Pc}\\p{Pd} ]{1,1024}"),
            "letters, digits, underscores, dashes, spaces, at most 1024", "https://cloud.google.com/bigquery/docs/tables#table_naming");
    /** Topics and subscriptions: a letter first, 3-255 characters of letters, digits, - _ . ~ + %, not starting with goog. */
    public static final Rule PUBSUB = new Rule(Pattern.compile("(?!goog)[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}"),
            "3-255 characters, a letter first, no goog prefix", "https://cloud.google.com/pubsub/docs/pubsub-basics#resource_names");
    /** "up to 40 characters ... Lowercase letters, numbers, and hyphens only. Must start with a letter. Must end with a number or a letter." */
    public static final Rule GKE = new Rule(Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?"),
            "1-40 lowercase letters, digits, hyphens; a letter first",
            "https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters#Cluster (name; node pools held to the same rule)");
    /** "4-63 characters. Valid characters are /[a-z][0-9]-/ with first character a letter and the last a letter or a number". */
    public static final Rule FIRESTORE = new Rule(Pattern.compile("\\(default\\)|[a-z][a-z0-9-]{2,61}[a-z0-9]"),
            "(default), or 4-63 lowercase letters, digits, hyphens; a letter first",
            "https://firebase.google.com/docs/firestore/reference/rest/v1/projects.databases/create (databaseId)");
    /** "4-32 characters, and may contain the characters [a-z0-9-]. The prefix gcp- is reserved". */
    /** Workload Identity pool and provider ids are at most 32 characters (same source as the rule below). */
    public static final int WORKLOAD_IDENTITY_MAX = 32;
    public static final Rule WORKLOAD_IDENTITY = new Rule(Pattern.compile("(?!gcp-)[a-z0-9-]{4,32}"),
            "4-32 lowercase letters, digits, hyphens; no gcp- prefix",
            "https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools/create");
    public static final Rule SECRET = new Rule(Pattern.compile("[A-Za-z0-9_-]{1,255}"),
            "1-255 letters, digits, _ and -", "https://cloud.google.com/secret-manager/docs/reference/rest/v1/projects.secrets/create (secretId)");
    /** Endpoint ids the program chooses are numeric (serving/EndpointIds). */
    public static final Rule VERTEX_ENDPOINT = new Rule(Pattern.compile("[1-9][0-9]{0,9}"),
            "a number of at most 10 digits, no leading zero", "https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/create (endpointId)");

    /** Google's rule per resource type the program names. */
    public static final Map<String, Typed> BY_TYPE = Map.ofEntries(
            entry(Types.STORAGE_BUCKET, new Typed("name", BUCKET)),
            entry(Types.SERVICE_ACCOUNT, new Typed("accountId", SERVICE_ACCOUNT)),
            entry(Types.BIGQUERY_DATASET, new Typed("datasetId", DATASET)),
            entry(Types.BIGQUERY_TABLE, new Typed("tableId", TABLE)),
            entry(Types.PUBSUB_TOPIC, new Typed("name", PUBSUB)),
            entry(Types.PUBSUB_SUBSCRIPTION, new Typed("name", PUBSUB)),
            entry(Types.COMPUTE_INSTANCE, new Typed("name", RFC1035)),
            entry(Types.COMPUTE_NETWORK, new Typed("name", RFC1035)),
            entry(Types.COMPUTE_SUBNETWORK, new Typed("name", RFC1035)),
            entry(Types.COMPUTE_FIREWALL, new Typed("name", RFC1035)),
            entry(Types.COMPUTE_ROUTER, new Typed("name", RFC1035)),
            entry(Types.COMPUTE_ROUTER_NAT, new Typed("name", RFC1035)),
            entry(Types.GKE_CLUSTER, new Typed("name", GKE)),
            entry(Types.GKE_NODE_POOL, new Typed("name", GKE)),
            entry(Types.ARTIFACT_REPOSITORY, new Typed("repositoryId", RFC1035)),
            entry(Types.CLOUD_RUN_JOB, new Typed("name", RFC1035)),
            entry(Types.DATAFLOW_FLEX_TEMPLATE_JOB, new Typed("name", RFC1035)),
            entry(Types.FIRESTORE_DATABASE, new Typed("name", FIRESTORE)),
            entry(Types.VERTEX_ENDPOINT, new Typed("name", VERTEX_ENDPOINT)),
            entry(Types.WORKLOAD_IDENTITY_POOL, new Typed("workloadIdentityPoolId", WORKLOAD_IDENTITY)),
            entry(Types.WORKLOAD_IDENTITY_POOL_PROVIDER, new Typed("workloadIdentityPoolProviderId", WORKLOAD_IDENTITY)),
            entry(Types.SECRET, new Typed("secretId", SECRET)));

    private NameRules() {
    }
}
