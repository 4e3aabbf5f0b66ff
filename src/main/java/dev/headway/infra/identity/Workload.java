package dev.headway.infra.identity;

/** Each workload runs as its own service account; none shares one, none uses the compute default. */
public enum Workload {
    POLLER("poller", "GTFS-realtime poller VM: publishes the feed to Pub/Sub"),
    DATAFLOW("dataflow", "Dataflow workers: feed subscription to BigQuery"),
    TRAINING("training", "Vertex AI custom training jobs and GKE training pods"),
    PIPELINES("pipelines", "Vertex AI Pipelines runs (KFP)"),
    SERVING("serving", "Vertex AI endpoints' deployed models"),
    BATCH("batch", "Prefect batch ingestion worker (Cloud Run job)"),
    DEPLOYER("deployer", "CI: pulumi up from main"),
    PREVIEWER("previewer", "CI: pulumi preview on pull requests");

    /** The accounts CI acts as; a stack with {@code headway:ci.enabled: false} has neither. */
    public static final java.util.Set<Workload> CI = java.util.EnumSet.of(DEPLOYER, PREVIEWER);

    private final String purpose;
    private final String description;

    Workload(String purpose, String description) {
        this.purpose = purpose;
        this.description = description;
    }

    public String purpose() {
        return purpose;
    }

    public String description() {
        return description;
    }
}
