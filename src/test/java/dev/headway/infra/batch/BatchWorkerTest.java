package dev.headway.infra.batch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchWorkerTest {
    static final String RUN_JOB = "gcp:cloudrunv2/job:Job";
    static final String SCHEDULER = "gcp:cloudscheduler/job:Job";

    @Test
    void prodRunsTheWorkerAsItsOwnAccountWithImageEnvAndResources() {
        Plan plan = Synth.stack("prod");
        PlannedResource job = plan.get(RUN_JOB, "hw-prod-batch-worker");
        JsonNode container = job.input("template.template.containers[0]");
        assertEquals("us-east1-docker.pkg.dev/headway-prod/hw-prod-training/headway-batch@sha256:0f3d6797544d32d19d5db136ce33295690fd239e524f73ea4679be1a88fd7d42", container.path("image").asText());
        assertEquals("hw-prod-batch@headway-prod.iam.gserviceaccount.com", job.input("template.template.serviceAccount").asText());
        assertEquals("2", container.path("resources").path("limits").path("cpu").asText());
        assertEquals("4Gi", container.path("resources").path("limits").path("memory").asText());
        assertEquals("batch", job.input("labels.component").asText());
        assertEquals("hw_prod_raw", env(container, "HEADWAY_RAW_DATASET").path("value").asText());
        assertEquals("headway-prod", env(container, "GOOGLE_CLOUD_PROJECT").path("value").asText());
        String accessor = plan.get("gcp:secretmanager/secretIamMember:SecretIamMember", "hw-prod-prefect-api-key-accessor").urn();
        assertTrue(job.dependsOn().contains(accessor), "the job starts with its secret access in place");
    }

    @Test
    void secretsAreReferencedFromSecretManagerNeverPlain() {
        Plan plan = Synth.stack("prod");
        JsonNode container = plan.get(RUN_JOB, "hw-prod-batch-worker").input("template.template.containers[0]");
        JsonNode key = env(container, "PREFECT_API_KEY");
        assertTrue(key.path("value").isMissingNode(), "no plain value: " + key);
        assertEquals("hw-prod-prefect-api-key", key.path("valueSource").path("secretKeyRef").path("secret").asText());
        assertEquals("latest", key.path("valueSource").path("secretKeyRef").path("version").asText());
        PlannedResource secret = plan.get("gcp:secretmanager/secret:Secret", "hw-prod-prefect-api-key");
        assertTrue(secret.protect() && secret.retainOnDelete());
        assertTrue(plan.ofType("gcp:secretmanager/secretVersion:SecretVersion").isEmpty(), "values never pass through the program");
        PlannedResource grant = plan.get("gcp:secretmanager/secretIamMember:SecretIamMember", "hw-prod-prefect-api-key-accessor");
        assertEquals("roles/secretmanager.secretAccessor", grant.input("role").asText());
        assertEquals("hw-prod-prefect-api-key", grant.input("secretId").asText());
        assertEquals("serviceAccount:hw-prod-batch@headway-prod.iam.gserviceaccount.com", grant.input("member").asText());
        for (JsonNode e : container.path("envs")) {
            assertFalse(e.path("value").asText().toLowerCase().contains("key"), e.toString());
        }
    }

    @Test
    void schedulerRunsTheJobWithAnOAuthTokenOfAnAccountThatMayInvokeOnlyThisJob() {
        Plan plan = Synth.stack("prod");
        PlannedResource trigger = plan.get(SCHEDULER, "hw-prod-batch-refresh");
        assertEquals("0 6 2 * *", trigger.input("schedule").asText());
        assertEquals("America/New_York", trigger.input("timeZone").asText());
        assertEquals("POST", trigger.input("httpTarget.httpMethod").asText());
        assertEquals("https://run.googleapis.com/v2/projects/headway-prod/locations/us-east1/jobs/hw-prod-batch-worker:run",
                trigger.input("httpTarget.uri").asText());
        assertEquals("hw-prod-batch@headway-prod.iam.gserviceaccount.com", trigger.input("httpTarget.oauthToken.serviceAccountEmail").asText());
        PlannedResource invoker = plan.get("gcp:cloudrunv2/jobIamMember:JobIamMember", "hw-prod-batch-worker-invoker");
        assertEquals("roles/run.invoker", invoker.input("role").asText());
        assertEquals("hw-prod-batch-worker", invoker.input("name").asText());
        assertTrue(trigger.dependsOn().contains(invoker.urn()));
        assertTrue(plan.where(r -> r.type().equals("gcp:projects/iAMMember:IAMMember")
                && r.input("role").asText().startsWith("roles/run.")
                && !r.input("member").asText().matches("serviceAccount:hw-prod-(deployer|previewer)@.*")).isEmpty(),
                "no project-wide Cloud Run role but CI's (which deploy and preview the job)");
    }

    @Test
    void devHasNoBatchWorkerUnlessSwitchedOn() {
        Plan dev = Synth.stack("dev");
        assertTrue(dev.ofType(RUN_JOB).isEmpty());
        assertTrue(dev.ofType(SCHEDULER).isEmpty());
        assertTrue(dev.find("gcp:projects/service:Service", "api-run").isEmpty());
        // switched on before CI pushed the worker image: nothing to run yet, so no job (issue 13, bootstrap)
        Plan noImage = Synth.stack("dev", Map.of("headway:batch", "{\"enabled\": true}"));
        assertTrue(noImage.ofType(RUN_JOB).isEmpty());
        Plan on = Synth.stack("dev", Map.of("headway:batch", "{\"enabled\": true, \"secrets\": [\"a-token\", \"b_key\"], "
                + "\"image\": \"headway-batch@sha256:" + "0".repeat(64) + "\"}"));
        assertEquals(1, on.ofType(RUN_JOB).size());
        assertEquals(2, on.ofType("gcp:secretmanager/secret:Secret").size());
        assertFalse(on.get("gcp:secretmanager/secret:Secret", "hw-dev-b_key").protect());
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("envs")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("envs"));
    }
}
