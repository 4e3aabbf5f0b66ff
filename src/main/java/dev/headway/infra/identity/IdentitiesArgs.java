package dev.headway.infra.identity;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;

import java.util.EnumSet;
import java.util.Set;

/**
 * Inputs of {@link Identities}: the common ones ({@link ComponentArgs}) and these. Service accounts
 * take no labels.
 */
public final class IdentitiesArgs extends ComponentArgs {
    final Set<Workload> workloads;
    final Resource iamApi;
    final Resource resourceManagerApi;

    private IdentitiesArgs(Builder b) {
        super(b);
        this.workloads = Set.copyOf(b.workloads);
        this.iamApi = required(b.iamApi, "iamApi");
        this.resourceManagerApi = required(b.resourceManagerApi, "resourceManagerApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * One account per workload, in the stack's project; no deployer and no previewer when the stack
     * declares no CI identity ({@code headway:ci.enabled: false}).
     */
    public static IdentitiesArgs from(Settings s, Resource iamApi, Resource resourceManagerApi) {
        Set<Workload> workloads = EnumSet.allOf(Workload.class);
        if (s.ci().isEmpty()) {
            workloads.removeAll(Workload.CI);
        }
        return builder().settings(s, "identity").workloads(workloads).iamApi(iamApi).resourceManagerApi(resourceManagerApi).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private Set<Workload> workloads = EnumSet.allOf(Workload.class);
        private Resource iamApi;
        private Resource resourceManagerApi;

        /** The workloads to make accounts for; default all of them. */
        public Builder workloads(Set<Workload> workloads) {
            this.workloads = EnumSet.copyOf(workloads);
            return this;
        }

        /** The IAM API's enablement; accounts are created after it. Required. */
        public Builder iamApi(Resource iamApi) {
            this.iamApi = iamApi;
            return this;
        }

        /** The Resource Manager API's enablement; project-level grants wait for it. Required. */
        public Builder resourceManagerApi(Resource resourceManagerApi) {
            this.resourceManagerApi = resourceManagerApi;
            return this;
        }

        public IdentitiesArgs build() {
            return new IdentitiesArgs(this);
        }
    }
}
