package dev.headway.infra.batch;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;

/** Inputs of {@link BatchWorker}: the common ones ({@link DataArgs}: its secrets) and these. */
public final class BatchWorkerArgs extends DataArgs {
    final String region;
    final Settings.Batch batch;
    final Identity identity;
    final Output<String> imageRepository;
    /** The worker image in the repository, pinned by digest. */
    final String image;
    final Output<String> rawDataset;
    final Resource runApi;
    final Resource schedulerApi;
    final Resource secretManagerApi;

    private BatchWorkerArgs(Builder b) {
        super(b);
        this.region = required(b.region, "region");
        this.batch = required(b.batch, "batch");
        this.identity = required(b.identity, "identity");
        this.imageRepository = required(b.imageRepository, "imageRepository");
        this.image = batch.image().orElseThrow(
                () -> new IllegalArgumentException("headway:batch.image is not set: no batch job to declare"));
        this.rawDataset = required(b.rawDataset, "rawDataset");
        this.runApi = required(b.runApi, "runApi");
        this.schedulerApi = required(b.schedulerApi, "schedulerApi");
        this.secretManagerApi = required(b.secretManagerApi, "secretManagerApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From {@code headway:batch}, in {@code gcp:region}, with the platform's Run, Scheduler and Secret Manager APIs. */
    public static BatchWorkerArgs from(Settings s, Identity identity, Output<String> imageRepository,
                                       Output<String> rawDataset, Platform platform) {
        return builder().settings(s, "batch").region(s.region()).batch(s.batch()).identity(identity)
                .imageRepository(imageRepository).rawDataset(rawDataset)
                .apis(platform.service(Api.RUN), platform.service(Api.CLOUD_SCHEDULER), platform.service(Api.SECRET_MANAGER))
                .build();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String region;
        private Settings.Batch batch;
        private Identity identity;
        private Output<String> imageRepository;
        private Output<String> rawDataset;
        private Resource runApi;
        private Resource schedulerApi;
        private Resource secretManagerApi;

        /** Region of the Cloud Run job and its scheduler trigger. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Image, schedule, time zone, secret ids, cpu and memory of the worker. Required. */
        public Builder batch(Settings.Batch batch) {
            this.batch = batch;
            return this;
        }

        /** The batch account the job runs as and the trigger authenticates as. Required. */
        public Builder identity(Identity identity) {
            this.identity = identity;
            return this;
        }

        /** The training Docker repository URL ({@code <region>-docker.pkg.dev/<project>/<repo>}). Required. */
        public Builder imageRepository(Output<String> repository) {
            this.imageRepository = repository;
            return this;
        }

        /** The BigQuery dataset batch ingestion loads into. Required. */
        public Builder rawDataset(Output<String> dataset) {
            this.rawDataset = dataset;
            return this;
        }

        /** Enablements of Cloud Run, Cloud Scheduler and Secret Manager, in that order. Required. */
        public Builder apis(Resource run, Resource scheduler, Resource secretManager) {
            this.runApi = run;
            this.schedulerApi = scheduler;
            this.secretManagerApi = secretManager;
            return this;
        }

        public BatchWorkerArgs build() {
            return new BatchWorkerArgs(this);
        }
    }
}
