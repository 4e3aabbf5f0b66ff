package dev.headway.infra.streaming;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FlexJobTest {
    static final String JOB = "gcp:dataflow/flexTemplateJob:FlexTemplateJob";
    static Plan prod;
    static PlannedResource job;

    @BeforeAll
    static void synth() {
        prod = Synth.stack("prod");
        job = prod.get(JOB, "hw-prod-feed-to-bigquery");
    }

    @Test
    void onlyWhenConfigured() {
        assertTrue(Synth.stack("dev").ofType(JOB).isEmpty(), "dev configures no job");
        assertEquals(1, prod.ofType(JOB).size());
    }

    @Test
    void drainsOnDeleteAndRunsPrivately() {
        assertEquals("drain", job.input("onDelete").asText());
        assertTrue(job.input("enableStreamingEngine").asBoolean());
        assertEquals("WORKER_IP_PRIVATE", job.input("ipConfiguration").asText());
        assertEquals("hw-prod-dataflow@headway-prod.iam.gserviceaccount.com", job.input("serviceAccountEmail").asText());
        assertEquals("https://www.googleapis.com/compute/v1/projects/headway-prod/regions/us-east1/subnetworks/hw-prod-subnet",
                job.input("subnetwork").asText());
        assertEquals("us-east1", job.input("region").asText());
        assertEquals("headway-prod", job.input("project").asText());
        assertEquals("dataflow", job.input("labels.component").asText());
    }

    @Test
    void templateAndParametersFromConfigAndOutputs() {
        assertEquals("gs://headway-prod-hw-prod-dataflow-staging/templates/feed-to-bigquery.json",
                job.input("containerSpecGcsPath").asText());
        assertEquals("60", job.input("parameters.windowSeconds").asText());
        assertEquals("projects/headway-prod/subscriptions/hw-prod-feed-dataflow", job.input("parameters.inputSubscription").asText());
        assertEquals("headway-prod:hw_prod_raw.trip_updates", job.input("parameters.outputTable").asText());
        assertEquals("gs://headway-prod-hw-prod-dataflow-staging/staging", job.input("stagingLocation").asText());
        assertEquals("gs://headway-prod-hw-prod-dataflow-temp/tmp", job.input("tempLocation").asText());
        assertEquals(5, job.input("maxWorkers").asInt());
        assertEquals("n2-standard-2", job.input("machineType").asText());
    }

    @Test
    void startsAfterItsAccessAndDrainsBeforeTheSubscriptionGoes() {
        PlannedResource subscription = prod.get("gcp:pubsub/subscription:Subscription", "hw-prod-feed-dataflow");
        assertTrue(job.dependsOn().contains(subscription.urn()), "deleted before the subscription");
        String sa = "serviceAccount:hw-prod-dataflow@headway-prod.iam.gserviceaccount.com";
        var grants = prod.where(r -> r.type().endsWith("Member") && r.input("member").asText().equals(sa));
        assertEquals(6, grants.size());
        // it may pull the template image from the training repository, and from no other (issue 13)
        PlannedResource pull = prod.get("gcp:artifactregistry/repositoryIamMember:RepositoryIamMember", "hw-prod-training-read-dataflow");
        assertEquals("roles/artifactregistry.reader", pull.input("role").asText());
        assertEquals("hw-prod-training", pull.input("repository").asText());
        assertEquals(1, grants.stream().filter(g -> g.type().contains("artifactregistry")).count());
        for (PlannedResource g : grants) {
            assertTrue(job.dependsOn().contains(g.urn()), "job waits for " + g.name());
        }
        assertTrue(job.dependsOn().stream().anyMatch(u -> u.endsWith("::api-dataflow")));
    }

    @Test
    void configCannotOverrideTheWiredParameters() {
        var error = org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> Synth.stack("prod",
                Map.of("headway:dataflow", "{\"job\": {\"templateGcsPath\": \"gs://headway-prod-templates/t.json\","
                        + " \"parameters\": {\"outputTable\": \"elsewhere\"}}}")));
        assertTrue(String.valueOf(rootMessage(error)).contains("outputTable"), rootMessage(error));
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
