package dev.headway.infra.ci;

import com.pulumi.core.Output;
import com.pulumi.gcp.iam.WorkloadIdentityPool;
import com.pulumi.gcp.iam.WorkloadIdentityPoolArgs;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProvider;
import com.pulumi.gcp.iam.WorkloadIdentityPoolProviderArgs;
import com.pulumi.gcp.iam.inputs.WorkloadIdentityPoolProviderOidcArgs;
import com.pulumi.gcp.projects.IAMCustomRole;
import com.pulumi.gcp.projects.IAMCustomRoleArgs;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs.Builder;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.identity.Identity;

import java.util.List;
import java.util.Map;

/**
 * Keyless CI: a Workload Identity Federation pool with a GitHub OIDC provider that accepts two kinds
 * of token from one repository (matched by its immutable ids), and nothing else: a pull_request run
 * of the preview workflow (the read-only previewer) and the deploy workflow's job running on the
 * deploy branch in the deploy environment (the deployer; the environment's required reviewers are
 * then enforced by IAM, not only by the workflow). No service account key exists anywhere.
 *
 * <p>Claims: GitHub, "About security hardening with OpenID Connect", the token's
 * {@code repository_id}, {@code repository_owner_id}, {@code event_name}, {@code ref},
 * {@code environment} and {@code job_workflow_ref}
 * (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/about-security-hardening-with-openid-connect).
 * Conditions: Google, "Workload Identity Federation with deployment pipelines" (attribute conditions
 * are CEL over {@code assertion}, at most 4096 characters; a token the condition rejects is not
 * exchanged) https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines.
 */
public final class CiAccess extends ComponentResource {
    /** GitHub Actions' OIDC issuer. */
    public static final String GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
    /** Mapped attribute naming which CI identity a token may become: {@link #DEPLOY} or {@link #PREVIEW}. */
    public static final String CI_ROLE = "attribute.ci_role";
    public static final String DEPLOY = "deploy";
    public static final String PREVIEW = "preview";
    /** The workflow files, relative to the repository root, whose jobs may federate. */
    public static final String DEPLOY_WORKFLOW = ".github/workflows/deploy.yml";
    public static final String PREVIEW_WORKFLOW = ".github/workflows/preview.yml";

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
                .description("Deploy and preview workflows of " + args.repository + " only")
                .attributeMapping(Map.of(
                        "google.subject", "assertion.sub",
                        "attribute.repository_id", "assertion.repository_id",
                        "attribute.workflow_ref", "assertion.job_workflow_ref",
                        "attribute.event_name", "assertion.event_name",
                        CI_ROLE, "assertion.event_name == 'pull_request' ? '" + PREVIEW + "' : '" + DEPLOY + "'"))
                .attributeCondition(attributeCondition(args))
                .oidc(WorkloadIdentityPoolProviderOidcArgs.builder().issuerUri(GITHUB_ISSUER).build())
                .build(), CustomResourceOptions.builder().parent(this).build());

        Output<String> poolPrincipals = pool.name().applyValue(n -> "principalSet://iam.googleapis.com/" + n + "/" + CI_ROLE + "/");
        bindWorkloadIdentity("previewer-wif", previewer, poolPrincipals.applyValue(p -> p + PREVIEW));
        bindWorkloadIdentity("deployer-wif", deployer, poolPrincipals.applyValue(p -> p + DEPLOY));

        args.deployerRoles.forEach((role, why) -> deployer.grantProjectRole(role, why));
        args.previewerRoles.forEach((role, why) -> previewer.grantProjectRole(role, why));
        grantCustomRole(args, deployer, CiRoles.SECRET_CONTAINERS, "Headway secret containers",
                CiRoles.SECRET_CONTAINER_PERMISSIONS, args.secretContainers);
        grantCustomRole(args, previewer, CiRoles.FIRESTORE_METADATA, "Headway Firestore metadata viewer",
                CiRoles.FIRESTORE_METADATA_PERMISSIONS, true);
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

    /**
     * CEL over GitHub's token claims: this repository and owner by their immutable ids, and then
     * either a pull_request run of the preview workflow or the deploy workflow's job on the deploy
     * branch, started by a push or a manual dispatch, in the deploy environment.
     */
    static String attributeCondition(CiAccessArgs a) {
        String workflows = a.repository + "/";
        return "assertion.repository_id == '" + a.repositoryId + "'"
                + " && assertion.repository_owner_id == '" + a.repositoryOwnerId + "'"
                + " && ((assertion.event_name == 'pull_request'"
                + " && assertion.job_workflow_ref.startsWith('" + workflows + PREVIEW_WORKFLOW + "@refs/pull/'))"
                + " || (assertion.event_name in ['push', 'workflow_dispatch']"
                + " && assertion.ref == 'refs/heads/" + a.deployBranch + "'"
                + " && assertion.job_workflow_ref == '" + workflows + DEPLOY_WORKFLOW + "@refs/heads/" + a.deployBranch + "'"
                + " && assertion.environment == '" + a.deployEnvironment + "'))";
    }

    /**
     * A project custom role holding exactly {@code permissions}, granted to {@code account} on the project.
     * A deleted custom role is kept (soft-deleted) and its id stays taken; the provider's create undeletes and
     * updates it, so dev's {@code up} after {@code destroy} converges (terraform-provider-google-beta v5.0.0,
     * google-beta/services/resourcemanager/resource_google_project_iam_custom_role.go, Create: {@code r.Deleted}).
     */
    private void grantCustomRole(CiAccessArgs args, Identity account, String roleId, String title, List<String> permissions,
                                 boolean needed) {
        if (!needed) {
            return;
        }
        IAMCustomRole role = new IAMCustomRole(roleId, IAMCustomRoleArgs.builder()
                .project(args.project).roleId(roleId).title(title)
                .description("Least privilege for " + account.workload().purpose() + "; see ci/CiRoles")
                .permissions(permissions).build(), CustomResourceOptions.builder().parent(this).dependsOn(args.apis).build());
        account.grantCustomRole("hw-" + account.workload().purpose() + "-" + roleId, role,
                "projects/" + args.project + "/roles/" + roleId, this);
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
