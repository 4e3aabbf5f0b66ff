package dev.headway.infra.ci;

import com.pulumi.core.Output;
import com.pulumi.gcp.iam.WorkloadIdentityPool;
import com.pulumi.gcp.iam.WorkloadIdentityPoolArgs;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProvider;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProviderArgs;
import com.pulumi.gcp.iam.inputs.WorkloadIdentityPoolProviderOidcArgs;
import com.pulumi.gcp.projects.inputs.IAMMemberConditionArgs;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs.Builder;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.identity.Identity;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Keyless CI: a Workload Identity Federation pool with a GitHub OIDC provider that accepts tokens
 * from one repository only; the previewer account may be used by any workflow of that repository
 * (pull requests), the deployer account only by workflows running on the deploy branch. No
 * service account key exists anywhere: GitHub's OIDC token is exchanged for short-lived credentials.
 */
public final class CiAccess extends ComponentResource {
    /** GitHub Actions' OIDC issuer. */
    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    /** Mapped attribute that binds repository and ref together, so a principal set can require both. */
    public static final String REPO_REF = "attribute.repo_ref";

    private final WorkloadIdentityPoolProvider provider;
    private final Identity deployer;
    private final Identity previewer;

    public CiAccess(String name, CiAccessArgs args, ComponentResourceOptions opts) {
        super("headway:ci:CiAccess", name, opts);
        this.deployer = args.deployer;
        this.previewer = args.previewer;
        // Pool and provider ids are soft-deleted for 30 days after a delete and cannot be reused meanwhile
        // (docs/lifecycle.md): the ids carry the deployment suffix; the logical names stay stable.
        String poolId = args.names.workloadIdentity("ci");
        WorkloadIdentityPool pool = new WorkloadIdentityPool(args.names.of("ci"), WorkloadIdentityPoolArgs.builder()
                .project(args.project)
                .workloadIdentityPoolId(poolId)
                .displayName("Headway " + args.names.env() + " CI")
                .description("GitHub Actions of " + args.repository + " (keyless)")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.apis).build());

        String providerId = args.names.workloadIdentity("github");
        this.provider = new WorkloadIdentityPoolProvider(args.names.of("github"), WorkloadIdentityPoolProviderArgs.builder()
                .project(args.project)
                .workloadIdentityPoolId(pool.workloadIdentityPoolId())
                .workloadIdentityPoolProviderId(providerId)
                .displayName("GitHub Actions")
                .description("Tokens of " + args.repository + " only")
                .attributeMapping(Map.of(
                        "google.subject", "assertion.sub",
                        "attribute.repository", "assertion.repository",
                        "attribute.repository_owner", "assertion.repository_owner",
                        "attribute.ref", "assertion.ref",
                        "attribute.actor", "assertion.actor",
                        "attribute.workflow_ref", "assertion.job_workflow_ref",
                        REPO_REF, "assertion.repository + '@' + assertion.ref"))
                .attributeCondition(attributeCondition(args.repository))
                .oidc(WorkloadIdentityPoolProviderOidcArgs.builder().issuerUri(GITHUB_ISSUER).build())
                .build(), CustomResourceOptions.builder().parent(this).build());

        Output<String> poolPrincipals = pool.name().applyValue(n -> "principalSet://iam.googleapis.com/" + n);
        bindWorkloadIdentity("previewer-wif", previewer,
                poolPrincipals.applyValue(p -> p + "/attribute.repository/" + args.repository));
        bindWorkloadIdentity("deployer-wif", deployer,
                poolPrincipals.applyValue(p -> p + "/" + REPO_REF + "/" + args.repository + "@refs/heads/" + args.deployBranch));

        args.deployerRoles.forEach((role, why) -> deployer.grantProjectRole(role, why));
        args.previewerRoles.forEach((role, why) -> previewer.grantProjectRole(role, why));
        deployer.grantProjectRole("hw-deployer-projectIamAdmin", "roles/resourcemanager.projectIamAdmin",
                IAMMemberConditionArgs.builder()
                        .title("only the stack's workload roles")
                        .description("The deployer may add or remove only these project roles; changing its own roles needs a human owner")
                        .expression(delegationCondition(args.delegableRoles))
                        .build(), this);
        for (Identity workload : args.workloads) {
            // Scoped actAs: the deployer attaches this account to resources, and nothing else. Recorded on the
            // workload too, so what runs as it (and depends on its readiness) waits for the deployer's access.
            workload.recordGrant(bind("deployer-actas-" + workload.workload().purpose(), workload,
                    "roles/iam.serviceAccountUser", deployer.member()));
        }

        registerOutputs(Map.of(
                "workloadIdentityProvider", provider.name(),
                "deployerServiceAccount", deployer.email(),
                "previewerServiceAccount", previewer.email()));
    }

    /** CEL over GitHub's token claims: this repository, under its owner, nothing else. */
    static String attributeCondition(String repository) {
        String owner = repository.substring(0, repository.indexOf('/'));
        return "assertion.repository == '" + repository + "' && assertion.repository_owner == '" + owner + "'";
    }

    /** The IAM condition limiting which roles a projectIamAdmin grant may add or remove. */
    static String delegationCondition(java.util.List<String> roles) {
        return "api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(["
                + roles.stream().map(r -> "'" + r + "'").collect(Collectors.joining(", ")) + "])";
    }

    private void bindWorkloadIdentity(String name, Identity account, Output<String> principals) {
        account.recordGrant(bind(name, account, "roles/iam.workloadIdentityUser", principals));
    }

    private com.pulumi.gcp.serviceaccount.IAMMember bind(String name, Identity account, String role, Output<String> member) {
        Builder b = com.pulumi.gcp.serviceaccount.IAMMemberArgs.builder()
                .serviceAccountId(account.name())
                .role(role)
                .member(member);
        return new com.pulumi.gcp.serviceaccount.IAMMember(name, b.build(), CustomResourceOptions.builder().parent(this).build());
    }

    /** The provider's full resource name, for google-github-actions/auth's {@code workload_identity_provider}. */
    public Output<String> workloadIdentityProvider() {
        return provider.name();
    }

    public Output<String> deployerServiceAccount() {
        return deployer.email();
    }

    public Output<String> previewerServiceAccount() {
        return previewer.email();
    }
}
