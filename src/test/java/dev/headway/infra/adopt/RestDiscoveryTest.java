package dev.headway.infra.adopt;

import dev.headway.infra.UserError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST listers against a fake that refuses what Google refuses: every page read, errors one line, time bounded. */
class RestDiscoveryTest {
    FakeGoogleRest fake;

    @BeforeEach
    void start() throws Exception {
        fake = new FakeGoogleRest("headway-dev");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void listsEveryPageOfEachKind() {
        fake.buckets.addAll(List.of("a-bucket", "b-bucket", "c-bucket"));
        fake.datasets.addAll(List.of("hw_dev_raw", "legacy", "scratch", "z"));
        fake.accountEmails.addAll(List.of("hw-dev-poller@headway-dev.iam.gserviceaccount.com", "123-compute@developer.gserviceaccount.com"));
        RestDiscovery d = new RestDiscovery("headway-dev", "us-east1", "us-east1-b", fake.env(), Duration.ofSeconds(10));
        assertEquals(Set.of("a-bucket", "b-bucket", "c-bucket"), d.list("gcp:storage/bucket:Bucket").orElseThrow().keySet());
        assertEquals(Set.of("hw_dev_raw", "legacy", "scratch", "z"), d.list("gcp:bigquery/dataset:Dataset").orElseThrow().keySet());
        // an account of the project is keyed by its accountId; others keep their email
        assertEquals(Set.of("hw-dev-poller", "123-compute@developer.gserviceaccount.com"),
                d.list("gcp:serviceaccount/account:Account").orElseThrow().keySet());
        assertTrue(fake.requests().stream().allMatch(r -> r.startsWith("GET ")), fake.requests().toString());
        assertTrue(fake.requests().stream().anyMatch(r -> r.contains("pageToken=page-2")), "followed nextPageToken: " + fake.requests());
        assertTrue(d.list("gcp:pubsub/topic:Topic").isEmpty(), "not a REST kind");
    }

    @Test
    void googleAssignedIdsAreFoundByDisplayNameAndNamesCutToTheirId() {
        fake.alertPolicies.addAll(List.of("Headway dev: Dataflow system lag above 600 s", "old lag alert", "cpu", "twice", "twice"));
        fake.notificationChannels.add("Headway dev on-call");
        fake.secrets.addAll(List.of("hw-dev-prefect-api-key", "legacy-key", "x"));
        fake.databases.addAll(List.of("(default)", "hw-dev-predictions"));
        fake.networks.addAll(List.of("default", "hw-dev-vpc", "scripts-vpc"));
        RestDiscovery d = new RestDiscovery("headway-dev", "us-east1", "us-east1-b", fake.env(), Duration.ofSeconds(10));
        Map<String, String> policies = d.list("gcp:monitoring/alertPolicy:AlertPolicy").orElseThrow();
        assertEquals("projects/headway-dev/alertPolicies/1000", policies.get("Headway dev: Dataflow system lag above 600 s"));
        assertEquals("projects/headway-dev/alertPolicies/1002", policies.get("cpu"), "the third, on the second page");
        assertEquals(RestDiscovery.AMBIGUOUS, policies.get("twice"), "two policies share the display name");
        assertEquals(Map.of("Headway dev on-call", "projects/headway-dev/notificationChannels/1000"),
                d.list("gcp:monitoring/notificationChannel:NotificationChannel").orElseThrow());
        // Secret Manager names hold the project number: the id is the last segment
        assertEquals(Set.of("hw-dev-prefect-api-key", "legacy-key", "x"), d.list("gcp:secretmanager/secret:Secret").orElseThrow().keySet());
        assertEquals(Set.of("(default)", "hw-dev-predictions"), d.list("gcp:firestore/database:Database").orElseThrow().keySet());
        assertEquals(Set.of("default", "hw-dev-vpc", "scripts-vpc"), d.list("gcp:compute/network:Network").orElseThrow().keySet());
        assertEquals(Set.of(), d.list("gcp:compute/firewall:Firewall").orElseThrow().keySet());
        assertTrue(fake.requests().stream().noneMatch(r -> r.contains("/databases?")), "databases.list takes no page parameters: " + fake.requests());
    }

    @Test
    void regionalKindsAreListedInTheStacksRegionAndZone() {
        fake.subnetworks.add("hw-dev-subnet");
        fake.routers.addAll(List.of("hw-dev-router", "scripts-router", "r3"));
        fake.instances.add("mta-poller");
        fake.repositories.addAll(List.of("hw-dev-training", "docker"));
        fake.pools.add("hw-dev-ci");
        fake.endpoints.add("4455667788");
        fake.tensorboards.add("hw-dev-experiments");
        RestDiscovery d = new RestDiscovery("headway-dev", "us-east1", "us-east1-b", fake.env(), Duration.ofSeconds(10));
        assertEquals(Set.of("hw-dev-subnet"), d.list("gcp:compute/subnetwork:Subnetwork").orElseThrow().keySet());
        assertEquals(Set.of("hw-dev-router", "scripts-router", "r3"), d.list("gcp:compute/router:Router").orElseThrow().keySet());
        assertEquals(Set.of("mta-poller"), d.list("gcp:compute/instance:Instance").orElseThrow().keySet());
        assertEquals(Set.of("hw-dev-training", "docker"), d.list("gcp:artifactregistry/repository:Repository").orElseThrow().keySet());
        assertEquals(Set.of("hw-dev-ci"), d.list("gcp:iam/workloadIdentityPool:WorkloadIdentityPool").orElseThrow().keySet());
        assertEquals(Set.of("4455667788"), d.list("gcp:vertex/aiEndpoint:AiEndpoint").orElseThrow().keySet());
        assertEquals(Map.of("hw-dev-experiments", "7000"), d.list("gcp:vertex/aiTensorboard:AiTensorboard").orElseThrow());
        assertTrue(fake.requests().stream().anyMatch(r -> r.contains("/regions/us-east1/routers")), fake.requests().toString());
        assertTrue(fake.requests().stream().anyMatch(r -> r.contains("/zones/us-east1-b/instances")), fake.requests().toString());
    }

    @Test
    void natsNodePoolsAndJobsAreListedInsideTheirParentsAndTheStacksRegion() {
        fake.routers.addAll(List.of("hw-dev-router", "scripts-router", "r3"));
        fake.routerNats.put("hw-dev-router", List.of("hw-dev-nat"));
        fake.routerNats.put("r3", List.of("scripts-nat", "hw-dev-nat"));
        fake.clusters.put("hw-prod-training", List.of("hw-prod-training-system", "hw-prod-training-gpu"));
        fake.clusters.put("scripts-gke", List.of("default-pool"));
        fake.runJobs.addAll(List.of("hw-prod-batch-worker", "nightly", "old"));
        fake.schedulerJobs.addAll(List.of("hw-prod-batch-refresh", "cron-a", "cron-b"));
        RestDiscovery d = new RestDiscovery("headway-dev", "us-east1", "us-east1-b", fake.env(), Duration.ofSeconds(10));
        Map<String, String> nats = d.list("gcp:compute/routerNat:RouterNat").orElseThrow();
        assertEquals(Set.of("hw-dev-nat", "scripts-nat"), nats.keySet(), "NATs of every router, on every page");
        assertEquals(RestDiscovery.AMBIGUOUS, nats.get("hw-dev-nat"), "two routers hold a NAT of that name");
        assertEquals(Set.of("hw-prod-training", "scripts-gke"), d.list("gcp:container/cluster:Cluster").orElseThrow().keySet());
        assertEquals(Set.of("hw-prod-training-system", "hw-prod-training-gpu", "default-pool"),
                d.list("gcp:container/nodePool:NodePool").orElseThrow().keySet());
        assertEquals(Set.of("hw-prod-batch-worker", "nightly", "old"), d.list("gcp:cloudrunv2/job:Job").orElseThrow().keySet());
        assertEquals(Set.of("hw-prod-batch-refresh", "cron-a", "cron-b"), d.list("gcp:cloudscheduler/job:Job").orElseThrow().keySet());
        assertTrue(fake.requests().stream().anyMatch(r -> r.startsWith("GET /v2/projects/headway-dev/locations/us-east1/jobs")), fake.requests().toString());
        assertTrue(fake.requests().stream().anyMatch(r -> r.equals("GET /v1/projects/headway-dev/locations/us-east1/clusters")), fake.requests().toString());
    }

    @Test
    void tablesAndProvidersAreListedUnderEachDatasetAndPoolThatExists() {
        fake.datasets.addAll(List.of("hw_dev_raw", "hw_dev_clean", "legacy"));
        fake.tables.put("hw_dev_raw", List.of("trip_updates", "a", "events"));
        fake.tables.put("legacy", List.of("events"));
        fake.pools.addAll(List.of("hw-dev-ci", "scripts-pool"));
        fake.providers.put("hw-dev-ci", List.of("hw-dev-github"));
        RestDiscovery d = new RestDiscovery("headway-dev", "us-east1", "us-east1-b", fake.env(), Duration.ofSeconds(10));
        Map<String, String> tables = d.list("gcp:bigquery/table:Table").orElseThrow();
        assertEquals(Set.of("trip_updates", "a", "events"), tables.keySet());
        assertEquals(RestDiscovery.AMBIGUOUS, tables.get("events"), "two datasets hold a table of that id");
        assertEquals(Set.of("hw-dev-github"), d.list("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider").orElseThrow().keySet());
        assertTrue(fake.requests().stream().anyMatch(r -> r.contains("/datasets/hw_dev_raw/tables?maxResults=1000&pageToken=page-2")),
                "followed the tables' nextPageToken: " + fake.requests());
        assertTrue(fake.requests().stream().anyMatch(r -> r.contains("/workloadIdentityPools/scripts-pool/providers")), fake.requests().toString());
    }

    /** The prod plan's cluster, node pools and jobs, found by the listers, go into the import with their provider ids. */
    @Test
    void prodsClusterPoolsAndJobsAreImportedWithTheirIds() throws Exception {
        var plan = ImportIdsTest.committed("prod");
        try (FakeGoogleRest prod = new FakeGoogleRest(plan.project())) {
            prod.clusters.put("hw-prod-training", List.of("hw-prod-training-system", "hw-prod-training-gpu"));
            prod.runJobs.add("hw-prod-batch-worker");
            prod.schedulerJobs.add("hw-prod-batch-refresh");
            RestDiscovery d = new RestDiscovery(plan.project(), "us-east1", "us-east1-c", prod.env(), Duration.ofSeconds(10));
            Adoption a = Adoption.of(plan, Map.of(), Discovery.of(d), ImportIds.get());
            Map<String, String> ids = new java.util.TreeMap<>();
            a.with(Adoption.Status.IMPORT).forEach(e -> ids.put(e.resource().name(), e.id()));
            String p = plan.project();
            assertEquals("projects/" + p + "/locations/us-east1/clusters/hw-prod-training", ids.get("hw-prod-training"));
            assertEquals(p + "/us-east1/hw-prod-training/hw-prod-training-gpu", ids.get("hw-prod-training-gpu"));
            assertEquals(p + "/us-east1/hw-prod-training/hw-prod-training-system", ids.get("hw-prod-training-system"));
            assertEquals("projects/" + p + "/locations/us-east1/jobs/hw-prod-batch-worker", ids.get("hw-prod-batch-worker"));
            assertEquals("projects/" + p + "/locations/us-east1/jobs/hw-prod-batch-refresh", ids.get("hw-prod-batch-refresh"));
        }
    }

    @Test
    void theFakeRefusesWhatGoogleRefuses() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        Map<String, String> refused = Map.of(
                "/v1/projects/headway-dev/locations/us-east1/clusters?pageSize=10", "400 INVALID_ARGUMENT",
                "/v2/projects/headway-dev/locations/global/jobs", "400 INVALID_ARGUMENT",
                "/v1/projects/other/locations/us-east1/jobs", "403 PERMISSION_DENIED",
                "/bigquery/v2/projects/headway-dev/datasets/nope/tables", "404 Not found: Dataset headway-dev:nope",
                "/v1/projects/headway-dev/locations/global/workloadIdentityPools/nope/providers", "404 Requested entity was not found");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            var resp = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(fake.url() + e.getKey())).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            String[] want = e.getValue().split(" ", 2);
            assertEquals(Integer.parseInt(want[0]), resp.statusCode(), e.getKey());
            assertTrue(resp.body().contains(want[1]), e.getKey() + ": " + resp.body());
        }
    }

    @Test
    void aRefusalIsOneLineAndExitThree() {
        RestDiscovery d = new RestDiscovery("someone-elses-project", "us-east1", "us-east1-b", fake.env(), Duration.ofSeconds(10));
        UserError e = assertThrows(UserError.class, () -> d.list("gcp:storage/bucket:Bucket"));
        assertEquals(UserError.ENVIRONMENT, e.exitCode());
        assertTrue(e.getMessage().contains("HTTP 403") && e.getMessage().contains("storage.buckets.list"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void aSlowServiceIsCutOffAtTheTimeout() {
        fake.delayMillis = 5000;
        RestDiscovery d = new RestDiscovery("headway-dev", "us-east1", "us-east1-b", fake.env(), Duration.ofSeconds(1));
        Instant start = Instant.now();
        UserError e = assertThrows(UserError.class, () -> d.list("gcp:bigquery/dataset:Dataset"));
        assertTrue(Duration.between(start, Instant.now()).toMillis() < 4000, "bounded by --timeout");
        assertTrue(e.getMessage().contains("no answer within 1 s"), e.getMessage());
    }

    @Test
    void aPlainHttpEndpointOffLoopbackIsRefused() {
        RestDiscovery d = new RestDiscovery("headway-dev", "us-east1", "us-east1-b", Map.of("HEADWAY_STORAGE_ENDPOINT", "http://storage.example.com"), Duration.ofSeconds(1));
        UserError e = assertThrows(UserError.class, () -> d.list("gcp:storage/bucket:Bucket"));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("credentials are sent only to *.googleapis.com"), e.getMessage());
    }
}
