package dev.headway.infra.platform;

import dev.headway.infra.config.Cidr;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;

import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;

/**
 * Inputs of {@link Platform}: the common ones ({@link ComponentArgs}) and these. None of the
 * platform's resources (services, VPC, subnet, router, NAT, firewall) take labels.
 */
public final class PlatformArgs extends ComponentArgs {
    final String region;
    final Cidr subnetCidr;
    final double flowLogSampling;
    final Set<Api> apis;
    final Map<String, Cidr> secondaryRanges;

    private PlatformArgs(Builder b) {
        super(b);
        this.region = required(b.region, "region");
        this.subnetCidr = required(b.subnetCidr, "subnetCidr");
        this.flowLogSampling = b.flowLogSampling;
        this.apis = Set.copyOf(b.apis);
        this.secondaryRanges = Map.copyOf(b.secondaryRanges);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static PlatformArgs from(Settings s) {
        return builder().settings(s, "platform").region(s.region())
                .subnetCidr(s.network().subnetCidr()).flowLogSampling(s.network().flowLogSampling())
                .apis(Api.forSettings(s))
                .secondaryRanges(s.training().gke().map(g -> Map.of(
                        Platform.GKE_PODS_RANGE, g.podsCidr(),
                        Platform.GKE_SERVICES_RANGE, g.servicesCidr())).orElse(Map.of()))
                .build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private String region;
        private Cidr subnetCidr;
        private double flowLogSampling = 0.5;
        private Set<Api> apis = EnumSet.of(Api.SERVICE_USAGE, Api.COMPUTE);
        private Map<String, Cidr> secondaryRanges = Map.of();

        /** Region of the subnet, router and NAT. Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The subnet's primary range. Required. */
        public Builder subnetCidr(Cidr subnetCidr) {
            this.subnetCidr = subnetCidr;
            return this;
        }

        /** Share of flows sampled into VPC flow logs; default 0.5. */
        public Builder flowLogSampling(double flowLogSampling) {
            this.flowLogSampling = flowLogSampling;
            return this;
        }

        /** APIs to enable; default Service Usage and Compute (the network needs them). */
        public Builder apis(Set<Api> apis) {
            this.apis = EnumSet.copyOf(apis);
            this.apis.add(Api.COMPUTE);
            return this;
        }

        /**
         * Named secondary ranges on the subnet (range name to CIDR), for VPC-native GKE pods and
         * services; default none.
         */
        public Builder secondaryRanges(Map<String, Cidr> secondaryRanges) {
            this.secondaryRanges = new TreeMap<>(secondaryRanges);
            return this;
        }

        public PlatformArgs build() {
            return new PlatformArgs(this);
        }
    }
}
