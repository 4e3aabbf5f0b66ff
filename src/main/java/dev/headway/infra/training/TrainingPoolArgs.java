package dev.headway.infra.training;

import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.platform.Platform;

/** Inputs of {@link TrainingPool}: the common ones ({@link DataArgs}: the pipeline root) and these. */
public final class TrainingPoolArgs extends DataArgs {
    final String region;
    final String zone;
    final Settings.Training training;
    final Platform platform;
    final Identities identities;
    final int artifactRetentionDays;

    private TrainingPoolArgs(Builder b) {
        super(b);
        this.region = required(b.region, "region");
        this.zone = required(b.zone, "zone");
        this.training = required(b.training, "training");
        this.platform = required(b.platform, "platform");
        this.identities = required(b.identities, "identities");
        this.artifactRetentionDays = b.artifactRetentionDays != null ? b.artifactRetentionDays
                : retention.isProd() ? 180 : 30;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The stack's pool: {@code headway:training}, pipeline artifacts kept 30 days in dev, 180 in prod. */
    public static TrainingPoolArgs from(Settings s, Platform platform, Identities identities) {
        return builder().settings(s, "training").region(s.region()).zone(s.zone()).training(s.training()).platform(platform).identities(identities)
                .build();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String region;
        private String zone;
        private Settings.Training training;
        private Platform platform;
        private Identities identities;
        private Integer artifactRetentionDays;

        /** Region of the quota, the cluster and the pipeline root. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** Zone the GPU nodes run in (GPU types are zonal). Required. */
        public Builder zone(String zone) {
            this.zone = zone;
            return this;
        }

        /** Accelerator, machine type, pool size ({@code maxGpus}) and the optional GKE backend. Required. */
        public Builder training(Settings.Training training) {
            this.training = training;
            return this;
        }

        /** APIs and the network. Required. */
        public Builder platform(Platform platform) {
            this.platform = platform;
            return this;
        }

        /** The training and pipelines accounts. Required. */
        public Builder identities(Identities identities) {
            this.identities = identities;
            return this;
        }

        /** Days pipeline run artifacts are kept; default 30 (dev) or 180 (prod, from retention). */
        public Builder artifactRetentionDays(int days) {
            this.artifactRetentionDays = days;
            return this;
        }

        public TrainingPoolArgs build() {
            return new TrainingPoolArgs(this);
        }
    }
}
