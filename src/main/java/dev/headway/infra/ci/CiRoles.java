package dev.headway.infra.ci;

import dev.headway.infra.config.Settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project roles of the two CI identities, each with the reason it is needed. Predefined roles
 * only (never owner/editor/viewer); optional features (GKE, the Dataflow job, batch) add their
 * roles only when switched on. Roles with a resource to scope to are granted there instead (the
 * deployer's {@code iam.serviceAccountUser} is granted on each workload account, not the project).
 */
public final class CiRoles {
    /**
     * Project roles that the stack's components grant to workload accounts, and so the only roles the
     * deployer may add or remove through its (conditioned) {@code resourcemanager.projectIamAdmin}.
     * A component that grants another project role must add it here, or {@code up} is denied.
     */
    public static final List<String> DELEGABLE_PROJECT_ROLES = List.of(
            "roles/aiplatform.user",
            "roles/artifactregistry.reader",
            "roles/bigquery.jobUser",
            "roles/container.defaultNodeServiceAccount",
            "roles/dataflow.admin",
            "roles/dataflow.developer",
            "roles/dataflow.worker",
            "roles/datastore.user",
            "roles/logging.logWriter",
            "roles/monitoring.metricWriter",
            "roles/monitoring.viewer",
            "roles/stackdriver.resourceMetadata.writer");

    private CiRoles() {
    }

    /** What {@code pulumi up} needs for the resources this stack manages. */
    public static Map<String, String> deployer(Settings s) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("roles/serviceusage.serviceUsageAdmin", "enable the stack's APIs; set the Vertex GPU quota override");
        roles.put("roles/compute.networkAdmin", "VPC, subnet, Cloud Router and NAT");
        roles.put("roles/compute.securityAdmin", "firewall rules");
        roles.put("roles/compute.instanceAdmin.v1", "the poller VM (create, stop/start, metadata)");
        roles.put("roles/iam.serviceAccountAdmin", "workload service accounts and their account-level IAM (Workload Identity bindings)");
        roles.put("roles/iam.workloadIdentityPoolAdmin", "this CI pool and its GitHub provider");
        roles.put("roles/storage.admin", "Dataflow staging/temp buckets, the pipeline root, their bucket IAM");
        roles.put("roles/bigquery.dataOwner", "datasets, tables with schemas, dataset IAM");
        roles.put("roles/pubsub.admin", "feed and dead-letter topics, subscriptions, topic/subscription IAM");
        roles.put("roles/artifactregistry.admin", "training, serving and pipelines repositories, cleanup policies, repository IAM");
        roles.put("roles/aiplatform.admin", "Vertex AI endpoints and TensorBoard");
        roles.put("roles/monitoring.alertPolicyEditor", "alert policies");
        roles.put("roles/monitoring.notificationChannelEditor", "the alert e-mail channel");
        roles.put("roles/datastore.owner", "the Firestore prediction store");
        if (s.training().gke().isPresent()) {
            roles.put("roles/container.admin", "the GKE training cluster, its GPU node pool and in-cluster objects (namespace, quotas)");
        }
        if (s.dataflow().job().isPresent()) {
            roles.put("roles/dataflow.admin", "launch, update and drain the streaming Flex Template job");
        }
        if (s.batch().enabled()) {
            roles.put("roles/run.admin", "the batch worker Cloud Run job");
            roles.put("roles/cloudscheduler.admin", "the batch worker schedule");
            roles.put("roles/secretmanager.admin", "the batch worker's secrets (containers and IAM, never payloads in config)");
        }
        return roles;
    }

    /** Read-only: what {@code pulumi preview} (and {@code --refresh}) reads; nothing that reads data or secrets. */
    public static Map<String, String> previewer(Settings s) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("roles/browser", "read the project itself");
        roles.put("roles/iam.securityReviewer", "read IAM policies on the project and every resource");
        roles.put("roles/serviceusage.serviceUsageViewer", "read enabled APIs and quota overrides");
        roles.put("roles/compute.viewer", "read network, NAT, firewall and VM configuration");
        roles.put("roles/iam.serviceAccountViewer", "read service accounts");
        roles.put("roles/iam.workloadIdentityPoolViewer", "read this pool and provider");
        roles.put("roles/storage.bucketViewer", "read bucket metadata, not objects");
        roles.put("roles/bigquery.metadataViewer", "read dataset and table metadata, not rows");
        roles.put("roles/pubsub.viewer", "read topics and subscriptions");
        roles.put("roles/artifactregistry.reader", "read repositories and cleanup policies");
        roles.put("roles/aiplatform.viewer", "read endpoints and TensorBoard");
        roles.put("roles/monitoring.viewer", "read alert policies and channels");
        roles.put("roles/datastore.viewer", "read the Firestore database configuration");
        if (s.training().gke().isPresent()) {
            roles.put("roles/container.viewer", "read the cluster, node pool and in-cluster objects");
        }
        if (s.dataflow().job().isPresent()) {
            roles.put("roles/dataflow.viewer", "read the streaming job");
        }
        if (s.batch().enabled()) {
            roles.put("roles/run.viewer", "read the batch job");
            roles.put("roles/cloudscheduler.viewer", "read the schedule");
            roles.put("roles/secretmanager.viewer", "read secret metadata (never payloads)");
        }
        return roles;
    }
}
