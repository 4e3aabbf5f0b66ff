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

    private IdentitiesArgs(Builder b) {
        super(b);
        this.workloads = Set.copyOf(b.workloads);
        this.iamApi = required(b.iamApi, "iamApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** One account per workload, in the stack's project. */
    public static IdentitiesArgs from(Settings s, Resource iamApi) {
        return builder().settings(s, "identity").iamApi(iamApi).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private Set<Workload> workloads = EnumSet.allOf(Workload.class);
        private Resource iamApi;

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

        public IdentitiesArgs build() {
            return new IdentitiesArgs(this);
        }
    }
}
