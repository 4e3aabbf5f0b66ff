package dev.headway.infra.synth;

/**
 * The provider type tokens the program declares and the tools read; the one place each is spelled.
 *
 * <p>Each value is the {@code @ResourceType(type = ...)} of a generated resource class of pulumi-gcp 7.0.0
 * ({@code com.pulumi.gcp.<module>.<Name>}) or pulumi-kubernetes 4.0.0, or, in the last group, a function
 * token that pulumi-gcp's {@code *Functions} classes invoke. {@code TypesTest} holds every constant to
 * those jars and fails when a literal equal to one of them is spelled anywhere else in main code.
 */
public final class Types {
    // Compute: the network, its NAT and firewall, VMs
    public static final String COMPUTE_NETWORK = "gcp:compute/network:Network";
    public static final String COMPUTE_SUBNETWORK = "gcp:compute/subnetwork:Subnetwork";
    public static final String COMPUTE_FIREWALL = "gcp:compute/firewall:Firewall";
    public static final String COMPUTE_ROUTER = "gcp:compute/router:Router";
    public static final String COMPUTE_ROUTER_NAT = "gcp:compute/routerNat:RouterNat";
    public static final String COMPUTE_INSTANCE = "gcp:compute/instance:Instance";
    public static final String COMPUTE_INSTANCE_TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";

    // GKE (module container)
    public static final String GKE_CLUSTER = "gcp:container/cluster:Cluster";
    public static final String GKE_NODE_POOL = "gcp:container/nodePool:NodePool";

    // Project: enabled services, service agents, project IAM, quota
    public static final String PROJECT_SERVICE = "gcp:projects/service:Service";
    public static final String PROJECT_SERVICE_IDENTITY = "gcp:projects/serviceIdentity:ServiceIdentity";
    public static final String PROJECT_IAM_MEMBER = "gcp:projects/iAMMember:IAMMember";
    public static final String PROJECT_IAM_CUSTOM_ROLE = "gcp:projects/iAMCustomRole:IAMCustomRole";
    public static final String CONSUMER_QUOTA_OVERRIDE = "gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride";

    // Service accounts and Workload Identity federation
    public static final String SERVICE_ACCOUNT = "gcp:serviceaccount/account:Account";
    public static final String SERVICE_ACCOUNT_IAM_MEMBER = "gcp:serviceaccount/iAMMember:IAMMember";
    public static final String SERVICE_ACCOUNT_KEY = "gcp:serviceaccount/key:Key";
    public static final String WORKLOAD_IDENTITY_POOL = "gcp:iam/workloadIdentityPool:WorkloadIdentityPool";
    public static final String WORKLOAD_IDENTITY_POOL_PROVIDER = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";

    // Cloud Storage
    public static final String STORAGE_BUCKET = "gcp:storage/bucket:Bucket";

    // BigQuery
    public static final String BIGQUERY_DATASET = "gcp:bigquery/dataset:Dataset";
    public static final String BIGQUERY_TABLE = "gcp:bigquery/table:Table";
    public static final String BIGQUERY_DATASET_ACCESS = "gcp:bigquery/datasetAccess:DatasetAccess";
    public static final String BIGQUERY_DATASET_IAM_MEMBER = "gcp:bigquery/datasetIamMember:DatasetIamMember";

    // Pub/Sub
    public static final String PUBSUB_TOPIC = "gcp:pubsub/topic:Topic";
    public static final String PUBSUB_SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";

    // Dataflow
    public static final String DATAFLOW_FLEX_TEMPLATE_JOB = "gcp:dataflow/flexTemplateJob:FlexTemplateJob";
    public static final String DATAFLOW_JOB = "gcp:dataflow/job:Job";

    // Cloud Run and Cloud Scheduler
    public static final String CLOUD_RUN_JOB = "gcp:cloudrunv2/job:Job";
    public static final String CLOUD_RUN_SERVICE = "gcp:cloudrunv2/service:Service";
    public static final String SCHEDULER_JOB = "gcp:cloudscheduler/job:Job";

    // Artifact Registry
    public static final String ARTIFACT_REPOSITORY = "gcp:artifactregistry/repository:Repository";

    // Vertex AI
    public static final String VERTEX_ENDPOINT = "gcp:vertex/aiEndpoint:AiEndpoint";
    public static final String VERTEX_TENSORBOARD = "gcp:vertex/aiTensorboard:AiTensorboard";

    // Secret Manager
    public static final String SECRET = "gcp:secretmanager/secret:Secret";
    public static final String SECRET_IAM_MEMBER = "gcp:secretmanager/secretIamMember:SecretIamMember";

    // Cloud Monitoring
    public static final String MONITORING_ALERT_POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
    public static final String MONITORING_NOTIFICATION_CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";

    // Firestore
    public static final String FIRESTORE_DATABASE = "gcp:firestore/database:Database";

    // Other data stores: the program declares none, the retention rules name them (conventions/Retention)
    public static final String SQL_DATABASE_INSTANCE = "gcp:sql/databaseInstance:DatabaseInstance";
    public static final String SPANNER_INSTANCE = "gcp:spanner/instance:Instance";
    public static final String SPANNER_DATABASE = "gcp:spanner/database:Database";
    public static final String BIGTABLE_INSTANCE = "gcp:bigtable/instance:Instance";
    public static final String BIGTABLE_TABLE = "gcp:bigtable/table:Table";
    public static final String ALLOYDB_CLUSTER = "gcp:alloydb/cluster:Cluster";
    public static final String FILESTORE_INSTANCE = "gcp:filestore/instance:Instance";
    public static final String REDIS_INSTANCE = "gcp:redis/instance:Instance";

    // Kubernetes: the explicit provider (com.pulumi.kubernetes.Provider)
    public static final String K8S_PROVIDER = "pulumi:providers:kubernetes";

    // Invoke (function) tokens, not resource types
    public static final String INVOKE_GET_PROJECT = "gcp:organizations/getProject:getProject";

    private Types() {
    }
}
