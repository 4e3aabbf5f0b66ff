package dev.headway.infra.artifacts;

import com.pulumi.core.Output;
import com.pulumi.gcp.artifactregistry.Repository;
import com.pulumi.gcp.artifactregistry.RepositoryArgs;
import com.pulumi.gcp.artifactregistry.RepositoryIamMember;
import com.pulumi.gcp.artifactregistry.RepositoryIamMemberArgs;
import com.pulumi.gcp.artifactregistry.inputs.RepositoryCleanupPolicyArgs;
import com.pulumi.gcp.artifactregistry.inputs.RepositoryCleanupPolicyConditionArgs;
import com.pulumi.gcp.artifactregistry.inputs.RepositoryCleanupPolicyMostRecentVersionsArgs;
import com.pulumi.gcp.artifactregistry.inputs.RepositoryDockerConfigArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.identity.Identity;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Artifact Registry: docker {@code training} and {@code serving}, KFP {@code pipelines} (see
 * {@link Repo}), each with cleanup policies (keep the N most recent versions, delete untagged
 * versions after D days) and, for docker, immutable tags when configured. Access is granted per
 * repository through {@link #grantRead} and {@link #grantWrite}.
 */
public final class ArtifactRepos extends ComponentResource {
    static final String READER = "roles/artifactregistry.reader";
    static final String WRITER = "roles/artifactregistry.writer";

    private final ArtifactReposArgs args;
    private final Map<Repo, Repository> repos = new EnumMap<>(Repo.class);

    public ArtifactRepos(String name, ArtifactReposArgs args, ComponentResourceOptions opts) {
        super("headway:artifacts:ArtifactRepos", name, opts);
        this.args = args;
        Map<String, Output<?>> outputs = new TreeMap<>();
        for (Repo repo : Repo.values()) {
            String id = args.names.of(repo.purpose());
            RepositoryArgs.Builder b = RepositoryArgs.builder()
                    .project(args.project)
                    .location(args.location)
                    .repositoryId(id)
                    .format(repo.format())
                    .description(repo.description())
                    .labels(args.labels)
                    .cleanupPolicyDryRun(false)
                    .cleanupPolicies(
                            RepositoryCleanupPolicyArgs.builder()
                                    .id("keep-" + args.keepRecent + "-most-recent")
                                    .action("KEEP")
                                    .mostRecentVersions(RepositoryCleanupPolicyMostRecentVersionsArgs.builder()
                                            .keepCount(args.keepRecent).build())
                                    .build(),
                            RepositoryCleanupPolicyArgs.builder()
                                    .id("delete-untagged-after-" + args.deleteUntaggedAfterDays + "d")
                                    .action("DELETE")
                                    .condition(RepositoryCleanupPolicyConditionArgs.builder()
                                            .tagState("UNTAGGED")
                                            .olderThan(args.deleteUntaggedAfterDays * 86_400L + "s")
                                            .build())
                                    .build());
            if (repo.isDocker()) {
                b.dockerConfig(RepositoryDockerConfigArgs.builder().immutableTags(args.immutableTags).build());
            }
            Repository r = new Repository(id, b.build(), CustomResourceOptions.builder()
                    .parent(this).dependsOn(args.artifactRegistryApi).build());
            repos.put(repo, r);
            outputs.put(repo.purpose(), url(repo));
        }
        registerOutputs(outputs);
    }

    /** The repository's address (see {@link Repo#url}); depends on the repository. */
    public Output<String> url(Repo repo) {
        Repository r = repository(repo);
        return Output.tuple(r.location(), r.project(), r.repositoryId())
                .applyValue(t -> repo.url(t.t1, t.t2, t.t3));
    }

    /**
     * The repository's address as a plain value, known before the repository exists: what a
     * workload's pinned image is prefixed with. A workload that took {@link #url} instead would
     * take its image from a repository the same {@code up} creates, empty (policy HW-PRV-004).
     */
    public String address(Repo repo) {
        return repo.url(args.location, args.project, args.names.of(repo.purpose()));
    }

    /** {@code identity} may pull from (download) {@code repo}. */
    public RepositoryIamMember grantRead(Repo repo, Identity identity) {
        return grant(repo, identity, READER, "read");
    }

    /** {@code identity} may push to (upload, tag) {@code repo}; never delete or administer. */
    public RepositoryIamMember grantWrite(Repo repo, Identity identity) {
        return grant(repo, identity, WRITER, "write");
    }

    private RepositoryIamMember grant(Repo repo, Identity identity, String role, String verb) {
        Repository r = repository(repo);
        String name = args.names.of(repo.purpose()) + "-" + verb + "-" + identity.workload().purpose();
        return identity.recordGrant(new RepositoryIamMember(name, RepositoryIamMemberArgs.builder()
                .project(args.project)
                .location(args.location)
                .repository(r.name())
                .role(role)
                .member(identity.member())
                .build(), CustomResourceOptions.builder().parent(this).build()));
    }

    public Repository repository(Repo repo) {
        return repos.get(repo);
    }
}
