package dev.headway.infra.serving;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;

/** Inputs of {@link Tensorboard}: the common ones and retention ({@link DataArgs}: experiment logs are data) and these. */
public final class TensorboardArgs extends DataArgs {
    final String region;
    final Resource aiplatformApi;

    private TensorboardArgs(Builder b) {
        super(b);
        this.region = required(b.region, "region");
        this.aiplatformApi = required(b.aiplatformApi, "aiplatformApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The experiments TensorBoard in {@code gcp:region}, labelled as part of training. */
    public static TensorboardArgs from(Settings s, Resource aiplatformApi) {
        return builder().settings(s, "training").region(s.region()).aiplatformApi(aiplatformApi).build();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String region;
        private Resource aiplatformApi;

        /** Region of the TensorBoard: where the training jobs that log to it run. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Vertex AI's enablement (TensorBoard is a Vertex AI resource). Required. */
        public Builder aiplatformApi(Resource api) {
            this.aiplatformApi = api;
            return this;
        }

        public TensorboardArgs build() {
            return new TensorboardArgs(this);
        }
    }
}
