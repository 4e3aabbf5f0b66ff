package dev.headway.infra.training;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingPoolTest {
    static final String QUOTA = "gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride";
    static final String NODE_POOL = "gcp:container/nodePool:NodePool";
    static final String RESOURCE_QUOTA = "kubernetes:core/v1:ResourceQuota";

    /** The pool size as each of the three places states it: quota override, node pool (in GPUs), ResourceQuota. */
    static int[] poolSizes(Plan plan) {
        PlannedResource quota = plan.ofType(QUOTA).get(0);
        PlannedResource pool = plan.get(NODE_POOL, "hw-prod-training-gpu");
        PlannedResource k8s = plan.ofType(RESOURCE_QUOTA).get(0);
        int gpusPerNode = pool.input("nodeConfig.guestAccelerators[0].count").asInt();
        return new int[]{
                Integer.parseInt(quota.input("overrideValue").asText()),
                pool.input("autoscaling.totalMaxNodeCount").asInt() * gpusPerNode,
                Integer.parseInt(k8s.input("spec.hard").path("requests.nvidia.com/gpu").asText())};
    }

    @Test
    void prodPoolSizeIsTheSameInQuotaNodePoolAndResourceQuota() {
        int[] sizes = poolSizes(Synth.stack("prod"));
        assertEquals(8, sizes[0]);
        assertEquals(8, sizes[1]);
        assertEquals(8, sizes[2]);
    }

    @Test
    void overridingThePoolSizeChangesAllThreeTogether() {
        Plan plan = Synth.stack("prod", Map.of("headway:training", """
                {"acceleratorType": "NVIDIA_TESLA_A100", "machineType": "a2-highgpu-4g", "maxGpus": 16,
                 "gke": {"spot": false, "masterCidr": "172.16.0.0/28", "podsCidr": "10.24.0.0/14", "servicesCidr": "10.28.0.0/20",
                         "masterAuthorizedNetworks": ["203.0.113.0/28"]}}"""));
        int[] sizes = poolSizes(plan);
        assertEquals(16, sizes[0]);
        assertEquals(16, sizes[1]);
        assertEquals(16, sizes[2]);
        PlannedResource pool = plan.get(NODE_POOL, "hw-prod-training-gpu");
        assertEquals(4, pool.input("autoscaling.totalMaxNodeCount").asInt(), "16 GPUs / 4 per a2-highgpu-4g");
        assertEquals(4, pool.input("nodeConfig.guestAccelerators[0].count").asInt());
    }

    @Test
    void quotaOverrideCapsVertexCustomTrainingGpusInTheRegion() {
        Plan plan = Synth.stack("dev");
        PlannedResource quota = plan.ofType(QUOTA).get(0);
        assertEquals("aiplatform.googleapis.com", quota.input("service").asText());
        assertEquals("aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_gpus", quota.input("metric").asText());
        assertEquals("%2Fproject%2Fregion", quota.input("limit").asText());
        assertEquals("us-east1", quota.input("dimensions.region").asText());
        assertEquals("1", quota.input("overrideValue").asText());
        assertTrue(quota.input("force").asBoolean());
        String serviceUsage = plan.get("gcp:projects/service:Service", "api-serviceusage").urn();
        String aiplatform = plan.get("gcp:projects/service:Service", "api-aiplatform").urn();
        assertTrue(quota.dependsOn().contains(serviceUsage) && quota.dependsOn().contains(aiplatform), quota.dependsOn().toString());
    }

    @Test
    void devHasNoGkeBackend() {
        Plan plan = Synth.stack("dev");
        assertTrue(plan.ofType("gcp:container/cluster:Cluster").isEmpty());
        assertTrue(plan.ofType(NODE_POOL).isEmpty());
        assertTrue(plan.ofType(RESOURCE_QUOTA).isEmpty());
        assertFalse(plan.ofType(QUOTA).isEmpty());
    }

    @Test
    void pipelinesMayActAsTheTrainingAccountOnly() {
        Plan plan = Synth.stack("prod");
        // the CI deployer may act as every workload account (it deploys them); no workload may act as another but this
        var actAs = plan.where(r -> r.type().equals("gcp:serviceaccount/iAMMember:IAMMember")
                && r.input("role").asText().equals("roles/iam.serviceAccountUser")
                && !r.input("member").asText().contains("hw-prod-deployer@"));
        assertEquals(1, actAs.size());
        assertEquals("serviceAccount:hw-prod-pipelines@headway-prod.iam.gserviceaccount.com", actAs.get(0).input("member").asText());
        assertEquals("projects/headway-prod/serviceAccounts/hw-prod-training@headway-prod.iam.gserviceaccount.com",
                actAs.get(0).input("serviceAccountId").asText());
        for (String sa : new String[]{"training", "pipelines"}) {
            assertTrue(plan.find("gcp:projects/iAMMember:IAMMember", "hw-" + sa + "-aiplatform-user").isPresent(), sa);
        }
    }

    @Test
    void pipelineRootIsPrivateWithLifecycleAndKeptInProd() {
        PlannedResource prod = Synth.stack("prod").get("gcp:storage/bucket:Bucket", "headway-prod-hw-prod-pipeline-root");
        assertEquals("enforced", prod.input("publicAccessPrevention").asText());
        assertTrue(prod.input("uniformBucketLevelAccess").asBoolean());
        assertEquals(180, prod.input("lifecycleRules[0].condition.age").asInt());
        assertEquals("Delete", prod.input("lifecycleRules[0].action.type").asText());
        assertTrue(prod.protect() && prod.retainOnDelete());
        assertFalse(prod.input("forceDestroy").asBoolean());

        Plan dev = Synth.stack("dev");
        PlannedResource devBucket = dev.get("gcp:storage/bucket:Bucket", "headway-dev-hw-dev-pipeline-root");
        assertEquals(30, devBucket.input("lifecycleRules[0].condition.age").asInt());
        assertFalse(devBucket.protect() || devBucket.retainOnDelete());
        assertEquals("gs://headway-dev-hw-dev-pipeline-root/pipeline-root", dev.outputs().get("pipelineRoot").asText());
        assertEquals("hw-dev-training@headway-dev.iam.gserviceaccount.com", dev.outputs().get("trainingServiceAccount").asText());
        assertEquals("hw-dev-pipelines@headway-dev.iam.gserviceaccount.com", dev.outputs().get("pipelineServiceAccount").asText());
    }
}
