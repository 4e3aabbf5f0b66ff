package dev.headway.infra.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole stack config, typed and validated once ({@link SettingsLoader}); immutable. The stack
 * program and the offline synth read only this, never raw config.
 */
public record Settings(
        String stack,
        Env env,
        String project,
        String region,
        String zone,
        Map<String, String> extraLabels,
        Network network,
        Poller poller,
        PubSub pubsub,
        Warehouse warehouse,
        Artifacts artifacts,
        Dataflow dataflow,
        Training training,
        Serving serving,
        Alerts alerts,
        Batch batch,
        Ci ci,
        Set<String> secretKeys) {

    public enum Env {
        DEV, PROD;

        public String id() {
            return name().toLowerCase();
        }

        public boolean isProd() {
            return this == PROD;
        }
    }

    /** VPC: one regional subnet; flow logs sampled at {@code flowLogSampling}. */
    public record Network(Cidr subnetCidr, double flowLogSampling) {
    }

    /** The GTFS-realtime poller VM. {@code running=false} stops it (TERMINATED): pause, not delete. */
    public record Poller(boolean running, String machineType, String image, String feedUrl,
                         int pollIntervalSeconds) {
    }

    /** Feed topic and the Dataflow subscription. Durations in seconds. */
    public record PubSub(int messageRetentionSeconds, int ackDeadlineSeconds, int maxDeliveryAttempts,
                         int minBackoffSeconds, int maxBackoffSeconds) {
    }

    /** BigQuery; {@code tableExpirationDays} empty means tables do not expire (prod). */
    public record Warehouse(String location, Optional<Integer> tableExpirationDays) {
    }

    /** Artifact Registry cleanup: keep the N most recent versions; delete untagged after D days. */
    public record Artifacts(int keepRecent, int deleteUntaggedAfterDays, boolean immutableTags) {
    }

    /** Dataflow workers, and an optional streaming Flex Template job. */
    public record Dataflow(String workerMachineType, int maxWorkers, Optional<FlexJob> job) {
    }

    /** A streaming Flex Template job: the template spec in GCS and its parameters. */
    public record FlexJob(String templateGcsPath, Map<String, String> parameters) {
    }

    /**
     * The GPU training pool. {@code maxGpus} is the pool size: the one number that caps the Vertex
     * custom-training quota, the GKE node pool and the Kubernetes ResourceQuota.
     */
    public record Training(String acceleratorType, String machineType, int maxGpus, Optional<Gke> gke) {
    }

    /** The optional GKE training backend. */
    public record Gke(boolean spot, String releaseChannel, Cidr masterCidr, Cidr podsCidr, Cidr servicesCidr,
                      List<Cidr> masterAuthorizedNetworks) {
    }

    /** Vertex AI endpoints and the prediction store. */
    public record Serving(List<Endpoint> endpoints, String firestoreLocation) {
    }

    /** One Vertex AI endpoint; {@code samplingRate} of requests are logged to BigQuery. */
    public record Endpoint(String name, String description, double samplingRate) {
    }

    /** Cloud Monitoring alerts and where they go. */
    public record Alerts(Optional<String> notificationEmail, double endpointErrorRate, int endpointLatencyMs,
                         int dataflowLagSeconds, int oldestUnackedSeconds) {
    }

    /** The Prefect batch ingestion worker (Cloud Run job) and its schedule. */
    public record Batch(boolean enabled, String image, String schedule, String timeZone, List<String> secrets,
                        String cpu, String memory) {
    }

    /**
     * Keyless CI: the GitHub repository (owner/name) and its immutable numeric ids (a repository
     * renamed or re-created under the same name keeps neither), the branch that deploys and the
     * GitHub environment whose deploy job may act as the deployer.
     */
    public record Ci(String githubRepository, String repositoryId, String repositoryOwnerId, String deployBranch,
                     String deployEnvironment) {
    }
}
