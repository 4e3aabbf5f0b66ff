package dev.headway.infra.warehouse;

/** The warehouse's datasets, one per stage of the data's life. */
public enum Layer {
    RAW("raw", "GTFS-realtime feed as landed by the streaming job, one row per stop time update"),
    CLEAN("clean", "Deduplicated, validated stop events"),
    FEATURES("features", "Model features: headways and their context per route and stop"),
    MONITORING("monitoring", "Vertex AI request-response logs and model monitoring");

    private final String purpose;
    private final String description;

    Layer(String purpose, String description) {
        this.purpose = purpose;
        this.description = description;
    }

    /** The purpose in the dataset id: {@code hw_<env>_<purpose>}. */
    public String purpose() {
        return purpose;
    }

    public String description() {
        return description;
    }
}
