package dev.headway.infra.streaming;

import dev.headway.infra.conventions.Names;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataflowStagingTest {
    static final String BUCKET = "gcp:storage/bucket:Bucket";
    static final String BUCKET_MEMBER = "gcp:storage/bucketIAMMember:BucketIAMMember";
    static final String DATAFLOW_SA = "serviceAccount:hw-dev-dataflow@headway-dev.iam.gserviceaccount.com";
    static final String BUCKET_RULE = "[a-z0-9][-a-z0-9_]{1,61}[a-z0-9]";
    static Plan dev;
    static Plan prod;

    /** Per run of the class, not per class load: under mutation testing each mutant gets its own plans. */
    @BeforeAll
    static void synth() {
        dev = Synth.stack("dev");
        prod = Synth.stack("prod");
    }

    @Test
    void bucketsAreLockedDown() {
        for (PlannedResource b : List.of(dev.get(BUCKET, "headway-dev-hw-dev-dataflow-staging"),
                dev.get(BUCKET, "headway-dev-hw-dev-dataflow-temp"))) {
            assertTrue(b.input("uniformBucketLevelAccess").asBoolean(), b.name());
            assertEquals("enforced", b.input("publicAccessPrevention").asText(), b.name());
            assertEquals("us-east1", b.input("location").asText());
            assertEquals("headway-dev", b.input("project").asText());
            assertEquals("dataflow", b.input("labels.component").asText());
            assertTrue(b.input("forceDestroy").asBoolean(), "dev tears down to nothing");
        }
        assertEquals("headway-dev-hw-dev-dataflow-staging", dev.outputs().get("dataflowStagingBucket").asText());
        assertEquals("headway-dev-hw-dev-dataflow-temp", dev.outputs().get("dataflowTempBucket").asText());
    }

    @Test
    void stagingIsVersionedTempExpires() {
        PlannedResource staging = dev.get(BUCKET, "headway-dev-hw-dev-dataflow-staging");
        assertTrue(staging.input("versioning.enabled").asBoolean());
        assertEquals("ARCHIVED", staging.input("lifecycleRules[0].condition.withState").asText());
        PlannedResource temp = dev.get(BUCKET, "headway-dev-hw-dev-dataflow-temp");
        assertFalse(temp.input("versioning.enabled").asBoolean(true));
        assertEquals("Delete", temp.input("lifecycleRules[0].action.type").asText());
        assertEquals(7, temp.input("lifecycleRules[0].condition.age").asInt());
    }

    @Test
    void prodStagingIsProtectedRetainedAndNeverForceDestroyed() {
        PlannedResource staging = prod.get(BUCKET, "headway-prod-hw-prod-dataflow-staging");
        assertTrue(staging.protect());
        assertTrue(staging.retainOnDelete());
        for (PlannedResource b : prod.ofType(BUCKET)) {
            assertFalse(b.input("forceDestroy").asBoolean(true), b.name());
        }
        PlannedResource devStaging = dev.get(BUCKET, "headway-dev-hw-dev-dataflow-staging");
        assertFalse(devStaging.protect());
        assertFalse(devStaging.retainOnDelete());
    }

    @Test
    void workerHasExactlyItsGrants() {
        List<String> grants = dev.where(r -> r.type().endsWith("Member") && r.input("member").asText().equals(DATAFLOW_SA))
                .stream().map(r -> r.type().replaceAll(".*:", "") + " " + r.input("role").asText()).sorted().toList();
        assertEquals(List.of(
                "BucketIAMMember roles/storage.objectAdmin",
                "BucketIAMMember roles/storage.objectAdmin",
                "DatasetIamMember roles/bigquery.dataEditor",
                // the Flex Template image lives in the training repository (issue 13)
                "IAMMember roles/dataflow.worker",
                "RepositoryIamMember roles/artifactregistry.reader",
                "SubscriptionIAMMember roles/pubsub.subscriber"), grants);
        assertEquals("headway-dev-hw-dev-dataflow-staging",
                dev.get(BUCKET_MEMBER, "hw-dev-dataflow-staging-objectadmin-dataflow").input("bucket").asText());
        assertEquals("headway-dev-hw-dev-dataflow-temp",
                dev.get(BUCKET_MEMBER, "hw-dev-dataflow-temp-objectadmin-dataflow").input("bucket").asText());
    }

    @Test
    void bucketNamesStayValidForTheLongestProjectIds() {
        // Google project ids are at most 30 characters
        String project = "headway-ml-platform-prod-12345";
        Plan plan = Synth.stack("prod", Map.of("gcp:project", project));
        for (PlannedResource b : plan.ofType(BUCKET)) {
            String name = b.input("name").asText();
            assertTrue(name.length() <= 63, name);
            assertTrue(name.matches(BUCKET_RULE), name);
            assertTrue(name.startsWith(project + "-hw-prod-"), name);
        }
        // a name past 63 characters is shortened with a stable hash and stays unique per purpose
        Names names = new Names("prod", "x".repeat(50));
        String staging = names.bucket("dataflow-staging");
        String temp = names.bucket("dataflow-temp");
        assertTrue(staging.length() <= 63 && staging.length() > 55, staging);
        assertTrue(staging.startsWith("x".repeat(50)), staging);
        assertTrue(staging.matches(BUCKET_RULE) && temp.matches(BUCKET_RULE));
        assertNotEquals(staging, temp);
        assertEquals(staging, names.bucket("dataflow-staging"));
    }
}
