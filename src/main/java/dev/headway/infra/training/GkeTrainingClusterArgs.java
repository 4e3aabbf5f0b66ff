package dev.headway.infra.training;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;
import dev.headway.infra.identity.Identity;

import java.util.List;

/**
 * Inputs of {@link GkeTrainingCluster}: the common ones ({@link DataArgs}: deletion protection in
 * prod) and the pool it backs, whose region, zone, accelerator, size, GKE settings and network it
 * takes, so the cluster cannot disagree with its pool.
 */
public final class GkeTrainingClusterArgs extends DataArgs {
    final String region;
    final String zone;
    final Settings.Training training;
    final Settings.Gke gke;
    final Output<String> network;
    final Output<String> subnetwork;
    final Identity nodeIdentity;
    final List<Resource> dependsOn;

    private GkeTrainingClusterArgs(Builder b) {
        super(b);
        TrainingPoolArgs pool = required(b.pool, "pool");
        this.region = pool.region;
        this.zone = pool.zone;
        this.training = pool.training;
        this.gke = training.gke().orElseThrow(() -> new IllegalArgumentException(
                "the pool has no GKE backend (headway:training.gke)"));
        this.network = pool.platform.networkId();
        this.subnetwork = pool.platform.subnetworkId();
        this.nodeIdentity = required(b.nodeIdentity, "nodeIdentity");
        this.dependsOn = List.copyOf(b.dependsOn);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private TrainingPoolArgs pool;
        private Identity nodeIdentity;
        private List<Resource> dependsOn = List.of();

        /**
         * The pool this cluster backs: also its common inputs. The cluster is regional in the pool's
         * region, its GPU nodes in the pool's zone, on the platform subnet's GKE ranges. Required.
         */
        public Builder pool(TrainingPoolArgs pool) {
            this.pool = pool;
            return sameAs(pool);
        }

        /** The account nodes run as (the training account). Required. */
        public Builder nodeIdentity(Identity identity) {
            this.nodeIdentity = identity;
            return this;
        }

        /** What the cluster and pool wait for: the node identity's readiness, the Kubernetes Engine API; default none. */
        public Builder dependsOn(List<Resource> dependsOn) {
            this.dependsOn = dependsOn;
            return this;
        }

        public GkeTrainingClusterArgs build() {
            return new GkeTrainingClusterArgs(this);
        }
    }
}
