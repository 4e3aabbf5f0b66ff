package dev.headway.infra.serving;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;

/**
 * Inputs of {@link PredictionStore}: the common ones ({@link DataArgs}) and these. A Firestore
 * database takes no labels in pulumi-gcp 7.0.0.
 */
public final class PredictionStoreArgs extends DataArgs {
    final String location;
    final Resource firestoreApi;

    private PredictionStoreArgs(Builder b) {
        super(b);
        this.location = required(b.location, "location");
        this.firestoreApi = required(b.firestoreApi, "firestoreApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** In {@code headway:serving.firestoreLocation}. */
    public static PredictionStoreArgs from(Settings s, Resource firestoreApi) {
        return builder().settings(s, "serving").location(s.serving().firestoreLocation())
                .firestoreApi(firestoreApi).build();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String location;
        private Resource firestoreApi;

        /** Firestore location id of the database (a region or {@code nam5}/{@code eur3}). Required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** The Firestore API's enablement. Required. */
        public Builder firestoreApi(Resource api) {
            this.firestoreApi = api;
            return this;
        }

        public PredictionStoreArgs build() {
            return new PredictionStoreArgs(this);
        }
    }
}
