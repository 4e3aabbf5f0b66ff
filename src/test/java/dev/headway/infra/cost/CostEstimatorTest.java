package dev.headway.infra.cost;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.CraftedPlans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.headway.infra.testing.CraftedPlans.component;
import static dev.headway.infra.testing.CraftedPlans.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CostEstimatorTest {
    static final double CENT = 0.005;

    /** Prod-like: a running e2-small poller, a paused one, NAT, two buckets, a dataset, a topic, 8 A100s, GKE, one endpoint. */
    static Plan knownProd(boolean spotPool) {
        String s = "prod";
        PlannedResource platform = component(s, "headway:platform:Platform", "platform");
        PlannedResource streaming = component(s, "headway:streaming:StreamingIngestion", "streaming");
        PlannedResource training = component(s, "headway:training:TrainingPool", "training");
        PlannedResource serving = component(s, "headway:serving:Serving", "serving");
        return CraftedPlans.plan(s, List.of(platform, streaming, training, serving,
                resource(s, streaming, "gcp:compute/instance:Instance", "hw-prod-poller",
                        "{\"machineType\":\"e2-small\",\"zone\":\"us-east1-c\",\"desiredStatus\":\"RUNNING\"}", false),
                resource(s, streaming, "gcp:compute/instance:Instance", "hw-prod-poller-old",
                        "{\"machineType\":\"zones/us-east1-c/machineTypes/n2-standard-2\",\"desiredStatus\":\"TERMINATED\"}", false),
                resource(s, platform, "gcp:compute/routerNat:RouterNat", "hw-prod-nat", "{\"region\":\"us-east1\"}", false),
                resource(s, streaming, "gcp:storage/bucket:Bucket", "staging", "{\"location\":\"US-EAST1\"}", false),
                resource(s, streaming, "gcp:storage/bucket:Bucket", "archive", "{\"location\":\"US\"}", true),
                resource(s, streaming, "gcp:bigquery/dataset:Dataset", "raw", "{\"datasetId\":\"hw_prod_raw\",\"location\":\"US\"}", true),
                resource(s, streaming, "gcp:pubsub/topic:Topic", "feed", "{\"name\":\"hw-prod-feed\"}", false),
                resource(s, training, "gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride", "a100-quota",
                        "{\"service\":\"aiplatform.googleapis.com\",\"metric\":\"aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_gpus\",\"overrideValue\":\"8\"}", false),
                resource(s, training, "gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride", "cpu-quota",
                        "{\"metric\":\"compute.googleapis.com%2Fcpus\",\"overrideValue\":\"64\"}", false),
                resource(s, training, "gcp:container/cluster:Cluster", "hw-prod-training", "{\"location\":\"us-east1\"}", false),
                resource(s, training, "gcp:container/nodePool:NodePool", "hw-prod-gpu",
                        "{\"autoscaling\":{\"minNodeCount\":0,\"maxNodeCount\":8},\"nodeConfig\":{\"machineType\":\"a2-highgpu-1g\",\"spot\":" + spotPool + "}}", false),
                resource(s, serving, "gcp:vertex/aiEndpoint:AiEndpoint", "hw-prod-headway-gru", "{\"location\":\"us-east1\"}", false)));
    }

    @Test
    void knownPlanCostsWhatTheArithmeticSays() {
        CostReport report = CostEstimator.estimate(knownProd(false));
        double poller = 730 * 0.016751;                       // e2-small, 730 h        = 12.22823
        double paused = 0;                                    // TERMINATED            = 0
        double natGateway = 730 * (1 * 0.0014);               // 1 running VM          = 1.022
        double natData = 10 * 0.045;                          // 10 GiB assumed        = 0.45
        double staging = 50 * 0.020;                          // regional, 50 GB       = 1.00
        double archive = 50 * 0.026;                          // multi-region US       = 1.30
        double dataset = 10 * 0.02;                           // 10 GiB assumed        = 0.20
        double topic = 10.0 / 1024 * 40.0;                    // 10 GiB of $40/TiB     = 0.390625
        double gpuPool = 8 * 730 * (2.933908 + 1.473592);     // 8 A100 + host, 730 h  = 25,739.80
        double gkeFee = 730 * 0.10;                           //                       = 73.00
        double nodePool = 8 * 730 * 3.673385;                 // 8 x a2-highgpu-1g     = 21,452.5684
        double endpoint = 1 * 730 * 0.2185;                   // 1 x n1-standard-4     = 159.505
        double expected = poller + paused + natGateway + natData + staging + archive + dataset + topic + gpuPool + gkeFee + nodePool + endpoint;

        assertEquals(47441.464255, expected, 1e-6, "the hand sum itself");
        assertEquals(expected, report.total(), CENT);
        assertEquals(gpuPool, item(report, "a100-quota", "GPU pool at full quota (worst case)"), CENT);
        assertEquals(0, item(report, "hw-prod-poller-old", "VM n2-standard-2"), 0);
        assertEquals(natGateway, item(report, "hw-prod-nat", "NAT gateway"), CENT);
        assertEquals(nodePool, item(report, "hw-prod-gpu", "node pool at max size: a2-highgpu-1g"), CENT);
        assertEquals(gkeFee + nodePool + gpuPool, report.byComponent().get("training"), CENT);
        assertTrue(report.lines().stream().noneMatch(l -> l.resource().equals("cpu-quota")), "a CPU quota is not the GPU pool");
        assertTrue(report.unpriced().isEmpty(), report.unpriced().toString());
    }

    @Test
    void spotNodePoolUsesTheSpotPrice() {
        CostReport report = CostEstimator.estimate(knownProd(true));
        assertEquals(8 * 730 * 1.293355, item(report, "hw-prod-gpu", "node pool at max size: a2-highgpu-1g (spot)"), CENT); // 7,553.19
    }

    @Test
    void unknownMachineTypeIsReportedNotGuessed() {
        String s = "dev";
        PlannedResource c = component(s, "headway:streaming:StreamingIngestion", "streaming");
        CostReport report = CostEstimator.estimate(CraftedPlans.plan(s, List.of(c,
                resource(s, c, "gcp:compute/instance:Instance", "vm", "{\"machineType\":\"m3-megamem-64\"}", false))));
        assertEquals(0, report.total(), 0);
        assertEquals(List.of("vm: no price for VM m3-megamem-64"), report.unpriced());
        assertTrue(CostRenderer.table(report).contains("not priced: vm: no price for VM m3-megamem-64"));
    }

    @Test
    void tableShowsItemsTotalDateSourcesAndSaysItIsAnEstimate() {
        String table = CostRenderer.table(CostEstimator.estimate(knownProd(false)));
        assertTrue(table.startsWith("Estimated monthly cost of stack prod: $47,441.46 (ESTIMATE at list prices for us-east1 as of 2025-03-06, 730 h/month)"), table);
        assertTrue(table.contains("TOTAL $47,441.46"));
        assertTrue(table.contains("1 x 730 h x $0.016751/h"), table);
        assertTrue(table.contains("$12.23"));
        assertTrue(table.contains("https://cloud.google.com/vertex-ai/pricing"));
        assertTrue(table.contains("Not a quote"));
    }

    private static double item(CostReport report, String resource, String item) {
        return report.lines().stream().filter(l -> l.resource().equals(resource) && l.item().equals(item)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + item + " for " + resource + " in " + report.lines())).monthly();
    }
}
