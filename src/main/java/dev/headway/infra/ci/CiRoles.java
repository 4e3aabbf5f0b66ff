package dev.headway.infra.ci;

import dev.headway.infra.config.Settings;
import dev.headway.infra.synth.Types;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project roles of the two CI identities, each with the reason it is needed. Predefined roles
 * only (never owner/editor/viewer), plus two custom roles where no predefined role leaves out
 * data access; optional features (GKE, the Dataflow job, batch) add their roles only when switched
 * on. Roles with a resource to scope to are granted there instead (the deployer's
 * {@code iam.serviceAccountUser} is granted on each workload account, not the project).
 *
 * <p>The deployer administers no identity: it cannot create or change service accounts, their
 * IAM, the federation pool or provider, project IAM, custom roles or secret IAM
 * ({@link #OWNER_MANAGED}). IAM Conditions cannot narrow those roles to our accounts: resource
 * attributes are recognised only for the services listed in
 * https://cloud.google.com/iam/docs/conditions-resource-attributes (IAM service accounts and
 * workload identity pools are not among them), and the only API attribute for IAM changes,
 * {@code iam.googleapis.com/modifiedGrantsByRole}, limits roles, not members
 * (https://cloud.google.com/iam/docs/setting-limits-on-granting-roles), so a delegated
 * projectIamAdmin could hand a delegable role to anyone, itself included. A project owner applies
 * those resources once (the bootstrap, README "Security") and whenever they change.
 */
public final class CiRoles {
    /**
     * Resource types the deployer may read but never create, change or delete: a project owner
     * applies them ({@code pulumi up} with owner credentials). Each would let the deployer widen
     * its own access.
     */
    public static final Map<String, String> OWNER_MANAGED = Map.of(
            Types.SERVICE_ACCOUNT, "a new account is a new identity to act as",
            Types.SERVICE_ACCOUNT_IAM_MEMBER, "actAs / token creation / federation on an account",
            Types.PROJECT_IAM_MEMBER, "project roles (the condition language cannot limit members)",
            Types.PROJECT_IAM_CUSTOM_ROLE, "a custom role can hold any permission",
            Types.WORKLOAD_IDENTITY_POOL, "who may federate into the project",
            Types.WORKLOAD_IDENTITY_POOL_PROVIDER, "which tokens are accepted (its own OIDC issuer)",
            Types.SECRET_IAM_MEMBER, "who may read secret payloads");

    /** Custom role of the deployer: Secret Manager secrets as containers, never their payloads or IAM. */
    public static final String SECRET_CONTAINERS = "hwSecretContainerAdmin";
    /**
     * Permissions of {@link #SECRET_CONTAINERS}. {@code roles/secretmanager.admin} holds
     * {@code secretmanager.*}, payload access ({@code secretmanager.versions.access}) included, and no
     * predefined role creates secrets without it
     * (https://cloud.google.com/iam/docs/roles-permissions/secretmanager).
     */
    public static final List<String> SECRET_CONTAINER_PERMISSIONS = List.of(
            "secretmanager.locations.get", "secretmanager.locations.list",
            "secretmanager.secrets.create", "secretmanager.secrets.delete", "secretmanager.secrets.get",
            "secretmanager.secrets.list", "secretmanager.secrets.update");

    /** Custom role of the previewer: Firestore databases' configuration, never documents. */
    public static final String FIRESTORE_METADATA = "hwFirestoreMetadataViewer";
    /**
     * Permissions of {@link #FIRESTORE_METADATA}: {@code datastore.databases.getMetadata} reads a
     * database's settings; {@code roles/datastore.viewer} also holds {@code datastore.entities.get}
     * and {@code .list}, every document (https://cloud.google.com/datastore/docs/access/iam,
     * https://cloud.google.com/iam/docs/roles-permissions/firestore).
     */
    public static final List<String> FIRESTORE_METADATA_PERMISSIONS = List.of(
            "datastore.databases.getMetadata", "datastore.databases.list");

    private CiRoles() {
    }

    /** What {@code pulumi up} needs for the resources this stack manages, besides {@link #OWNER_MANAGED}. */
    public static Map<String, String> deployer(Settings s) {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("roles/serviceusage.serviceUsageAdmin", "enable the stack's APIs; set the Vertex GPU quota override");
        roles.put("roles/compute.networkAdmin", "VPC, subnet, Cloud Router and NAT");
        roles.put("roles/compute.securityAdmin", "firewall rules");
        roles.put("roles/compute.instanceAdmin.v1", "the poller VM (create, stop/start, metadata)");
        roles.put("roles/iam.serviceAccountViewer", "read workload accounts (an owner changes them)");
        roles.put("roles/iam.workloadIdentityPoolViewer", "read this CI pool and provider (an owner changes them)");
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
            roles.put("roles/secretmanager.viewer", "read the batch worker's secrets' metadata and IAM (never payloads)");
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
