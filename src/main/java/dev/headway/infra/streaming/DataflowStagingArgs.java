package dev.headway.infra.streaming;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;
import dev.headway.infra.identity.Identity;

/** Inputs of {@link DataflowStaging}: the common ones ({@link DataArgs}) and these. */
public final class DataflowStagingArgs extends DataArgs {
    final String location;
    final int tempObjectAgeDays;
    final int noncurrentVersionDays;
    final Identity worker;
    final Resource storageApi;

    private DataflowStagingArgs(Builder b) {
        super(b);
        this.location = required(b.location, "location");
        this.tempObjectAgeDays = b.tempObjectAgeDays;
        this.noncurrentVersionDays = b.noncurrentVersionDays;
        this.worker = required(b.worker, "worker");
        this.storageApi = required(b.storageApi, "storageApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Buckets in {@code gcp:region}, where the Dataflow job runs. */
    public static DataflowStagingArgs from(Settings s, Identity worker, Resource storageApi) {
        return builder().settings(s, "dataflow").location(s.region()).worker(worker).storageApi(storageApi).build();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String location;
        private int tempObjectAgeDays = 7;
        private int noncurrentVersionDays = 30;
        private Identity worker;
        private Resource storageApi;

        /** Bucket location: the Dataflow region. Required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Objects in the temp bucket are deleted after this many days; default 7. */
        public Builder tempObjectAgeDays(int days) {
            this.tempObjectAgeDays = days;
            return this;
        }

        /** Overwritten versions in the (versioned) staging bucket are deleted after this many days; default 30. */
        public Builder noncurrentVersionDays(int days) {
            this.noncurrentVersionDays = days;
            return this;
        }

        /** The Dataflow worker service account. Required. */
        public Builder worker(Identity worker) {
            this.worker = worker;
            return this;
        }

        /** The Cloud Storage API's enablement. Required. */
        public Builder storageApi(Resource api) {
            this.storageApi = api;
            return this;
        }

        public DataflowStagingArgs build() {
            return new DataflowStagingArgs(this);
        }
    }
}
