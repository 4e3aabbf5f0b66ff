package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.PlannedResource;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every resource type of both reviewed plans has an import id in its provider's format, and each plan
 * resource's id is built from its own inputs. The expected ids are written out by hand from the "Import"
 * sections of hashicorp/terraform-provider-google-beta v5.0.0 {@code website/docs/r/<doc>} (the doc each rule
 * names) and pulumi-kubernetes' {@code parseFqName}; a wrong template in {@code adopt/import-ids.json} fails here.
 */
class ImportIdsTest {
    static final ImportIds IDS = ImportIds.get();

    /** One resource per type: (stack, type, name) to the id the provider's import doc gives for it. */
    static final Map<List<String>, String> EXPECTED = new LinkedHashMap<>();

    static {
        // projects/{{project}}/locations/{{location}}/repositories/{{repository_id}}
        expect("dev", "gcp:artifactregistry/repository:Repository", "hw-dev-pipelines", "projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines");
        // "projects/{{project}}/locations/{{location}}/repositories/{{repository}} roles/artifactregistry.reader user:jane@example.com"
        expect("dev", "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember", "hw-dev-pipelines-read-pipelines",
                "projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines roles/artifactregistry.reader serviceAccount:hw-dev-pipelines@headway-dev.iam.gserviceaccount.com");
        // projects/{{project}}/locations/global/workloadIdentityPools/{{workload_identity_pool_id}}
        expect("dev", "gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "hw-dev-ci", "projects/headway-dev/locations/global/workloadIdentityPools/hw-dev-ci");
        expect("dev", "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "hw-dev-github",
                "projects/headway-dev/locations/global/workloadIdentityPools/hw-dev-ci/providers/hw-dev-github");
        // "your-project-id roles/viewer user:foo@example.com"
        expect("dev", "gcp:projects/iAMMember:IAMMember", "hw-deployer-compute-networkAdmin",
                "headway-dev roles/compute.networkAdmin serviceAccount:hw-dev-deployer@headway-dev.iam.gserviceaccount.com");
        // projects/{{project}}/roles/{{role_id}}
        expect("dev", "gcp:projects/iAMCustomRole:IAMCustomRole", "hwFirestoreMetadataViewer", "projects/headway-dev/roles/hwFirestoreMetadataViewer");
        // "projects/{your-project-id}/serviceAccounts/{your-service-account-email} roles/editor user:foo@example.com"
        expect("dev", "gcp:serviceaccount/iAMMember:IAMMember", "deployer-actas-batch",
                "projects/headway-dev/serviceAccounts/hw-dev-batch@headway-dev.iam.gserviceaccount.com roles/iam.serviceAccountUser serviceAccount:hw-dev-deployer@headway-dev.iam.gserviceaccount.com");
        // projects/my-project/serviceAccounts/my-sa@my-project.iam.gserviceaccount.com
        expect("dev", "gcp:serviceaccount/account:Account", "hw-dev-batch", "projects/headway-dev/serviceAccounts/hw-dev-batch@headway-dev.iam.gserviceaccount.com");
        expect("dev", "gcp:compute/firewall:Firewall", "hw-dev-allow-dataflow-internal", "projects/headway-dev/global/firewalls/hw-dev-allow-dataflow-internal");
        expect("dev", "gcp:compute/network:Network", "hw-dev-vpc", "projects/headway-dev/global/networks/hw-dev-vpc");
        expect("dev", "gcp:compute/router:Router", "hw-dev-router", "projects/headway-dev/regions/us-east1/routers/hw-dev-router");
        // projects/{{project}}/regions/{{region}}/routers/{{router}}/{{name}}
        expect("dev", "gcp:compute/routerNat:RouterNat", "hw-dev-nat", "projects/headway-dev/regions/us-east1/routers/hw-dev-router/hw-dev-nat");
        expect("dev", "gcp:compute/subnetwork:Subnetwork", "hw-dev-subnet", "projects/headway-dev/regions/us-east1/subnetworks/hw-dev-subnet");
        // your-project-id/iam.googleapis.com
        expect("dev", "gcp:projects/service:Service", "api-aiplatform", "headway-dev/aiplatform.googleapis.com");
        // {{name}}: projects/<project>/alertPolicies/<id>, assigned by Google
        expect("dev", "gcp:monitoring/alertPolicy:AlertPolicy", "hw-dev-dataflow-lag", "projects/headway-dev/alertPolicies/4242");
        expect("dev", "gcp:monitoring/notificationChannel:NotificationChannel", "hw-dev-alerts-email", "projects/headway-dev/notificationChannels/4242");
        expect("dev", "gcp:projects/serviceIdentity:ServiceIdentity", "aiplatform-service-agent", null);
        // projects/{{project}}/locations/{{location}}/endpoints/{{name}}
        expect("dev", "gcp:vertex/aiEndpoint:AiEndpoint", "hw-dev-headway-gru", "projects/headway-dev/locations/us-east1/endpoints/172385842");
        expect("dev", "gcp:firestore/database:Database", "hw-dev-predictions", "projects/headway-dev/databases/hw-dev-predictions");
        // projects/{{project}}/locations/{{region}}/tensorboards/{{name}}, name assigned by Google
        expect("dev", "gcp:vertex/aiTensorboard:AiTensorboard", "hw-dev-experiments", "projects/headway-dev/locations/us-east1/tensorboards/4242");
        // project/name
        expect("dev", "gcp:storage/bucket:Bucket", "headway-dev-hw-dev-dataflow-staging", "headway-dev/headway-dev-hw-dev-dataflow-staging");
        // "b/{{bucket}} roles/storage.objectViewer user:jane@example.com"
        expect("dev", "gcp:storage/bucketIAMMember:BucketIAMMember", "hw-dev-dataflow-staging-objectadmin-dataflow",
                "b/headway-dev-hw-dev-dataflow-staging roles/storage.objectAdmin serviceAccount:hw-dev-dataflow@headway-dev.iam.gserviceaccount.com");
        expect("dev", "gcp:pubsub/subscription:Subscription", "hw-dev-feed-dataflow", "projects/headway-dev/subscriptions/hw-dev-feed-dataflow");
        expect("dev", "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember", "hw-dev-feed-dataflow-subscribe-dataflow",
                "projects/headway-dev/subscriptions/hw-dev-feed-dataflow roles/pubsub.subscriber serviceAccount:hw-dev-dataflow@headway-dev.iam.gserviceaccount.com");
        expect("dev", "gcp:pubsub/topic:Topic", "hw-dev-feed", "projects/headway-dev/topics/hw-dev-feed");
        expect("dev", "gcp:pubsub/topicIAMMember:TopicIAMMember", "hw-dev-feed-publish-poller",
                "projects/headway-dev/topics/hw-dev-feed roles/pubsub.publisher serviceAccount:hw-dev-poller@headway-dev.iam.gserviceaccount.com");
        expect("dev", "gcp:compute/instance:Instance", "hw-dev-poller", "projects/headway-dev/zones/us-east1-b/instances/hw-dev-poller");
        // projects/{{project}}/services/{{service}}/consumerQuotaMetrics/{{metric}}/limits/{{limit}}/consumerOverrides/{{name}}
        expect("dev", "gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride", "training-vertex-gpu-quota-override",
                "projects/headway-dev/services/aiplatform.googleapis.com/consumerQuotaMetrics/aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_gpus/limits/%2Fproject%2Fregion/consumerOverrides/4242");
        expect("dev", "gcp:bigquery/dataset:Dataset", "hw_dev_clean", "projects/headway-dev/datasets/hw_dev_clean");
        // "projects/your-project-id/datasets/dataset-id roles/viewer user:foo@example.com"
        expect("dev", "gcp:bigquery/datasetIamMember:DatasetIamMember", "hw-dev-clean-edit-pipelines",
                "projects/headway-dev/datasets/hw_dev_clean roles/bigquery.dataEditor serviceAccount:hw-dev-pipelines@headway-dev.iam.gserviceaccount.com");
        expect("dev", "gcp:bigquery/table:Table", "hw_dev_clean.stop_events", "projects/headway-dev/datasets/hw_dev_clean/tables/stop_events");
        expect("prod", "gcp:cloudrunv2/job:Job", "hw-prod-batch-worker", "projects/headway-prod/locations/us-east1/jobs/hw-prod-batch-worker");
        expect("prod", "gcp:cloudrunv2/jobIamMember:JobIamMember", "hw-prod-batch-worker-invoker",
                "projects/headway-prod/locations/us-east1/jobs/hw-prod-batch-worker roles/run.invoker serviceAccount:hw-prod-batch@headway-prod.iam.gserviceaccount.com");
        // projects/{{project}}/locations/{{region}}/jobs/{{name}}
        expect("prod", "gcp:cloudscheduler/job:Job", "hw-prod-batch-refresh", "projects/headway-prod/locations/us-east1/jobs/hw-prod-batch-refresh");
        expect("prod", "gcp:secretmanager/secret:Secret", "hw-prod-prefect-api-key", "projects/headway-prod/secrets/hw-prod-prefect-api-key");
        expect("prod", "gcp:secretmanager/secretIamMember:SecretIamMember", "hw-prod-prefect-api-key-accessor",
                "projects/headway-prod/secrets/hw-prod-prefect-api-key roles/secretmanager.secretAccessor serviceAccount:hw-prod-batch@headway-prod.iam.gserviceaccount.com");
        expect("prod", "gcp:dataflow/flexTemplateJob:FlexTemplateJob", "hw-prod-feed-to-bigquery", null);
        expect("prod", "gcp:container/cluster:Cluster", "hw-prod-training", "projects/headway-prod/locations/us-east1/clusters/hw-prod-training");
        // my-gcp-project/us-east1-a/my-cluster/main-pool: the cluster's short name, although the input holds its full path
        expect("prod", "gcp:container/nodePool:NodePool", "hw-prod-training-gpu", "headway-prod/us-east1/hw-prod-training/hw-prod-training-gpu");
        // <namespace>/<name>, or <name> for a cluster-scoped kind
        expect("prod", "kubernetes:core/v1:LimitRange", "training-namespace-limits", "training/training-limits");
        expect("prod", "kubernetes:core/v1:Namespace", "training-namespace-namespace", "training");
        expect("prod", "kubernetes:core/v1:ResourceQuota", "training-namespace-gpu-quota", "training/gpu-quota");
        expect("prod", "kubernetes:core/v1:ServiceAccount", "training-namespace-ksa", "training/training");
        expect("prod", "pulumi:providers:kubernetes", "training-namespace-k8s", null);
    }

    private static void expect(String stack, String type, String name, String id) {
        EXPECTED.put(List.of(stack, type, name), id);
    }

    static Plan committed(String stack) {
        return PlanJson.read(Path.of("stacks", stack + ".plan.json"));
    }

    /** What discovery would give for a server-assigned id, as Google writes it: the full name or the trailing number. */
    static String server(ImportIds.Rule rule, Plan plan) {
        return rule.id().equals("{@server}")
                ? "projects/" + plan.project() + "/" + (rule.type().contains("alertPolicy") ? "alertPolicies" : "notificationChannels") + "/4242"
                : "4242";
    }

    @Test
    void everyCloudTypeOfBothPlansIsHeldToAnExpectedId() {
        Set<String> types = new TreeSet<>();
        for (String stack : List.of("dev", "prod")) {
            committed(stack).resources().stream().filter(PlannedResource::custom).map(PlannedResource::type).forEach(types::add);
        }
        Set<String> expected = new TreeSet<>();
        EXPECTED.keySet().forEach(k -> expected.add(k.get(1)));
        assertEquals(types, expected, "a type without an expected import id: add it to EXPECTED from its provider doc");
        for (Map.Entry<List<String>, String> e : EXPECTED.entrySet()) {
            Plan plan = committed(e.getKey().get(0));
            PlannedResource r = plan.get(e.getKey().get(1), e.getKey().get(2));
            ImportIds.Rule rule = IDS.rule(r.type()).orElseThrow();
            if (e.getValue() == null) {
                assertEquals(ImportIds.Mode.NONE, rule.mode(), r.type());
                assertNotNull(rule.why(), r.type() + " is not importable: say why");
                continue;
            }
            assertEquals(e.getValue(), ImportIds.id(rule, r, null, rule.serverAssigned() ? server(rule, plan) : null), r.type());
        }
    }

    @Test
    void everyPlanResourceGetsAnIdFromItsOwnInputs() {
        for (String stack : List.of("dev", "prod")) {
            Plan plan = committed(stack);
            for (PlannedResource r : plan.resources()) {
                if (!r.custom()) {
                    continue;
                }
                ImportIds.Rule rule = IDS.rule(r.type()).orElseThrow(() -> new AssertionError("no rule for " + r.type()));
                assertNotNull(rule.doc(), r.type() + ": cite the provider doc");
                if (rule.mode() == ImportIds.Mode.NONE) {
                    continue;
                }
                String id = ImportIds.id(rule, r, null, rule.serverAssigned() ? server(rule, plan) : null);
                assertFalse(id.contains("{") || id.split(" ")[0].contains("//") || id.contains("null"), r.type() + " " + r.name() + ": " + id);
                assertTrue(id.contains(plan.project()) || r.type().startsWith("kubernetes:"), r.type() + " " + r.name() + ": " + id);
                if (rule.mode() == ImportIds.Mode.CREATE) {
                    assertNotNull(rule.why(), r.type() + ": say why creating it is harmless");
                }
            }
        }
    }

    @Test
    void aMappedNameReplacesTheResourcesOwnNameOnly() {
        PlannedResource topic = committed("dev").get("gcp:pubsub/topic:Topic", "hw-dev-feed");
        ImportIds.Rule rule = IDS.rule(topic.type()).orElseThrow();
        assertEquals("projects/headway-dev/topics/legacy-feed", ImportIds.id(rule, topic, "legacy-feed", null));
        PlannedResource table = committed("dev").get("gcp:bigquery/table:Table", "hw_dev_clean.stop_events");
        assertEquals("projects/headway-dev/datasets/hw_dev_clean/tables/events_v1",
                ImportIds.id(IDS.rule(table.type()).orElseThrow(), table, "events_v1", null));
    }

    @Test
    void anInputTheIdNeedsThatThePlanLacksFailsLoudly() {
        PlannedResource topic = committed("dev").get("gcp:pubsub/topic:Topic", "hw-dev-feed");
        ObjectNode inputs = topic.inputs().deepCopy();
        inputs.remove("project");
        PlannedResource without = new PlannedResource(topic.urn(), topic.type(), topic.name(), topic.parent(), true,
                topic.dependsOn(), topic.propertyDependencies(), false, false, inputs);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ImportIds.id(IDS.rule(topic.type()).orElseThrow(), without, null, null));
        assertTrue(e.getMessage().contains("input project"), e.getMessage());
        ImportIds.Rule tensorboard = IDS.rule("gcp:vertex/aiTensorboard:AiTensorboard").orElseThrow();
        PlannedResource tb = committed("dev").get(tensorboard.type(), "hw-dev-experiments");
        assertThrows(IllegalStateException.class, () -> ImportIds.id(tensorboard, tb, null, null), "a Google-assigned id needs discovery");
    }
}
