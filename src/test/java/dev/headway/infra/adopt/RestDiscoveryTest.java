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
