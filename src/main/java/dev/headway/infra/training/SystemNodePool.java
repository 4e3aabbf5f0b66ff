package dev.headway.infra.training;

import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.resources.CustomResourceOptions;


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
                .nodeConfig(GpuNodePool.hardened(a, "training-system")
                        .machineType(MACHINE_TYPE)
                        .spot(a.gke.spot())
                        .diskSizeGb(30)
                        .diskType("pd-balanced")
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(a.dependsOn).build());
    }
}
