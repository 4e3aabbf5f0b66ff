package dev.headway.infra.training;

import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Labels;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.conventions.Retention;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.platform.Platform;

import java.util.Map;
import java.util.Objects;

/** Inputs of {@link TrainingPool}. Build with {@link #builder()} or {@link #from(Settings, Platform, Identities)}. */
public final class TrainingPoolArgs {
    final Names names;
    final String region;
    final String zone;
    final Retention retention;
    final Map<String, String> labels;
    final Settings.Training training;
    final Platform platform;
    final Identities identities;
    final int artifactRetentionDays;

    private TrainingPoolArgs(Builder b) {
        this.names = Objects.requireNonNull(b.names, "names");
        this.region = Objects.requireNonNull(b.region, "region");
        this.zone = Objects.requireNonNull(b.zone, "zone");
        this.retention = Objects.requireNonNull(b.retention, "retention");
        this.labels = Map.copyOf(b.labels);
        this.training = Objects.requireNonNull(b.training, "training");
        this.platform = Objects.requireNonNull(b.platform, "platform");
        this.identities = Objects.requireNonNull(b.identities, "identities");
        this.artifactRetentionDays = b.artifactRetentionDays != null ? b.artifactRetentionDays
                : retention.isProd() ? 180 : 30;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The stack's pool: {@code headway:training}, pipeline artifacts kept 30 days in dev, 180 in prod. */
    public static TrainingPoolArgs from(Settings s, Platform platform, Identities identities) {
        return builder().names(new Names(s)).region(s.region()).zone(s.zone()).retention(new Retention(s))
                .labels(Labels.of(s, "training")).training(s.training()).platform(platform).identities(identities)
                .build();
    }

    public static final class Builder {
        private Names names;
        private String region;
        private String zone;
        private Retention retention;
        private Map<String, String> labels = Map.of();
        private Settings.Training training;
        private Platform platform;
        private Identities identities;
        private Integer artifactRetentionDays;

        /** Names and the project. Required. */
        public Builder names(Names names) {
            this.names = names;
            return this;
        }

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

        /** What survives a destroy. Required. */
        public Builder retention(Retention retention) {
            this.retention = retention;
            return this;
        }

        /** Labels for every labelled resource; default none. */
        public Builder labels(Map<String, String> labels) {
            this.labels = labels;
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
