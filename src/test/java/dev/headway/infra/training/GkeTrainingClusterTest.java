package dev.headway.infra.training;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GkeTrainingClusterTest {
    static final String CLUSTER = "gcp:container/cluster:Cluster";
    static final String NODE_POOL = "gcp:container/nodePool:NodePool";
    static final String DEV_WITH_GKE = """
            {"acceleratorType": "NVIDIA_TESLA_A100", "machineType": "a2-highgpu-1g", "maxGpus": 2,
             "gke": {"masterCidr": "172.16.0.0/28", "podsCidr": "10.24.0.0/14", "servicesCidr": "10.28.0.0/20",
                     "masterAuthorizedNetworks": ["203.0.113.0/24"]}}""";

    @Test
    void prodClusterIsPrivateWithWorkloadIdentityShieldedNodesAndProtection() {
        Plan plan = Synth.stack("prod");
        PlannedResource c = plan.get(CLUSTER, "hw-prod-training");
        assertTrue(c.input("privateClusterConfig.enablePrivateNodes").asBoolean());
        assertEquals("172.16.0.0/28", c.input("privateClusterConfig.masterIpv4CidrBlock").asText());
        assertFalse(c.input("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled").asBoolean());
        assertEquals("headway-prod.svc.id.goog", c.input("workloadIdentityConfig.workloadPool").asText());
        assertTrue(c.input("enableShieldedNodes").asBoolean());
        assertEquals("REGULAR", c.input("releaseChannel.channel").asText());
        assertEquals("VPC_NATIVE", c.input("networkingMode").asText());
        assertEquals("gke-pods", c.input("ipAllocationPolicy.clusterSecondaryRangeName").asText());
        assertEquals("gke-services", c.input("ipAllocationPolicy.servicesSecondaryRangeName").asText());
        assertTrue(c.input("removeDefaultNodePool").asBoolean());
        assertTrue(c.input("deletionProtection").asBoolean());
        assertEquals("training", c.input("resourceLabels.component").asText());
        assertEquals("projects/headway-prod/global/networks/hw-prod-vpc", c.input("network").asText());
        assertFalse(c.input("masterAuth.clientCertificateConfig.issueClientCertificate").asBoolean());
        assertTrue(c.dependsOn().contains(plan.get("gcp:projects/service:Service", "api-container").urn()));

        PlannedResource subnet = plan.get("gcp:compute/subnetwork:Subnetwork", "hw-prod-subnet");
        assertEquals("gke-pods", subnet.input("secondaryIpRanges[0].rangeName").asText());
        assertEquals("10.24.0.0/14", subnet.input("secondaryIpRanges[0].ipCidrRange").asText());
        assertEquals("gke-services", subnet.input("secondaryIpRanges[1].rangeName").asText());
        assertEquals("10.28.0.0/20", subnet.input("secondaryIpRanges[1].ipCidrRange").asText());
    }

    @Test
    void prodGpuPoolIsOnDemandTaintedAndRunsAsTheTrainingAccount() {
        PlannedResource pool = Synth.stack("prod").get(NODE_POOL, "hw-prod-training-gpu");
        assertFalse(pool.input("nodeConfig.spot").asBoolean());
        assertEquals(0, pool.input("autoscaling.totalMinNodeCount").asInt());
        assertEquals(8, pool.input("autoscaling.totalMaxNodeCount").asInt());
        assertEquals("nvidia-tesla-a100", pool.input("nodeConfig.guestAccelerators[0].type").asText());
        assertEquals("LATEST", pool.input("nodeConfig.guestAccelerators[0].gpuDriverInstallationConfig.gpuDriverVersion").asText());
        assertEquals("nvidia.com/gpu", pool.input("nodeConfig.taints[0].key").asText());
        assertEquals("present", pool.input("nodeConfig.taints[0].value").asText());
        assertEquals("NO_SCHEDULE", pool.input("nodeConfig.taints[0].effect").asText());
        assertEquals("GKE_METADATA", pool.input("nodeConfig.workloadMetadataConfig.mode").asText());
        assertTrue(pool.input("nodeConfig.shieldedInstanceConfig.enableSecureBoot").asBoolean());
        assertEquals("hw-prod-training@headway-prod.iam.gserviceaccount.com", pool.input("nodeConfig.serviceAccount").asText());
        assertEquals("https://www.googleapis.com/auth/cloud-platform", pool.input("nodeConfig.oauthScopes[0]").asText());
        // us-east1 offers the A100 (a2-highgpu) in us-east1-b only; the poller's zone is us-east1-c (issue 13)
        assertEquals("[\"us-east1-b\"]", pool.input("nodeLocations").toString());
    }

    @Test
    void clusterSetsNoNodeConfigSoTheSecondUpDoesNotReplaceIt() {
        // node_config is ForceNew and describes only the default pool, which is removed after create
        // (terraform-provider-google-beta v5.0.0 services/container): set, it replaces the cluster on every later up.
        PlannedResource c = Synth.stack("prod").get(CLUSTER, "hw-prod-training");
        assertTrue(c.input("removeDefaultNodePool").asBoolean());
        assertTrue(c.input("nodeConfig").isMissingNode(), c.input("nodeConfig").toString());
    }

    @Test
    void kubeSystemHasASmallUntaintedNodeBesideTheGpuPool() {
        Plan plan = Synth.stack("prod");
        PlannedResource system = plan.get(NODE_POOL, "hw-prod-training-system");
        assertEquals("e2-medium", system.input("nodeConfig.machineType").asText());
        assertEquals(1, system.input("nodeCount").asInt());
        assertEquals("[\"us-east1-c\"]", system.input("nodeLocations").toString(), "one zone: one node in total");
        assertTrue(system.input("nodeConfig.taints").isMissingNode(), "kube-system pods need no toleration");
        assertTrue(system.input("nodeConfig.guestAccelerators").isMissingNode());
        assertEquals("GKE_METADATA", system.input("nodeConfig.workloadMetadataConfig.mode").asText());
        assertEquals("hw-prod-training@headway-prod.iam.gserviceaccount.com", system.input("nodeConfig.serviceAccount").asText());
        // the only other pool is tainted and scales from zero: without this one, DNS has no node
        PlannedResource gpu = plan.get(NODE_POOL, "hw-prod-training-gpu");
        assertEquals("NO_SCHEDULE", gpu.input("nodeConfig.taints[0].effect").asText());
        assertEquals(0, gpu.input("autoscaling.totalMinNodeCount").asInt());
        assertEquals(2, plan.ofType(NODE_POOL).size());
    }

    @Test
    void devWithGkeSwitchedOnGetsSpotNodesAndNoDeletionProtection() {
        Plan plan = Synth.stack("dev", Map.of("headway:training", DEV_WITH_GKE));
        PlannedResource pool = plan.get(NODE_POOL, "hw-dev-training-gpu");
        assertTrue(pool.input("nodeConfig.spot").asBoolean(), "spot defaults on in dev");
        assertEquals(2, pool.input("autoscaling.totalMaxNodeCount").asInt());
        PlannedResource c = plan.get(CLUSTER, "hw-dev-training");
        assertFalse(c.input("deletionProtection").asBoolean());
        assertEquals("203.0.113.0/24", c.input("masterAuthorizedNetworksConfig.cidrBlocks[0].cidrBlock").asText());
        assertTrue(plan.find("gcp:projects/service:Service", "api-container").isPresent());
    }

    @Test
    void devSubnetHasNoSecondaryRangesWithoutGke() {
        assertTrue(Synth.stack("dev").get("gcp:compute/subnetwork:Subnetwork", "hw-dev-subnet").input("secondaryIpRanges").isMissingNode());
    }

    @Test
    void nodeCountIsPoolSizeOverGpusPerMachine() {
        assertEquals(8, GpuNodePool.maxNodes(8, "a2-highgpu-1g"));
        assertEquals(2, GpuNodePool.maxNodes(8, "a2-highgpu-4g"));
        assertEquals(1, GpuNodePool.maxNodes(8, "a2-highgpu-8g"));
    }
}
