package dev.headway.infra.streaming;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Labels;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.conventions.Retention;
import dev.headway.infra.identity.Identity;

import java.util.Map;
import java.util.Objects;

/** Inputs of {@link DataflowStaging}. Build with {@link #builder()}, or {@link #from}. */
public final class DataflowStagingArgs {
    final String project;
    final String location;
    final Names names;
    final Retention retention;
    final Map<String, String> labels;
    final int tempObjectAgeDays;
    final int noncurrentVersionDays;
    final Identity worker;
    final Resource storageApi;

    private DataflowStagingArgs(Builder b) {
        this.project = Objects.requireNonNull(b.project, "project");
        this.location = Objects.requireNonNull(b.location, "location");
        this.names = Objects.requireNonNull(b.names, "names");
        this.retention = Objects.requireNonNull(b.retention, "retention");
        this.labels = Map.copyOf(b.labels);
        this.tempObjectAgeDays = b.tempObjectAgeDays;
        this.noncurrentVersionDays = b.noncurrentVersionDays;
        this.worker = Objects.requireNonNull(b.worker, "worker");
        this.storageApi = Objects.requireNonNull(b.storageApi, "storageApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Buckets in {@code gcp:region}, where the Dataflow job runs. */
    public static DataflowStagingArgs from(Settings s, Identity worker, Resource storageApi) {
        return builder().project(s.project()).location(s.region()).names(new Names(s))
                .retention(new Retention(s)).labels(Labels.of(s, "dataflow"))
                .worker(worker).storageApi(storageApi).build();
    }

    public static final class Builder {
        private String project;
        private String location;
        private Names names;
        private Retention retention;
        private Map<String, String> labels = Map.of();
        private int tempObjectAgeDays = 7;
        private int noncurrentVersionDays = 30;
        private Identity worker;
        private Resource storageApi;

        /** Required; also the prefix of the globally unique bucket names. */
        public Builder project(String project) {
            this.project = project;
            return this;
        }

        /** Bucket location: the Dataflow region. Required. */
        public Builder location(String location) {
            this.location = location;
            return this;
        }

        /** Required. */
        public Builder names(Names names) {
            this.names = names;
            return this;
        }

        /** Required: the staging bucket is a data store (protected and retained in prod). */
        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        /** Labels on both buckets; default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
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
