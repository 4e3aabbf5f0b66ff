package dev.headway.infra.ci;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.identity.Workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Inputs of {@link CiAccess}: the common ones ({@link ComponentArgs}) and these. Workload identity
 * pools and IAM members take no labels.
 */
public final class CiAccessArgs extends ComponentArgs {
    private static final Pattern GITHUB_ID = Pattern.compile("[1-9][0-9]{0,19}");
    private static final Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+");

    final String repository;
    final String repositoryId;
    final String repositoryOwnerId;
    final String deployBranch;
    final String deployEnvironment;
    final boolean secretContainers;
    final Identity deployer;
    final Identity previewer;
    final List<Identity> workloads;
    final Map<String, String> deployerRoles;
    final Map<String, String> previewerRoles;
    final List<Resource> apis;

    private CiAccessArgs(Builder b) {
        super(b);
        this.repository = required(b.repository, "repository");
        if (!REPOSITORY.matcher(repository).matches()) {
            throw new IllegalArgumentException("repository must be owner/name: " + repository);
        }
        this.repositoryId = required(b.repositoryId, "repositoryId");
        this.repositoryOwnerId = required(b.repositoryOwnerId, "repositoryOwnerId");
        if (!GITHUB_ID.matcher(repositoryId).matches() || !GITHUB_ID.matcher(repositoryOwnerId).matches()) {
            throw new IllegalArgumentException("repositoryId and repositoryOwnerId are GitHub's numeric ids: " + repositoryId + ", " + repositoryOwnerId);
        }
        this.deployBranch = required(b.deployBranch, "deployBranch");
        this.deployEnvironment = required(b.deployEnvironment, "deployEnvironment");
        for (String literal : List.of(repository, deployBranch, deployEnvironment)) {
            if (literal.contains("'") || literal.contains("\\")) {
                throw new IllegalArgumentException("no quote or backslash in a CEL literal: " + literal);
            }
        }
        this.secretContainers = b.secretContainers;
        this.deployer = required(b.deployer, "deployer");
        this.previewer = required(b.previewer, "previewer");
        this.workloads = List.copyOf(b.workloads);
        this.deployerRoles = Map.copyOf(b.deployerRoles);
        this.previewerRoles = Map.copyOf(b.previewerRoles);
        this.apis = List.copyOf(b.apis);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * From {@code headway:ci}: the deployer and previewer accounts of {@code identities}, actAs on
     * every other workload account, the roles {@link CiRoles} lists for this stack.
     */
    public static CiAccessArgs from(Settings s, Identities identities, Resource... apis) {
        Settings.Ci ci = s.ci().orElseThrow(() -> new IllegalStateException("headway:ci.enabled is false: the stack declares no CiAccess"));
        return builder().settings(s, "ci")
                .repository(ci.githubRepository())
                .repositoryIds(ci.repositoryId(), ci.repositoryOwnerId())
                .deployBranch(ci.deployBranch()).deployEnvironment(ci.deployEnvironment())
                .secretContainers(s.batch().enabled())
                .deployer(identities.of(Workload.DEPLOYER)).previewer(identities.of(Workload.PREVIEWER))
                .workloads(Arrays.stream(Workload.values())
                        .filter(w -> w != Workload.DEPLOYER && w != Workload.PREVIEWER).map(identities::of).toList())
                .deployerRoles(CiRoles.deployer(s)).previewerRoles(CiRoles.previewer(s))
                .dependsOn(apis).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private String repository;
        private String repositoryId;
        private String repositoryOwnerId;
        private String deployBranch = "main";
        private String deployEnvironment;
        private boolean secretContainers;
        private Identity deployer;
        private Identity previewer;
        private List<Identity> workloads = List.of();
        private Map<String, String> deployerRoles = Map.of();
        private Map<String, String> previewerRoles = Map.of();
        private final List<Resource> apis = new ArrayList<>();

        /** The GitHub repository ({@code owner/name}) whose workflows may authenticate. Required. */
        public Builder repository(String repository) {
            this.repository = repository;
            return this;
        }

        /** GitHub's immutable ids of the repository and of its owner (the token's repository_id, repository_owner_id). Required. */
        public Builder repositoryIds(String repositoryId, String ownerId) {
            this.repositoryId = repositoryId;
            this.repositoryOwnerId = ownerId;
            return this;
        }

        /** The GitHub environment the deploy job runs in (its reviewers gate the deployer). Required. */
        public Builder deployEnvironment(String environment) {
            this.deployEnvironment = environment;
            return this;
        }

        /** Whether the deployer manages Secret Manager secrets (the custom role without payload access); default false. */
        public Builder secretContainers(boolean secretContainers) {
            this.secretContainers = secretContainers;
            return this;
        }

        /** The only branch whose deploy workflow may act as the deployer; default {@code main}. */
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
