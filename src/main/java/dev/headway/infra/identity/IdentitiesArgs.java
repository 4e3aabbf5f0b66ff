package dev.headway.infra.identity;

import dev.headway.infra.conventions.Names;
import com.pulumi.resources.Resource;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** Inputs of {@link Identities}. */
public final class IdentitiesArgs {
    final String project;
    final Names names;
    final Set<Workload> workloads;
    final Resource iamApi;

    private IdentitiesArgs(Builder b) {
        this.project = Objects.requireNonNull(b.project, "project");
        this.names = Objects.requireNonNull(b.names, "names");
        this.workloads = Set.copyOf(b.workloads);
        this.iamApi = Objects.requireNonNull(b.iamApi, "iamApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String project;
        private Names names;
        private Set<Workload> workloads = EnumSet.allOf(Workload.class);
        private Resource iamApi;

        public Builder project(String project) {
            this.project = project;
            return this;
        }

        public Builder names(Names names) {
            this.names = names;
            return this;
        }

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
