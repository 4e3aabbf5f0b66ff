package dev.headway.infra.training;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.DataArgs;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.platform.Platform;

import java.util.List;

/**
 * Inputs of {@link GkeTrainingCluster}: the common ones ({@link DataArgs}: deletion protection in
 * prod) and these.
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
        this.region = required(b.region, "region");
        this.zone = required(b.zone, "zone");
        this.training = required(b.training, "training");
        this.gke = required(b.gke, "gke");
        this.network = required(b.network, "network");
        this.subnetwork = required(b.subnetwork, "subnetwork");
        this.nodeIdentity = required(b.nodeIdentity, "nodeIdentity");
        this.dependsOn = List.copyOf(b.dependsOn);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends DataArgs.Builder<Builder> {
        private String region;
        private String zone;
        private Settings.Training training;
        private Settings.Gke gke;
        private Output<String> network;
        private Output<String> subnetwork;
        private Identity nodeIdentity;
        private List<Resource> dependsOn = List.of();

        /** The regional control plane's region. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The one zone the GPU node pool's nodes run in. Required. */
        public Builder zone(String zone) {
            this.zone = zone;
            return this;
        }

        /** Accelerator, machine type and pool size ({@code maxGpus}) of the GPU node pool. Required. */
        public Builder training(Settings.Training training) {
            this.training = training;
            return this;
        }

        /** Spot, release channel, master range and authorized networks. Required. */
        public Builder gke(Settings.Gke gke) {
            this.gke = gke;
            return this;
        }

        /** The VPC ({@link Platform#networkId()}). Required. */
        public Builder network(Output<String> network) {
            this.network = network;
            return this;
        }

        /** The subnet holding the {@code gke-pods} / {@code gke-services} secondary ranges. Required. */
        public Builder subnetwork(Output<String> subnetwork) {
            this.subnetwork = subnetwork;
            return this;
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
