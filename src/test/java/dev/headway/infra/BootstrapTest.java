package dev.headway.infra;

import dev.headway.infra.policy.PolicySuite;
import dev.headway.infra.policy.Violation;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README, "First up on an empty project": the first `up` of prod, before any image or template
 * exists, declares every repository and bucket and no workload, and passes every policy; the
 * second, with the pinned images and the template path in config (the committed stack file),
 * adds exactly the three workloads.
 */
class BootstrapTest {
    static final Map<String, String> FIRST_UP = Map.of(
            "headway:poller", "{\"running\": true, \"machineType\": \"e2-small\"}",
            "headway:batch", "{\"enabled\": true, \"secrets\": [\"prefect-api-key\"], \"cpu\": \"2\", \"memory\": \"4Gi\"}",
            "headway:dataflow", "{\"workerMachineType\": \"n2-standard-2\", \"maxWorkers\": 5}");
    static final List<String> WORKLOADS = List.of("gcp:compute/instance:Instance", "gcp:cloudrunv2/job:Job",
            "gcp:dataflow/flexTemplateJob:FlexTemplateJob");

    @Test
    void firstUpCreatesWhatCiPushesToAndNoWorkload() {
        Plan first = Synth.stack("prod", FIRST_UP);
        for (String type : WORKLOADS) {
            assertTrue(first.ofType(type).isEmpty(), type);
        }
        assertEquals(3, first.ofType("gcp:artifactregistry/repository:Repository").size());
        assertTrue(first.find("gcp:storage/bucket:Bucket", "headway-prod-hw-prod-dataflow-staging").isPresent(),
                "the bucket the Flex Template is built into");
        List<Violation> violations = PolicySuite.standard().check(first);
        assertTrue(violations.isEmpty(), () -> violations.stream().map(Violation::line).toList().toString());
    }

    @Test
    void secondUpAddsTheWorkloadsAndOnlyThem() {
        Plan first = Synth.stack("prod", FIRST_UP);
        Plan second = Synth.stack("prod");
        for (String type : WORKLOADS) {
            assertEquals(1, second.ofType(type).size(), type);
        }
        List<String> added = second.resources().stream().map(r -> r.urn())
                .filter(u -> first.byUrn(u).isEmpty()).toList();
        assertFalse(added.isEmpty());
        // the workloads, what only they use (the batch job's secret, trigger and grants, the poller's
        // log and metric writers) and CI's roles on Dataflow jobs (ci/CiRoles: only when a job exists)
        for (String urn : added) {
            String name = urn.substring(urn.lastIndexOf("::") + 2);
            assertTrue(name.matches(".*(batch|poller|feed-to-bigquery|prefect-api-key|dataflow-admin|dataflow-viewer).*"), urn);
        }
        assertTrue(PolicySuite.standard().check(second).isEmpty());
    }
}
