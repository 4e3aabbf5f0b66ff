package dev.headway.infra.ci;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CiAccessTest {
    static final String POOL = "gcp:iam/workloadIdentityPool:WorkloadIdentityPool";
    static final String PROVIDER = "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider";
    static final String SA_MEMBER = "gcp:serviceaccount/iAMMember:IAMMember";
    static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
    static final String POOL_NAME = "principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/hw-dev-ci";

    static Plan dev;
    static Plan prod;

    /** Per run of the class, not per class load: under mutation testing each mutant gets its own plans. */
    @BeforeAll
    static void synth() {
        dev = Synth.stack("dev");
        prod = Synth.stack("prod");
    }

    @Test
    void providerAcceptsOnlyTheDeployJobAndPullRequestPreviewsOfTheRepositoryById() {
        PlannedResource provider = prod.get(PROVIDER, "hw-prod-github");
        assertEquals("https://token.actions.githubusercontent.com", provider.input("oidc.issuerUri").asText());
        assertEquals("assertion.repository_id == '714250931' && assertion.repository_owner_id == '152733784'"
                        + " && ((assertion.event_name == 'pull_request'"
                        + " && assertion.job_workflow_ref.startsWith('headway-transit/headway-infra/.github/workflows/preview.yml@refs/pull/'))"
                        + " || (assertion.event_name in ['push', 'workflow_dispatch'] && assertion.ref == 'refs/heads/main'"
                        + " && assertion.job_workflow_ref == 'headway-transit/headway-infra/.github/workflows/deploy.yml@refs/heads/main'"
                        + " && assertion.environment == 'production'))",
                provider.input("attributeCondition").asText());
        assertTrue(provider.input("attributeCondition").asText().length() <= 4096, "Google's limit on a condition");
        assertTrue(dev.get(PROVIDER, "hw-dev-github").input("attributeCondition").asText().endsWith("assertion.environment == 'dev'))"));
        assertEquals("assertion.sub", provider.inputs().path("attributeMapping").path("google.subject").asText());
        assertEquals("assertion.event_name == 'pull_request' ? 'preview' : 'deploy'",
                provider.inputs().path("attributeMapping").path("attribute.ci_role").asText());
        assertEquals("hw-prod-ci", provider.input("workloadIdentityPoolId").asText());
    }

    @Test
    void deployerOnlyFromTheDeployGatePreviewerOnlyFromPullRequests() {
        PlannedResource deployer = dev.get(SA_MEMBER, "deployer-wif");
        assertEquals("roles/iam.workloadIdentityUser", deployer.input("role").asText());
        assertEquals(POOL_NAME + "/attribute.ci_role/deploy", deployer.input("member").asText());
        assertEquals("projects/headway-dev/serviceAccounts/hw-dev-deployer@headway-dev.iam.gserviceaccount.com",
                deployer.input("serviceAccountId").asText());
        PlannedResource previewer = dev.get(SA_MEMBER, "previewer-wif");
        assertEquals(POOL_NAME + "/attribute.ci_role/preview", previewer.input("member").asText());
        assertTrue(previewer.input("serviceAccountId").asText().endsWith("/hw-dev-previewer@headway-dev.iam.gserviceaccount.com"));
    }

    @Test
    void repositoryIdsBranchAndEnvironmentComeFromConfig() {
        Plan plan = Synth.stack("dev", Map.of("headway:ci", "{\"githubRepository\":\"acme/infra\",\"repositoryId\":\"42\","
                + "\"repositoryOwnerId\":\"7\",\"deployBranch\":\"release\",\"deployEnvironment\":\"staging\"}"));
        String condition = plan.get(PROVIDER, "hw-dev-github").input("attributeCondition").asText();
        assertTrue(condition.startsWith("assertion.repository_id == '42' && assertion.repository_owner_id == '7'"), condition);
        assertTrue(condition.contains("'acme/infra/.github/workflows/deploy.yml@refs/heads/release'")
                && condition.contains("assertion.ref == 'refs/heads/release'") && condition.contains("assertion.environment == 'staging'"), condition);
    }

    /** The workflow this repository runs must be the one the provider accepts, or CI cannot authenticate. */
    @Test
    void theDeployWorkflowMeetsTheProviderGate() throws Exception {
        var wf = WorkflowsTest.load("deploy.yml");
        Set<String> triggers = new java.util.TreeSet<>();
        wf.path("on").fieldNames().forEachRemaining(triggers::add);
        assertEquals(Set.of("push", "workflow_dispatch"), triggers);
        for (String stack : List.of("dev", "prod")) {
            var job = wf.path("jobs").path("deploy-" + stack);
            String environment = Synth.settings(stack, Map.of()).ci().orElseThrow().deployEnvironment();
            assertEquals(environment, job.path("environment").asText(), "deploy-" + stack + " runs in the environment IAM requires");
            assertTrue(job.path("if").asText().contains("github.ref == 'refs/heads/main'"), "deploy-" + stack + " only from main");
        }
        assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of(CiAccess.DEPLOY_WORKFLOW)));
        assertTrue(java.nio.file.Files.exists(java.nio.file.Path.of(CiAccess.PREVIEW_WORKFLOW)));
    }

    @Test
    void outputsNameTheProviderAndBothAccounts() {
        assertEquals("projects/123456789012/locations/global/workloadIdentityPools/hw-dev-ci/providers/hw-dev-github",
                dev.outputs().get("workloadIdentityProvider").asText());
        assertEquals("hw-dev-deployer@headway-dev.iam.gserviceaccount.com", dev.outputs().get("deployerServiceAccount").asText());
        assertEquals("hw-prod-previewer@headway-prod.iam.gserviceaccount.com", prod.outputs().get("previewerServiceAccount").asText());
    }

    @Test
    void noKeysNoBasicRolesNoPublicMembers() {
        for (Plan plan : List.of(dev, prod)) {
            assertTrue(plan.where(r -> r.type().startsWith("gcp:serviceaccount/key")).isEmpty(), "a service account key");
            for (PlannedResource r : plan.where(r -> r.type().contains("iAMMember") || r.type().contains("iAMBinding"))) {
                String role = r.input("role").asText();
                assertFalse(Set.of("roles/owner", "roles/editor", "roles/viewer").contains(role), r.name() + " has " + role);
                String member = r.input("member").asText();
                assertFalse(member.equals("allUsers") || member.equals("allAuthenticatedUsers"), r.name());
            }
        }
    }

    @Test
    void previewerIsReadOnlyAndReadsNoDocuments() {
        List<String> roles = rolesOf(prod, "hw-prod-previewer");
        assertTrue(roles.contains("roles/iam.securityReviewer") && roles.contains("roles/compute.viewer"), roles.toString());
        assertFalse(roles.contains("roles/datastore.viewer"), "datastore.viewer reads every Firestore document");
        for (String role : roles) {
            assertTrue(role.matches("roles/([a-z]+\\.)?(browser|[A-Za-z]*(Viewer|viewer|Reviewer|reader))")
                    || role.equals("projects/headway-prod/roles/hwFirestoreMetadataViewer"), "not read-only: " + role);
        }
        PlannedResource custom = prod.get("gcp:projects/iAMCustomRole:IAMCustomRole", "hwFirestoreMetadataViewer");
        assertEquals("[\"datastore.databases.getMetadata\",\"datastore.databases.list\"]", custom.input("permissions").toString());
        assertTrue(prod.get(PROJECT_MEMBER, "hw-previewer-hwFirestoreMetadataViewer").dependsOn().contains(custom.urn()),
                "the grant waits for the role it names");
    }

    @Test
    void deployerRolesFollowTheFeaturesSwitchedOn() {
        List<String> devRoles = rolesOf(dev, "hw-dev-deployer");
        List<String> prodRoles = rolesOf(prod, "hw-prod-deployer");
        assertTrue(devRoles.contains("roles/compute.networkAdmin") && devRoles.contains("roles/iam.workloadIdentityPoolViewer"));
        assertFalse(devRoles.contains("roles/container.admin"), "dev has no GKE");
        assertFalse(devRoles.contains("roles/run.admin"), "dev has no batch worker");
        assertTrue(prodRoles.containsAll(List.of("roles/container.admin", "roles/run.admin", "roles/dataflow.admin")), prodRoles.toString());
        assertFalse(devRoles.contains("roles/iam.serviceAccountUser"), "actAs is granted per workload account, not on the project");
    }

    /** Nothing the deployer holds lets it widen its own access: identities and IAM are an owner's to apply. */
    @Test
    void deployerAdministersNoIdentityAndReadsNoSecretPayload() {
        for (String stack : List.of("dev", "prod")) {
            List<String> roles = rolesOf(stack.equals("dev") ? dev : prod, "hw-" + stack + "-deployer");
            for (String role : List.of("roles/iam.serviceAccountAdmin", "roles/iam.workloadIdentityPoolAdmin",
                    "roles/resourcemanager.projectIamAdmin", "roles/secretmanager.admin", "roles/iam.roleAdmin",
                    "roles/iam.securityAdmin", "roles/secretmanager.secretAccessor")) {
                assertFalse(roles.contains(role), stack + " deployer holds " + role);
            }
        }
        PlannedResource custom = prod.get("gcp:projects/iAMCustomRole:IAMCustomRole", "hwSecretContainerAdmin");
        for (var p : custom.input("permissions")) {
            assertFalse(p.asText().startsWith("secretmanager.versions.") || p.asText().endsWith("IamPolicy"), p.asText());
        }
        assertTrue(rolesOf(prod, "hw-prod-deployer").contains("projects/headway-prod/roles/hwSecretContainerAdmin"));
        assertTrue(dev.find("gcp:projects/iAMCustomRole:IAMCustomRole", "hwSecretContainerAdmin").isEmpty(), "dev has no secrets");
    }

    @Test
    void deployerMayActAsEachWorkloadAccountButNotTheCiAccounts() {
        for (String w : List.of("poller", "dataflow", "training", "pipelines", "serving", "batch")) {
            PlannedResource grant = dev.get(SA_MEMBER, "deployer-actas-" + w);
            assertEquals("roles/iam.serviceAccountUser", grant.input("role").asText());
            assertEquals("serviceAccount:hw-dev-deployer@headway-dev.iam.gserviceaccount.com", grant.input("member").asText());
            assertTrue(grant.input("serviceAccountId").asText().contains("/hw-dev-" + w + "@"));
        }
        assertTrue(dev.find(SA_MEMBER, "deployer-actas-deployer").isEmpty());
        assertTrue(dev.find(SA_MEMBER, "deployer-actas-previewer").isEmpty());
    }

    @Test
    void poolWaitsForTheIamAndStsApis() {
        List<String> deps = dev.get(POOL, "hw-dev-ci").dependsOn();
        assertTrue(deps.stream().anyMatch(d -> d.endsWith("::api-sts")), deps.toString());
        assertTrue(deps.stream().anyMatch(d -> d.endsWith("::api-iam")), deps.toString());
    }

    private static List<String> rolesOf(Plan plan, String account) {
        return plan.ofType(PROJECT_MEMBER).stream()
                .filter(r -> r.input("member").asText().startsWith("serviceAccount:" + account + "@"))
                .map(r -> r.input("role").asText()).toList();
    }
}
