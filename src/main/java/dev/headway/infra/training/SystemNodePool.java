package dev.headway.infra.training;

import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * One small untainted node for what every cluster runs: kube-system (kube-dns, metrics-server,
 * konnectivity agents) cannot schedule on the GPU pool, which is tainted and scales from zero, so
 * without it DNS has no node and no training pod resolves a name. Least cost: one {@code e2-medium}
 * (the smallest shared-core type GKE recommends for system pods; e2-micro and e2-small leave too
 * little allocatable memory, https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes)
 * in one zone ({@code headway:zone}), spot when the GPU pool is.
 */
final class SystemNodePool {
    static final String MACHINE_TYPE = "e2-medium";

    private SystemNodePool() {
    }

    static NodePool declare(GkeTrainingCluster parent, GkeTrainingClusterArgs a, Cluster cluster) {
        String poolName = a.names.of("training-system");
        return new NodePool(poolName, NodePoolArgs.builder()
                .project(a.project)
                .name(poolName)
                .cluster(cluster.id())
                .location(a.region)
                .nodeLocations(a.zone)
                // per zone: one node in total
                .nodeCount(1)
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .nodeConfig(NodePoolNodeConfigArgs.builder()
                        .machineType(MACHINE_TYPE)
                        .spot(a.gke.spot())
                        .diskSizeGb(30)
                        .diskType("pd-balanced")
                        .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                        .serviceAccount(a.nodeIdentity.email())
                        .oauthScopes(List.of(GkeTrainingCluster.CLOUD_PLATFORM))
                        .imageType("COS_CONTAINERD")
                        .labels(Map.of("headway/pool", "training-system"))
                        .resourceLabels(a.labels)
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(a.dependsOn).build());
    }
}
