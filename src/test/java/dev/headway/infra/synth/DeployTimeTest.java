package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployTimeTest {
    private static final String ROOT = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
    private static final CreateTimes TIMES = new CreateTimes("test", 1,
            Map.of("gcp:projects/service:Service", 40.0, "gcp:compute/network:Network", 20.0,
                    "gcp:container/cluster:Cluster", 500.0, "gcp:storage/bucket:Bucket", 3.0), Map.of());

    private static PlannedResource res(String type, String name, List<String> explicit, Map<String, List<String>> viaInputs) {
        List<String> all = new java.util.ArrayList<>(explicit);
        viaInputs.values().forEach(all::addAll);
        return new PlannedResource(urn(type, name), type, name, ROOT, true, all, viaInputs, false, false,
                JsonNodeFactory.instance.objectNode());
    }

    private static String urn(String type, String name) {
        return "urn:pulumi:s::p::" + type + "::" + name;
    }

    @Test
    void serialSumsDefaultFollowsAllEdgesFloorOnlyIrremovableOnes() {
        String api = urn("gcp:projects/service:Service", "api-container");
        String bucket = urn("gcp:storage/bucket:Bucket", "logs");
        Plan plan = new Plan("s", "p", List.of(
                res("gcp:projects/service:Service", "api-container", List.of(), Map.of()),
                res("gcp:storage/bucket:Bucket", "logs", List.of(), Map.of()),
                // the network waits for the API (irremovable) and, needlessly, for the bucket
                res("gcp:compute/network:Network", "vpc", List.of(api, bucket), Map.of()),
                res("gcp:container/cluster:Cluster", "gke", List.of(), Map.of("network", List.of(urn("gcp:compute/network:Network", "vpc"))))
        ), Map.of());
        DeployTime.Estimate e = DeployTime.estimate(plan, TIMES);
        assertEquals(40 + 3 + 20 + 500, e.serialSeconds());
        assertEquals(40 + 20 + 500, e.defaultSeconds());
        assertEquals(40 + 20 + 500, e.floorSeconds());
        assertEquals(List.of("api-container", "vpc", "gke"), e.criticalPath().stream().map(PlannedResource::name).toList());

        // make the needless dependency the longest one: it shows on the critical path as removable
        Plan slowBucket = new Plan("s", "p", plan.resources(), Map.of());
        CreateTimes slow = new CreateTimes("test", 1, Map.of("gcp:projects/service:Service", 40.0,
                "gcp:compute/network:Network", 20.0, "gcp:container/cluster:Cluster", 500.0, "gcp:storage/bucket:Bucket", 100.0), Map.of());
        DeployTime.Estimate s = DeployTime.estimate(slowBucket, slow);
        assertEquals(100 + 20 + 500, s.defaultSeconds());
        assertEquals(40 + 20 + 500, s.floorSeconds());
        assertEquals(1, s.removableOnPath().size());
        assertEquals("logs", s.removableOnPath().get(0).from().name());
    }

    @Test
    void committedStacksDeployNearTheirFloorAndFarFasterThanSerial() {
        for (String stack : List.of("dev", "prod")) {
            DeployTime.Estimate e = DeployTime.estimate(Synth.stack(stack), CreateTimes.load());
            assertTrue(e.ratioToFloor() <= 1.15, stack + ": estimate / floor " + e.ratioToFloor());
            assertTrue(e.speedupOverSerial() >= 3, stack + ": serial / estimate " + e.speedupOverSerial());
        }
    }
}
