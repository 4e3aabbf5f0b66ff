package dev.headway.infra.training;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthClientCertificateConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs;
import com.pulumi.gcp.container.inputs.ClusterPrivateClusterConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.platform.Platform;

import java.util.Map;

/**
 * The GKE training backend's cluster: regional control plane, private nodes, the public endpoint
 * open only to the configured authorized networks, Workload Identity ({@code <project>.svc.id.goog}),
 * shielded nodes, a release channel, VPC-native on the Platform subnet's {@code gke-pods} and
 * {@code gke-services} ranges. The default node pool is removed; GPUs come from {@link GpuNodePool},
 * and kube-system (DNS, metrics) runs on one small untainted node of {@link SystemNodePool}.
 */
public final class GkeTrainingCluster extends ComponentResource {
    public static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";

    private final Cluster cluster;
    private final NodePool gpuPool;
    private final NodePool systemPool;
    private final String workloadPool;

    public GkeTrainingCluster(String name, GkeTrainingClusterArgs a, ComponentResourceOptions opts) {
        super("headway:training:GkeTrainingCluster", name, opts);
        String project = a.project;
        this.workloadPool = project + ".svc.id.goog";
        String clusterName = a.names.gke("training");
        this.cluster = new Cluster(clusterName, ClusterArgs.builder()
                .project(project)
                .name(clusterName)
                .location(a.region)
                .description("Headway GPU training (private nodes, Workload Identity)")
                .network(a.network)
                .subnetwork(a.subnetwork)
                .networkingMode("VPC_NATIVE")
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterSecondaryRangeName(Platform.GKE_PODS_RANGE)
                        .servicesSecondaryRangeName(Platform.GKE_SERVICES_RANGE)
                        .build())
                .privateClusterConfig(ClusterPrivateClusterConfigArgs.builder()
                        .enablePrivateNodes(true)
                        .enablePrivateEndpoint(false)
                        .masterIpv4CidrBlock(a.gke.masterCidr().toString())
                        .build())
                .masterAuthorizedNetworksConfig(ClusterMasterAuthorizedNetworksConfigArgs.builder()
                        .gcpPublicCidrsAccessEnabled(false)
                        .cidrBlocks(a.gke.masterAuthorizedNetworks().stream()
                                .map(c -> ClusterMasterAuthorizedNetworksConfigCidrBlockArgs.builder()
                                        .cidrBlock(c.toString()).displayName("authorized " + c).build())
                                .toList())
                        .build())
                .masterAuth(ClusterMasterAuthArgs.builder()
                        .clientCertificateConfig(ClusterMasterAuthClientCertificateConfigArgs.builder()
                                .issueClientCertificate(false).build())
                        .build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder().workloadPool(workloadPool).build())
                .enableShieldedNodes(true)
                .enableLegacyAbac(false)
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel(a.gke.releaseChannel()).build())
                // No nodeConfig: it would configure only the default pool, which is removed right after
                // create; the API then reports the cluster's nodeConfig from what remains, and node_config
                // is ForceNew (terraform-provider-google-beta v5.0.0, services/container/node_config.go
                // schemaNodeConfig; resource_container_cluster.go Read: d.Set("node_config",
                // flattenNodeConfig(cluster.NodeConfig))), so every later `up` would replace the cluster.
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                .deletionProtection(a.retention.deletionProtection())
                .resourceLabels(a.labels)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(a.dependsOn).build());

        this.gpuPool = GpuNodePool.declare(this, a, cluster);
        this.systemPool = SystemNodePool.declare(this, a, cluster);
        registerOutputs(Map.of("cluster", cluster.name(), "endpoint", cluster.endpoint(), "gpuPool", gpuPool.name()));
    }

    public Cluster cluster() {
        return cluster;
    }

    public NodePool gpuPool() {
        return gpuPool;
    }

    public NodePool systemPool() {
        return systemPool;
    }

    public Output<String> name() {
        return cluster.name();
    }

    public Output<String> endpoint() {
        return cluster.endpoint();
    }

    /** The cluster CA, base64 PEM, as kubeconfig's certificate-authority-data takes it. */
    public Output<String> caCertificate() {
        return cluster.masterAuth().applyValue(m -> m.clusterCaCertificate().orElse(""));
    }

    /** {@code <project>.svc.id.goog}: the Workload Identity pool Kubernetes service accounts map into. */
    public String workloadPool() {
        return workloadPool;
    }
}
