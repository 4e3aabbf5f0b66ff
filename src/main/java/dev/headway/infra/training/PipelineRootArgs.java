package dev.headway.infra.training;

import com.pulumi.resources.Resource;
import dev.headway.infra.conventions.DataArgs;

/** Inputs of {@link PipelineRoot}: the common ones ({@link DataArgs}) and these. */
public final class PipelineRootArgs extends DataArgs {
    final String location;
    final int artifactRetentionDays;
    final Resource storageApi;

    private PipelineRootArgs(Builder b) {
        super(b);
        this.location = required(b.location, "location");
        this.artifactRetentionDays = b.artifactRetentionDays;
        this.storageApi = required(b.storageApi, "storageApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String location;
        private int artifactRetentionDays = 30;
        private Resource storageApi;

        /** The bucket's location: the training region, next to the jobs. Required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Run artifacts older than this are deleted; default 30 days. */
        public Builder artifactRetentionDays(int days) {
            if (days < 1) {
                throw new IllegalArgumentException("artifactRetentionDays must be at least 1, was " + days);
            }
            this.artifactRetentionDays = days;
            return this;
        }

        /** Cloud Storage's enablement: the bucket is created after it. Required. */
        public Builder storageApi(Resource storageApi) {
            this.storageApi = storageApi;
            return this;
        }

        public PipelineRootArgs build() {
            return new PipelineRootArgs(this);
        }
    }
}
