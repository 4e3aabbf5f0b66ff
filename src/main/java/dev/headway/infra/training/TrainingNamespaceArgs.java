package dev.headway.infra.training;

import dev.headway.infra.conventions.ComponentArgs;
import dev.headway.infra.identity.Identity;

/**
 * Inputs of {@link TrainingNamespace}: the common ones ({@link ComponentArgs}; of the labels only
 * {@code env} is carried onto the Kubernetes objects) and these.
 */
public final class TrainingNamespaceArgs extends ComponentArgs {
    final GkeTrainingCluster cluster;
    final int maxGpus;
    final String machineType;
    final Identity training;

    private TrainingNamespaceArgs(Builder b) {
        super(b);
        this.cluster = required(b.cluster, "cluster");
        this.maxGpus = required(b.maxGpus, "maxGpus");
        this.machineType = required(b.machineType, "machineType");
        this.training = required(b.training, "training");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private GkeTrainingCluster cluster;
        private Integer maxGpus;
        private String machineType;
        private Identity training;

        /** The cluster whose endpoint and CA the Kubernetes provider is built from. Required. */
        public Builder cluster(GkeTrainingCluster cluster) {
            this.cluster = cluster;
            return this;
        }

        /** The pool size: the namespace's {@code requests.nvidia.com/gpu} quota. Required. */
        public Builder maxGpus(int maxGpus) {
            this.maxGpus = maxGpus;
            return this;
        }

        /** The GPU machine type: its GPU count bounds what one pod may ask for. Required. */
        public Builder machineType(String machineType) {
            this.machineType = machineType;
            return this;
        }

        /** The Google account the namespace's Kubernetes service account maps to. Required. */
        public Builder training(Identity training) {
            this.training = training;
            return this;
        }

        public TrainingNamespaceArgs build() {
            return new TrainingNamespaceArgs(this);
        }
    }
}
