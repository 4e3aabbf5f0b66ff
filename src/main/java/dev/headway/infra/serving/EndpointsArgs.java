package dev.headway.infra.serving;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;

import java.util.List;

/** Inputs of {@link Endpoints}: the common ones ({@link ComponentArgs}) and these. */
public final class EndpointsArgs extends ComponentArgs {
    final String region;
    final List<Settings.Endpoint> endpoints;
    final Output<String> monitoringDataset;
    final Resource aiplatformApi;

    private EndpointsArgs(Builder b) {
        super(b);
        this.region = required(b.region, "region");
        this.endpoints = List.copyOf(b.endpoints);
        this.monitoringDataset = required(b.monitoringDataset, "monitoringDataset");
        this.aiplatformApi = required(b.aiplatformApi, "aiplatformApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The endpoints of {@code headway:serving}, in {@code gcp:region}, logging to {@code monitoringDataset}. */
    public static EndpointsArgs from(Settings s, Output<String> monitoringDataset, Resource aiplatformApi) {
        return builder().settings(s, "serving").region(s.region()).endpoints(s.serving().endpoints())
                .monitoringDataset(monitoringDataset).aiplatformApi(aiplatformApi).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private String region;
        private List<Settings.Endpoint> endpoints = List.of();
        private Output<String> monitoringDataset;
        private Resource aiplatformApi;

        /** Vertex AI region the endpoints are created in. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** One Vertex AI endpoint each (name, description, logging sampling rate); default none. */
        public Builder endpoints(List<Settings.Endpoint> endpoints) {
            this.endpoints = endpoints;
            return this;
        }

        /** The BigQuery dataset id holding {@code request_response_logging}. Required. */
        public Builder monitoringDataset(Output<String> dataset) {
            this.monitoringDataset = dataset;
            return this;
        }

        /** The Vertex AI API's enablement; the endpoints and the service agent wait for it. Required. */
        public Builder aiplatformApi(Resource api) {
            this.aiplatformApi = api;
            return this;
        }

        public EndpointsArgs build() {
            return new EndpointsArgs(this);
        }
    }
}
