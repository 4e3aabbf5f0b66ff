package dev.headway.infra.synth;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which property changes make the provider delete and re-create a resource (ForceNew in the Google
 * provider) rather than update it in place. A reviewer must see these: a replaced dataset or bucket
 * is a new, empty one. Paths are input paths without list indexes ({@code nodeConfig.machineType});
 * a rule also covers everything under it.
 */
public final class ReplaceRules {
    private static final Set<String> EVERY_TYPE = Set.of("project");
    private static final List<String> IAM_MEMBER = List.of("role", "member", "condition", "serviceAccountId",
            "topic", "subscription", "bucket", "datasetId", "repository", "location", "name");
    private static final Map<String, List<String>> BY_TYPE = Map.ofEntries(
            Map.entry("gcp:projects/service:Service", List.of("service")),
            Map.entry("gcp:compute/network:Network", List.of("name", "autoCreateSubnetworks", "description")),
            Map.entry("gcp:compute/subnetwork:Subnetwork", List.of("name", "network", "region")),
            Map.entry("gcp:compute/router:Router", List.of("name", "network", "region")),
            Map.entry("gcp:compute/routerNat:RouterNat", List.of("name", "router", "region")),
            Map.entry("gcp:compute/firewall:Firewall", List.of("name", "network", "direction")),
            Map.entry("gcp:compute/instance:Instance", List.of("name", "zone", "bootDisk", "networkInterfaces.network",
                    "metadataStartupScript")),
            Map.entry("gcp:serviceaccount/account:Account", List.of("accountId")),
            Map.entry("gcp:storage/bucket:Bucket", List.of("name", "location")),
            Map.entry("gcp:bigquery/dataset:Dataset", List.of("datasetId", "location")),
            Map.entry("gcp:bigquery/table:Table", List.of("datasetId", "tableId", "timePartitioning.field", "clustering")),
            Map.entry("gcp:pubsub/topic:Topic", List.of("name")),
            Map.entry("gcp:pubsub/subscription:Subscription", List.of("name", "topic")),
            Map.entry("gcp:artifactregistry/repository:Repository", List.of("repositoryId", "location", "format")),
            Map.entry("gcp:container/cluster:Cluster", List.of("name", "location", "network", "subnetwork",
                    "privateClusterConfig", "ipAllocationPolicy")),
            Map.entry("gcp:container/nodePool:NodePool", List.of("name", "cluster", "location", "nodeConfig.machineType",
                    "nodeConfig.guestAccelerators", "nodeConfig.spot", "nodeConfig.diskSizeGb", "nodeConfig.serviceAccount")),
            Map.entry("gcp:vertex/aiEndpoint:AiEndpoint", List.of("name", "location", "region", "network")),
            Map.entry("gcp:vertex/aiTensorboard:AiTensorboard", List.of("region")),
            Map.entry("gcp:firestore/database:Database", List.of("name", "locationId", "type")),
            Map.entry("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", List.of("workloadIdentityPoolId")),
            Map.entry("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider",
                    List.of("workloadIdentityPoolId", "workloadIdentityPoolProviderId")),
            Map.entry("gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride", List.of("service", "metric", "limit", "dimensions")),
            Map.entry("gcp:cloudrunv2/job:Job", List.of("name", "location")),
            Map.entry("gcp:dataflow/flexTemplateJob:FlexTemplateJob", List.of("name", "region", "maxWorkers", "enableStreamingEngine")));

    private ReplaceRules() {
    }

    /** The rule that makes this property change a replacement, if any. */
    public static Optional<String> forcesReplacement(String type, String path) {
        if (path.startsWith("(")) {
            return Optional.empty();
        }
        String bare = path.replaceAll("\\[\\d+]", "");
        List<String> rules = type.endsWith("/iAMMember:IAMMember") || type.endsWith("/iAMBinding:IAMBinding")
                ? IAM_MEMBER : BY_TYPE.getOrDefault(type, List.of());
        for (String rule : rules) {
            if (bare.equals(rule) || bare.startsWith(rule + ".")) {
                return Optional.of(rule);
            }
        }
        return EVERY_TYPE.contains(bare) ? Optional.of(bare) : Optional.empty();
    }

    /** The paths among {@code changes} that force a replacement. */
    public static List<String> replacingPaths(PlanDiff.Changed c) {
        return c.changes().stream().map(PlanDiff.PropertyChange::path)
                .filter(p -> forcesReplacement(c.after().type(), p).isPresent()).toList();
    }

    /** Data stores: losing or replacing one loses data. Anything protected or retained counts too. */
    public static boolean isDataStore(PlannedResource r) {
        return r.protect() || r.retainOnDelete() || Set.of(
                "gcp:storage/bucket:Bucket",
                "gcp:bigquery/dataset:Dataset",
                "gcp:bigquery/table:Table",
                "gcp:firestore/database:Database",
                "gcp:pubsub/subscription:Subscription").contains(r.type());
    }
}
