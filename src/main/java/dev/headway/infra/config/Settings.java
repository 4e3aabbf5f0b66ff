package dev.headway.infra.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
        Optional<Ci> ci,
        Set<String> secretKeys,
        Map<String, String> adopt,
        String deploymentSuffix) {

    /**
     * Appended to the names Google blocks for a while after deletion (Workload Identity pools and providers:
     * soft-deleted 30 days; the Firestore database, which the provider never deletes): empty, or 1 to 6
     * lowercase letters and digits. {@code headway-infra destroy} of a non-prod stack moves it on, so the
     * next {@code up} creates fresh names. See docs/lifecycle.md.
     */
    public String deploymentSuffix() {
        return deploymentSuffix;
    }

    /**
     * The environment: the stack's name ({@code id}, from which every name derives; checked by
     * {@link Environments}) and its {@link Tier} (what it keeps and how big it is). "Is this prod?" is
     * the tier's answer, never the name's.
     */
    public record Env(String id, Tier tier) {
        public boolean isProd() {
            return tier.isProd();
        }

        /** A review stack ({@code pr-<number>}): tier dev, no GPU quota, no GKE, nothing shared written. */
        public boolean isReview() {
            return Environments.isReview(id);
        }
    }

    /**
     * What differs between environments. {@code DEV}: destroyable, spot, small. {@code PROD}: data
     * stores protected and retained, larger defaults, deploys behind approval.
     */
    public enum Tier {
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

    /**
     * The GTFS-realtime poller VM. {@code running=false} stops it (TERMINATED): pause, not delete.
     * {@code image} is a digest-pinned image in the {@code training} repository
     * ({@code headway-poller@sha256:...}); empty until CI has pushed one, and then no VM is declared.
     */
    public record Poller(boolean running, String machineType, Optional<String> image, String feedUrl,
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
    public record Training(String acceleratorType, String machineType, int maxGpus, List<String> zones, Optional<Gke> gke) {
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

    /**
     * The Prefect batch ingestion worker (Cloud Run job) and its schedule. {@code image} is
     * digest-pinned ({@code headway-batch@sha256:...}); empty until CI has pushed one, and then no
     * job is declared.
     */
    public record Batch(boolean enabled, Optional<String> image, String schedule, String timeZone, List<String> secrets,
                        String cpu, String memory) {
    }

    /**
     * {@code headway:adopt}: plan resource name to the name of the existing resource it adopts
     * ({@code headway-infra adopt}); shapes are checked here, names against the plan by {@code adopt/AdoptMap}.
     */
    public static final Pattern ADOPT_KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");

    /**
     * Keyless CI: the GitHub repository (owner/name) and its immutable numeric ids (a repository
     * renamed or re-created under the same name keeps neither), the branch that deploys and the
     * GitHub environment whose deploy job may act as the deployer.
     */
    public record Ci(String githubRepository, String repositoryId, String repositoryOwnerId, String deployBranch,
                     String deployEnvironment) {
    }
}
