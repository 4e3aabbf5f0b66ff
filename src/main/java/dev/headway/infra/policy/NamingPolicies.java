package dev.headway.infra.policy;

import dev.headway.infra.synth.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/** Names: Google's rules per resource type, and the hw-<env>-<purpose> convention. */
final class NamingPolicies {
    /** The name-bearing input, Google's rule for it, and the rule in words. */
    record NameRule(String property, Pattern pattern, String words) {
    }

    private static final Pattern RFC1035 = Pattern.compile("[a-z]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final String RFC1035_WORDS = "1-63 lowercase letters, digits, hyphens; a letter first, no hyphen last";
    private static final Pattern PUBSUB = Pattern.compile("(?!goog)[A-Za-z][A-Za-z0-9\\-_.~+%]{2,254}");

    /** Google's naming rules by type (compute, Pub/Sub, Storage, IAM, BigQuery, GKE, Cloud Run, Dataflow, Firestore, Vertex). */
    static final Map<String, NameRule> RULES = Map.ofEntries(
            entry("gcp:storage/bucket:Bucket", new NameRule("name", Pattern.compile("(?!goog)(?!.*google)[a-z0-9][a-z0-9_.-]{1,61}[a-z0-9]"),
                    "3-63 lowercase letters, digits, -, _ and .; letter or digit first and last; no goog prefix, no \"google\"")),
            entry("gcp:serviceaccount/account:Account", new NameRule("accountId", Pattern.compile("[a-z]([-a-z0-9]{4,28}[a-z0-9])"),
                    "6-30 lowercase letters, digits, hyphens; a letter first")),
            entry("gcp:bigquery/dataset:Dataset", new NameRule("datasetId", Pattern.compile("[A-Za-z0-9_]{1,1024}"), "letters, digits and underscores, at most 1024")),
            entry("gcp:bigquery/table:Table", new NameRule("tableId", Pattern.compile("[\\p{L}\\p{M}\\p{N}\\p{Pc}\\p{Pd} ]{1,1024}"), "letters, digits, underscores, dashes, spaces, at most 1024")),
            entry("gcp:pubsub/topic:Topic", new NameRule("name", PUBSUB, "3-255 characters, a letter first, no goog prefix")),
            entry("gcp:pubsub/subscription:Subscription", new NameRule("name", PUBSUB, "3-255 characters, a letter first, no goog prefix")),
            entry("gcp:compute/instance:Instance", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:compute/network:Network", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:compute/subnetwork:Subnetwork", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:compute/firewall:Firewall", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:compute/router:Router", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:compute/routerNat:RouterNat", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:container/cluster:Cluster", new NameRule("name", Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?"), "1-40 lowercase letters, digits, hyphens; a letter first")),
            entry("gcp:container/nodePool:NodePool", new NameRule("name", Pattern.compile("[a-z]([-a-z0-9]{0,38}[a-z0-9])?"), "1-40 lowercase letters, digits, hyphens; a letter first")),
            entry("gcp:artifactregistry/repository:Repository", new NameRule("repositoryId", RFC1035, RFC1035_WORDS)),
            entry("gcp:cloudrunv2/job:Job", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:dataflow/flexTemplateJob:FlexTemplateJob", new NameRule("name", RFC1035, RFC1035_WORDS)),
            entry("gcp:firestore/database:Database", new NameRule("name", Pattern.compile("\\(default\\)|[a-z][a-z0-9-]{2,61}[a-z0-9]"), "(default), or 4-63 lowercase letters, digits, hyphens; a letter first")),
            entry("gcp:vertex/aiEndpoint:AiEndpoint", new NameRule("name", Pattern.compile("[1-9][0-9]{0,9}"), "a number of at most 10 digits, no leading zero")),
            entry("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", new NameRule("workloadIdentityPoolId", Pattern.compile("(?!gcp-)[a-z0-9-]{4,32}"), "4-32 lowercase letters, digits, hyphens; no gcp- prefix")),
            entry("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", new NameRule("workloadIdentityPoolProviderId", Pattern.compile("(?!gcp-)[a-z0-9-]{4,32}"), "4-32 lowercase letters, digits, hyphens; no gcp- prefix")),
            entry("gcp:secretmanager/secret:Secret", new NameRule("secretId", Pattern.compile("[A-Za-z0-9_-]{1,255}"), "1-255 letters, digits, _ and -")));

    /** Types named by {@code Names.of} ({@code hw-<env>-...}); buckets and datasets have their own forms. */
    private static final List<String> CONVENTIONAL = List.of("gcp:compute/instance:Instance", "gcp:compute/network:Network",
            "gcp:compute/subnetwork:Subnetwork", "gcp:compute/firewall:Firewall", "gcp:compute/router:Router",
            "gcp:compute/routerNat:RouterNat", "gcp:pubsub/topic:Topic", "gcp:pubsub/subscription:Subscription",
            "gcp:serviceaccount/account:Account", "gcp:container/cluster:Cluster", "gcp:cloudrunv2/job:Job",
            "gcp:dataflow/flexTemplateJob:FlexTemplateJob", "gcp:storage/bucket:Bucket", "gcp:bigquery/dataset:Dataset");

    private NamingPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-NAM-001", Severity.HIGH, "names follow Google's rules for their type (length, characters, reserved prefixes)",
                        "Google Cloud resource naming rules per service", (plan, f) -> {
                            for (PlannedResource r : plan.cloudResources()) {
                                NameRule rule = RULES.get(r.type());
                                if (rule == null) {
                                    continue;
                                }
                                String name = Inputs.text(r.input(rule.property()));
                                if (name != null && !rule.pattern().matcher(name).matches()) {
                                    f.flag(r, rule.property() + " \"" + name + "\" breaks Google's rule: " + rule.words(),
                                            "derive it with conventions.Names (of, serviceAccountId, bucket, dataset)");
                                }
                            }
                        }),
                Rule.of("HW-NAM-002", Severity.LOW, "names follow the convention hw-<env>-<purpose> (buckets <project>-hw-<env>-..., datasets hw_<env>_...)",
                        "Headway naming convention (DESIGN: names)", (plan, f) -> {
                            String env = Inputs.env(plan);
                            for (PlannedResource r : plan.where(x -> CONVENTIONAL.contains(x.type()))) {
                                NameRule rule = RULES.get(r.type());
                                String name = Inputs.text(r.input(rule.property()));
                                if (name == null) {
                                    continue;
                                }
                                String expected = switch (r.type()) {
                                    case "gcp:storage/bucket:Bucket" -> "-hw-" + env + "-";
                                    case "gcp:bigquery/dataset:Dataset" -> "hw_" + env.replace('-', '_') + "_";
                                    default -> "hw-" + env + "-";
                                };
                                boolean ok = r.type().equals("gcp:storage/bucket:Bucket") ? name.contains(expected) : name.startsWith(expected);
                                if (!ok) {
                                    f.flag(r, rule.property() + " \"" + name + "\" does not follow the convention (" + expected + "...)",
                                            "name it with conventions.Names");
                                }
                            }
                        }));
    }
}
