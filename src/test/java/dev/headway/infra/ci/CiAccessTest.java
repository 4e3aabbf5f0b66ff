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
    void providerAcceptsGithubTokensOfTheConfiguredRepositoryOnly() {
        PlannedResource provider = dev.get(PROVIDER, "hw-dev-github");
        assertEquals("https://token.actions.githubusercontent.com", provider.input("oidc.issuerUri").asText());
        assertEquals("assertion.repository == 'headway-transit/headway-infra' && assertion.repository_owner == 'headway-transit'",
                provider.input("attributeCondition").asText());
        assertEquals("assertion.sub", provider.inputs().path("attributeMapping").path("google.subject").asText(),
                "google.subject mapping; got " + provider.input("attributeMapping"));
        assertEquals("assertion.repository + '@' + assertion.ref", provider.inputs().path("attributeMapping").path("attribute.repo_ref").asText());
        assertEquals("hw-dev-ci", provider.input("workloadIdentityPoolId").asText());
        assertEquals("hw-dev-ci", dev.get(POOL, "hw-dev-ci").input("workloadIdentityPoolId").asText());
    }

    @Test
    void deployerOnlyFromTheDeployBranchPreviewerFromTheRepository() {
        PlannedResource deployer = dev.get(SA_MEMBER, "deployer-wif");
        assertEquals("roles/iam.workloadIdentityUser", deployer.input("role").asText());
        assertEquals(POOL_NAME + "/attribute.repo_ref/headway-transit/headway-infra@refs/heads/main", deployer.input("member").asText());
        assertEquals("projects/headway-dev/serviceAccounts/hw-dev-deployer@headway-dev.iam.gserviceaccount.com",
                deployer.input("serviceAccountId").asText());
        PlannedResource previewer = dev.get(SA_MEMBER, "previewer-wif");
        assertEquals(POOL_NAME + "/attribute.repository/headway-transit/headway-infra", previewer.input("member").asText());
        assertTrue(previewer.input("serviceAccountId").asText().endsWith("/hw-dev-previewer@headway-dev.iam.gserviceaccount.com"));
    }

    @Test
    void repositoryAndBranchComeFromConfig() {
        Plan plan = Synth.stack("dev", Map.of("headway:ci", "{\"githubRepository\":\"acme/infra\",\"deployBranch\":\"release\"}"));
        assertTrue(plan.get(SA_MEMBER, "deployer-wif").input("member").asText().endsWith("/attribute.repo_ref/acme/infra@refs/heads/release"));
        assertTrue(plan.get(PROVIDER, "hw-dev-github").input("attributeCondition").asText().contains("'acme/infra'"));
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
    void previewerIsReadOnly() {
        List<String> roles = rolesOf(prod, "hw-prod-previewer");
        assertTrue(roles.contains("roles/iam.securityReviewer") && roles.contains("roles/compute.viewer"), roles.toString());
        for (String role : roles) {
            assertTrue(role.matches("roles/([a-z]+\\.)?(browser|[A-Za-z]*(Viewer|viewer|Reviewer|reader))"), "not read-only: " + role);
        }
    }

    @Test
    void deployerRolesFollowTheFeaturesSwitchedOn() {
        List<String> devRoles = rolesOf(dev, "hw-dev-deployer");
        List<String> prodRoles = rolesOf(prod, "hw-prod-deployer");
        assertTrue(devRoles.contains("roles/compute.networkAdmin") && devRoles.contains("roles/iam.workloadIdentityPoolAdmin"));
        assertFalse(devRoles.contains("roles/container.admin"), "dev has no GKE");
        assertFalse(devRoles.contains("roles/run.admin"), "dev has no batch worker");
        assertTrue(prodRoles.containsAll(List.of("roles/container.admin", "roles/run.admin", "roles/dataflow.admin")), prodRoles.toString());
        assertFalse(devRoles.contains("roles/iam.serviceAccountUser"), "actAs is granted per workload account, not on the project");
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
    void deployerMayOnlyGrantTheStacksWorkloadRoles() {
        PlannedResource iamAdmin = prod.get(PROJECT_MEMBER, "hw-deployer-projectIamAdmin");
        assertEquals("roles/resourcemanager.projectIamAdmin", iamAdmin.input("role").asText());
        String expr = iamAdmin.input("condition.expression").asText();
        assertTrue(expr.startsWith("api.getAttribute('iam.googleapis.com/modifiedGrantsByRole', []).hasOnly(['"), expr);
        // Every project role the program grants to a workload account must be delegable, or the deployer's up is denied.
        for (Plan plan : List.of(dev, prod)) {
            for (PlannedResource r : plan.ofType(PROJECT_MEMBER)) {
                String member = r.input("member").asText();
                if (member.contains("-deployer@") || member.contains("-previewer@")) {
                    continue;
                }
                String role = r.input("role").asText();
                assertTrue(CiRoles.DELEGABLE_PROJECT_ROLES.contains(role), r.name() + " grants " + role
                        + " which the deployer may not grant; add it to CiRoles.DELEGABLE_PROJECT_ROLES");
                assertTrue(expr.contains("'" + role + "'"));
            }
        }
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
