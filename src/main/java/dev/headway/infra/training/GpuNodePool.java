package dev.headway.infra.training;

import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigGuestAcceleratorArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigTaintArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.config.GoogleCloud;
import dev.headway.infra.config.SettingsLoader;

import java.util.List;
import java.util.Map;

/**
 * The GPU node pool of the training cluster: {@code maxGpus / gpusPerNode} nodes at most (in total,
 * across zones), scaling to zero, the configured accelerator with Google-installed drivers, spot
 * when configured, and a {@code nvidia.com/gpu=present:NoSchedule} taint so only pods that
 * tolerate it (GPU workloads) land there.
 */
final class GpuNodePool {
    public static final String GPU_TAINT_KEY = "nvidia.com/gpu";

    private GpuNodePool() {
    }

    /** The largest node count the pool may reach: the pool size in GPUs over GPUs per machine. */
    static int maxNodes(int maxGpus, String machineType) {
        return maxGpus / SettingsLoader.gpusPerNode(machineType);
    }

    static NodePool declare(GkeTrainingCluster parent, GkeTrainingClusterArgs a, Cluster cluster) {
        String poolName = a.names.gke("training-gpu");
        String machineType = a.training.machineType();
        return new NodePool(poolName, NodePoolArgs.builder()
                .project(a.project)
                .name(poolName)
                .cluster(cluster.id())
                .location(a.region)
                // Only zones that offer the accelerator (config/GpuZones, Google's GPU regions-and-zones table).
                .nodeLocations(a.training.zones())
                .initialNodeCount(0)
                .autoscaling(NodePoolAutoscalingArgs.builder()
                        .totalMinNodeCount(0)
                        .totalMaxNodeCount(maxNodes(a.training.maxGpus(), machineType))
                        .locationPolicy("ANY")
                        .build())
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                .nodeConfig(hardened(a, "training-gpu")
                        .machineType(machineType)
                        .spot(a.gke.spot())
                        .guestAccelerators(NodePoolNodeConfigGuestAcceleratorArgs.builder()
                                .type(GoogleCloud.GKE_ACCELERATOR.get(a.training.acceleratorType()))
                                .count(SettingsLoader.gpusPerNode(machineType))
                                .gpuDriverInstallationConfig(NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs
                                        .builder().gpuDriverVersion("LATEST").build())
                                .build())
                        .taints(NodePoolNodeConfigTaintArgs.builder()
                                .key(GPU_TAINT_KEY).value("present").effect("NO_SCHEDULE").build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(a.dependsOn).build());
    }

    /**
     * What every node of the training cluster runs with: shielded (secure boot, integrity monitoring), the GKE
     * metadata server (Workload Identity), the training account with the cloud-platform scope, COS, and the
     * stack's labels; {@code pool} labels the nodes ({@code headway/pool}).
     */
    static NodePoolNodeConfigArgs.Builder hardened(GkeTrainingClusterArgs a, String pool) {
        return NodePoolNodeConfigArgs.builder()
                .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                .serviceAccount(a.nodeIdentity.email())
                .oauthScopes(List.of(GkeTrainingCluster.CLOUD_PLATFORM))
                .imageType("COS_CONTAINERD")
                .labels(Map.of("headway/pool", pool))
                .resourceLabels(a.labels);
    }
}
