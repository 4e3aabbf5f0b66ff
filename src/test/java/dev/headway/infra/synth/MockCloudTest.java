package dev.headway.infra.synth;

import com.google.common.collect.ImmutableMap;
import com.pulumi.test.Mocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stand-in cloud must answer with the ids and computed outputs Google and the provider
 * produce, because resources take these values from one another and the reviewed plans show them.
 * Each expected value below is the format the provider (terraform-provider-google-beta v5.0.0,
 * google-beta/services/...) or Google's API documentation gives, not whatever MockCloud returns.
 */
class MockCloudTest {
    private static final MockCloud CLOUD = new MockCloud("hw-dev", "us-east1");

    private static Mocks.ResourceResult create(String type, String name, Map<String, Object> inputs) {
        return CLOUD.newResourceAsync(new Mocks.ResourceArgs(type, name, inputs, null, null)).join();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> state(Mocks.ResourceResult result) {
        return (Map<String, Object>) result.state;
    }

    static Stream<Arguments> idsInTheProvidersFormat() {
        return Stream.of(
                // resourcemanager/resource_google_project_service.go: id := project + "/" + srv
                Arguments.of(Types.PROJECT_SERVICE, Map.of("service", "pubsub.googleapis.com"),
                        "hw-dev/pubsub.googleapis.com"),
                // compute/resource_compute_network.go: "projects/{{project}}/global/networks/{{name}}"
                Arguments.of(Types.COMPUTE_NETWORK, Map.of("name", "vpc"), "projects/hw-dev/global/networks/vpc"),
                // compute/resource_compute_subnetwork.go: "projects/{{project}}/regions/{{region}}/subnetworks/{{name}}"
                Arguments.of(Types.COMPUTE_SUBNETWORK, Map.of("name", "sub", "region", "europe-west1"),
                        "projects/hw-dev/regions/europe-west1/subnetworks/sub"),
                // compute/resource_compute_router.go: "projects/{{project}}/regions/{{region}}/routers/{{name}}"
                Arguments.of(Types.COMPUTE_ROUTER, Map.of("name", "rt"), "projects/hw-dev/regions/us-east1/routers/rt"),
                // compute/resource_compute_firewall.go: "projects/{{project}}/global/firewalls/{{name}}"
                Arguments.of(Types.COMPUTE_FIREWALL, Map.of("name", "fw"), "projects/hw-dev/global/firewalls/fw"),
                // compute/resource_compute_instance.go: "projects/%s/zones/%s/instances/%s"
                Arguments.of(Types.COMPUTE_INSTANCE, Map.of("name", "poller", "zone", "us-east1-c"),
                        "projects/hw-dev/zones/us-east1-c/instances/poller"),
                // resourcemanager/resource_google_service_account.go: d.SetId(sa.Name), the API's
                // projects/{project}/serviceAccounts/{email}
                Arguments.of(Types.SERVICE_ACCOUNT, Map.of("accountId", "trainer"),
                        "projects/hw-dev/serviceAccounts/trainer@hw-dev.iam.gserviceaccount.com"),
                // storage/resource_storage_bucket.go: d.SetId(res.Id), the bucket's name
                Arguments.of(Types.STORAGE_BUCKET, Map.of("name", "hw-dev-data"), "hw-dev-data"),
                // pubsub/resource_pubsub_topic.go, resource_pubsub_subscription.go
                Arguments.of(Types.PUBSUB_TOPIC, Map.of("name", "feed"), "projects/hw-dev/topics/feed"),
                Arguments.of(Types.PUBSUB_SUBSCRIPTION, Map.of("name", "feed-sub"), "projects/hw-dev/subscriptions/feed-sub"),
                // bigquery/resource_bigquery_dataset.go: "projects/{{project}}/datasets/{{dataset_id}}"
                Arguments.of(Types.BIGQUERY_DATASET, Map.of("datasetId", "raw"), "projects/hw-dev/datasets/raw"),
                // bigquery/resource_bigquery_table.go: "projects/%s/datasets/%s/tables/%s"
                Arguments.of(Types.BIGQUERY_TABLE, Map.of("datasetId", "raw", "tableId", "events"),
                        "projects/hw-dev/datasets/raw/tables/events"),
                // artifactregistry/resource_artifact_registry_repository.go
                Arguments.of(Types.ARTIFACT_REPOSITORY, Map.of("repositoryId", "images", "location", "us"),
                        "projects/hw-dev/locations/us/repositories/images"),
                // resourcemanager/resource_project_service_identity.go: "projects/{{project}}/services/{{service}}"
                Arguments.of(Types.PROJECT_SERVICE_IDENTITY, Map.of("service", "pubsub.googleapis.com"),
                        "projects/hw-dev/services/pubsub.googleapis.com"),
                // vertexai/resource_vertex_ai_endpoint.go
                Arguments.of(Types.VERTEX_ENDPOINT, Map.of("name", "scorer"), "projects/hw-dev/locations/us-east1/endpoints/scorer"),
                // vertexai/resource_vertex_ai_tensorboard.go: id is "{{name}}", the API's full name
                Arguments.of(Types.VERTEX_TENSORBOARD, Map.of("region", "us-east1"),
                        "projects/123456789012/locations/us-east1/tensorboards/1234567890123456789"),
                // container/resource_container_cluster.go: containerClusterFullName
                Arguments.of(Types.GKE_CLUSTER, Map.of("name", "gpu", "location", "us-east1"),
                        "projects/hw-dev/locations/us-east1/clusters/gpu"),
                // secretmanager/resource_secret_manager_secret.go: "projects/{{project}}/secrets/{{secret_id}}"
                Arguments.of(Types.SECRET, Map.of("secretId", "token"), "projects/hw-dev/secrets/token"),
                // firestore/resource_firestore_database.go: "projects/{{project}}/databases/{{name}}"
                Arguments.of(Types.FIRESTORE_DATABASE, Map.of("name", "predictions"), "projects/hw-dev/databases/predictions"),
                // cloudrunv2/resource_cloud_run_v2_job.go
                Arguments.of(Types.CLOUD_RUN_JOB, Map.of("name", "ingest", "location", "us-east1"),
                        "projects/hw-dev/locations/us-east1/jobs/ingest"),
                // iambeta/resource_iam_workload_identity_pool.go: built from the project id
                Arguments.of(Types.WORKLOAD_IDENTITY_POOL, Map.of("workloadIdentityPoolId", "ci"),
                        "projects/hw-dev/locations/global/workloadIdentityPools/ci"),
                // iambeta/resource_iam_workload_identity_pool_provider.go
                Arguments.of(Types.WORKLOAD_IDENTITY_POOL_PROVIDER,
                        Map.of("workloadIdentityPoolId", "ci", "workloadIdentityPoolProviderId", "github"),
                        "projects/hw-dev/locations/global/workloadIdentityPools/ci/providers/github"),
                // a type with no computed id keeps the resource's name
                Arguments.of(Types.PROJECT_IAM_MEMBER, Map.of(), "binding"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void idsInTheProvidersFormat(String type, Map<String, Object> inputs, String id) {
        assertEquals(id, create(type, "binding", inputs).id.orElseThrow());
    }

    @Test
    void computeResourcesGetASelfLinkUnderTheComputeV1Api() {
        // https://cloud.google.com/compute/docs/reference/rest/v1/networks: selfLink is the
        // resource's URL under https://www.googleapis.com/compute/v1/
        Map<String, Object> out = state(create(Types.COMPUTE_NETWORK, "vpc", Map.of("name", "vpc")));
        assertEquals("https://www.googleapis.com/compute/v1/projects/hw-dev/global/networks/vpc", out.get("selfLink"));
    }

    @Test
    void anInstanceWithoutAZoneLandsInTheRegionsBZoneWithANumericInstanceId() {
        Mocks.ResourceResult result = create(Types.COMPUTE_INSTANCE, "poller", Map.of("name", "poller"));
        assertEquals("projects/hw-dev/zones/us-east1-b/instances/poller", result.id.orElseThrow());
        // https://cloud.google.com/compute/docs/reference/rest/v1/instances: id is a uint64
        assertTrue(String.valueOf(state(result).get("instanceId")).matches("\\d+"));
    }

    @Test
    void aServiceAccountHasItsEmailMemberAndNumericUniqueId() {
        // https://cloud.google.com/iam/docs/service-accounts#user-managed: ACCOUNT_ID@PROJECT_ID.iam.gserviceaccount.com;
        // https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts: uniqueId is a 21-digit number
        Map<String, Object> out = state(create(Types.SERVICE_ACCOUNT, "trainer", Map.of("accountId", "trainer")));
        assertEquals("trainer@hw-dev.iam.gserviceaccount.com", out.get("email"));
        assertEquals("serviceAccount:trainer@hw-dev.iam.gserviceaccount.com", out.get("member"));
        assertEquals("projects/hw-dev/serviceAccounts/trainer@hw-dev.iam.gserviceaccount.com", out.get("name"));
        assertTrue(String.valueOf(out.get("uniqueId")).matches("\\d{21}"));
    }

    @Test
    void aBucketHasItsGsUrlAndJsonApiSelfLink() {
        // storage/resource_storage_bucket.go: url is gs://<bucket-name>;
        // https://cloud.google.com/storage/docs/json_api/v1/buckets: selfLink under storage/v1/b/
        Map<String, Object> out = state(create(Types.STORAGE_BUCKET, "data", Map.of("name", "hw-dev-data")));
        assertEquals("gs://hw-dev-data", out.get("url"));
        assertEquals("https://www.googleapis.com/storage/v1/b/hw-dev-data", out.get("selfLink"));
        assertEquals("hw-dev", out.get("project"), "the provider's default project fills an unset project");
    }

    static Stream<Arguments> serviceAgents() {
        // https://cloud.google.com/iam/docs/service-agents: service-PROJECT_NUMBER@<domain>
        return Stream.of(
                Arguments.of("pubsub.googleapis.com", "service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com"),
                Arguments.of("aiplatform.googleapis.com", "service-123456789012@gcp-sa-aiplatform.iam.gserviceaccount.com"),
                Arguments.of("dataflow.googleapis.com", "service-123456789012@dataflow-service-producer-prod.iam.gserviceaccount.com"),
                Arguments.of("secretmanager.googleapis.com", "service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void serviceAgents(String service, String email) {
        Map<String, Object> out = state(create(Types.PROJECT_SERVICE_IDENTITY, "agent", Map.of("service", service)));
        assertEquals(email, out.get("email"));
        assertEquals("serviceAccount:" + email, out.get("member"));
    }

    @Test
    void aFlexTemplateJobRunsUnderADataflowJobId() {
        // https://cloud.google.com/dataflow/docs/reference/rest/v1b3/projects.jobs: ids look like
        // 2024-01-01_00_00_00-<number>; dataflow/resource_dataflow_flex_template_job.go: d.SetId(job.Id)
        Mocks.ResourceResult result = create(Types.DATAFLOW_FLEX_TEMPLATE_JOB, "ingest", Map.of("name", "ingest"));
        String id = result.id.orElseThrow();
        assertTrue(id.matches("\\d{4}-\\d{2}-\\d{2}_\\d{2}_\\d{2}_\\d{2}-\\d+"), id);
        assertEquals(id, state(result).get("jobId"));
        assertEquals("JOB_STATE_RUNNING", state(result).get("state"));
    }

    @Test
    void namesTheApiReturnsCarryTheProjectNumber() {
        // secretmanager and iambeta flatten `name` from the API, which answers with the project number
        assertEquals("projects/123456789012/secrets/token",
                state(create(Types.SECRET, "token", Map.of("secretId", "token"))).get("name"));
        assertEquals("projects/123456789012/locations/global/workloadIdentityPools/ci",
                state(create(Types.WORKLOAD_IDENTITY_POOL, "ci", Map.of("workloadIdentityPoolId", "ci"))).get("name"));
        // artifactregistry flattens name with NameFromSelfLinkStateFunc: the short repository id
        assertEquals("images", state(create(Types.ARTIFACT_REPOSITORY, "images",
                Map.of("repositoryId", "images", "location", "us"))).get("name"));
    }

    @Test
    void aNotificationChannelIsNamedByANumericChannelId() {
        // monitoring/resource_monitoring_notification_channel.go: id is "{{name}}",
        // projects/[PROJECT_ID]/notificationChannels/[CHANNEL_ID]
        Mocks.ResourceResult result = create(Types.MONITORING_NOTIFICATION_CHANNEL, "oncall", Map.of());
        assertTrue(result.id.orElseThrow().matches("projects/hw-dev/notificationChannels/\\d+"), result.id.get());
        assertEquals(result.id.get(), state(result).get("name"));
    }

    @Test
    void aClusterHasAnEndpointAndItsCaCertificate() {
        Map<String, Object> out = state(create(Types.GKE_CLUSTER, "gpu", Map.of("name", "gpu")));
        assertTrue(String.valueOf(out.get("endpoint")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
        assertTrue(((Map<?, ?>) out.get("masterAuth")).containsKey("clusterCaCertificate"));
    }

    @Test
    void getProjectAnswersWithTheProjectAndItsNumber() {
        // https://cloud.google.com/resource-manager/reference/rest/v3/projects: a 12-digit number
        Map<String, Object> project = CLOUD.callAsync(new Mocks.CallArgs(Types.INVOKE_GET_PROJECT, ImmutableMap.of(), null)).join();
        assertEquals("hw-dev", project.get("projectId"));
        assertEquals("123456789012", project.get("number"));
        assertEquals("projects/hw-dev", project.get("id"));
    }

    @Test
    void otherInvokesAnswerNothing() {
        assertEquals(Map.of(), CLOUD.callAsync(new Mocks.CallArgs("gcp:compute/getZones:getZones", ImmutableMap.of(), null)).join());
    }
}
