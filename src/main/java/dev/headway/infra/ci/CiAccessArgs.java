package dev.headway.infra.ci;

import com.pulumi.resources.Resource;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.identity.Identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** Inputs of {@link CiAccess}. */
public final class CiAccessArgs {
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    final String project;
    final Names names;
    final String repository;
    final String deployBranch;
    final Identity deployer;
    final Identity previewer;
    final List<Identity> workloads;
    final Map<String, String> deployerRoles;
    final Map<String, String> previewerRoles;
    final List<String> delegableRoles;
    final List<Resource> apis;

    private CiAccessArgs(Builder b) {
        this.project = Objects.requireNonNull(b.project, "project");
        this.names = Objects.requireNonNull(b.names, "names");
        this.repository = Objects.requireNonNull(b.repository, "repository");
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("repository must be owner/name: " + repository);
        }
        this.deployBranch = Objects.requireNonNull(b.deployBranch, "deployBranch");
        this.deployer = Objects.requireNonNull(b.deployer, "deployer");
        this.previewer = Objects.requireNonNull(b.previewer, "previewer");
        this.workloads = List.copyOf(b.workloads);
        this.deployerRoles = Map.copyOf(b.deployerRoles);
        this.previewerRoles = Map.copyOf(b.previewerRoles);
        this.delegableRoles = List.copyOf(b.delegableRoles);
        this.apis = List.copyOf(b.apis);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String project;
        private Names names;
        private String repository;
        private String deployBranch = "main";
        private Identity deployer;
        private Identity previewer;
        private List<Identity> workloads = List.of();
        private Map<String, String> deployerRoles = Map.of();
        private Map<String, String> previewerRoles = Map.of();
        private List<String> delegableRoles = CiRoles.DELEGABLE_PROJECT_ROLES;
        private final List<Resource> apis = new ArrayList<>();

        public Builder project(String project) {
            this.project = project;
            return this;
        }

        public Builder names(Names names) {
            this.names = names;
            return this;
        }

        /** The GitHub repository ({@code owner/name}) whose workflows may authenticate. Required. */
        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        /** The only branch whose workflows may act as the deployer; default {@code main}. */
        public Builder deployBranch(String deployBranch) {
            this.deployBranch = deployBranch;
            return this;
        }

        /** The account {@code pulumi up} runs as (Workload.DEPLOYER). Required. */
        public Builder deployer(Identity deployer) {
            this.deployer = deployer;
            return this;
        }

        /** The account {@code pulumi preview} runs as (Workload.PREVIEWER). Required. */
        public Builder previewer(Identity previewer) {
            this.previewer = previewer;
            return this;
        }

        /**
         * Workload accounts the deployer attaches to resources (VM, Dataflow, Cloud Run, GKE nodes):
         * it gets {@code iam.serviceAccountUser} on each of them, not on the project. Default none.
         */
        public Builder workloads(List<Identity> workloads) {
            this.workloads = List.copyOf(workloads);
            return this;
        }

        /** Role to reason; default none. {@link CiRoles#deployer} lists what this stack needs. */
        public Builder deployerRoles(Map<String, String> roles) {
            this.deployerRoles = new LinkedHashMap<>(roles);
            return this;
        }

        /** Role to reason; default none. {@link CiRoles#previewer} lists what this stack needs. */
        public Builder previewerRoles(Map<String, String> roles) {
            this.previewerRoles = new LinkedHashMap<>(roles);
            return this;
        }

        /** Project roles the deployer may grant to others; default {@link CiRoles#DELEGABLE_PROJECT_ROLES}. */
        public Builder delegableRoles(List<String> roles) {
            this.delegableRoles = List.copyOf(roles);
            return this;
        }

        /** API enablements (IAM, STS, IAM credentials) the pool and grants depend on. */
        public Builder dependsOn(Resource... apis) {
            this.apis.addAll(List.of(apis));
            return this;
        }

        public CiAccessArgs build() {
            return new CiAccessArgs(this);
        }
    }
}
