package dev.headway.infra.artifacts;

/**
 * The Artifact Registry repositories of the platform.
 *
 * <ul>
 *   <li>{@link #TRAINING}: the data-side images: training containers, the Dataflow Flex Template
 *       image, the Prefect batch worker and the GTFS-realtime poller (ingestion images live with
 *       the data, so the internet-facing serving path never shares a repository with them);</li>
 *   <li>{@link #SERVING}: only the prediction containers the Vertex AI endpoints run;</li>
 *   <li>{@link #PIPELINES}: compiled KFP v2 pipeline templates.</li>
 * </ul>
 */
public enum Repo {
    TRAINING("training", "DOCKER", "Training, ingestion (poller, batch) and Dataflow template images"),
    SERVING("serving", "DOCKER", "Prediction containers served by Vertex AI endpoints"),
    PIPELINES("pipelines", "KFP", "Compiled Kubeflow Pipelines (KFP v2) templates");

    private final String purpose;
    private final String format;
    private final String description;

    Repo(String purpose, String format, String description) {
        this.purpose = purpose;
        this.format = format;
        this.description = description;
    }

    /** The purpose in the name: {@code hw-<env>-<purpose>}. */
    public String purpose() {
        return purpose;
    }

    /** Artifact Registry format: {@code DOCKER} or {@code KFP}. */
    public String format() {
        return format;
    }

    public String description() {
        return description;
    }

    public boolean isDocker() {
        return format.equals("DOCKER");
    }

    /** The registry host: {@code <region>-docker.pkg.dev} or {@code <region>-kfp.pkg.dev}. */
    public String host(String location) {
        return location + "-" + format.toLowerCase() + ".pkg.dev";
    }

    /**
     * The repository's address: {@code <region>-docker.pkg.dev/<project>/<id>} for images (what
     * {@code docker push} takes), {@code https://<region>-kfp.pkg.dev/<project>/<id>} for KFP
     * templates (what the KFP {@code RegistryClient} takes).
     */
    public String url(String location, String project, String repositoryId) {
        String path = host(location) + "/" + project + "/" + repositoryId;
        return isDocker() ? path : "https://" + path;
    }
}
