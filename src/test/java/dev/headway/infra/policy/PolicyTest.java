package dev.headway.infra.policy;

import dev.headway.infra.policy.PolicyCases.Case;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each policy fires on the smallest crafted plan that breaks it, and passes when it is done right. */
class PolicyTest {
    /** Built per test, not once per class: each test checks the suite as {@link PolicySuite#standard()} builds it. */
    private final PolicySuite suite = PolicySuite.standard();

    static List<Case> cases() {
        return PolicyCases.ALL;
    }

    private Policy policy(String id) {
        return suite.byId(id).orElseThrow(() -> new AssertionError("no policy " + id + " in the suite"));
    }

    private static List<String> ids(List<Violation> violations) {
        return violations.stream().map(Violation::line).toList();
    }

    @ParameterizedTest(name = "{0} fires on every bad* resource and nothing else")
    @MethodSource("cases")
    void fires(Case c) {
        Plan plan = Plans.of(c.firing());
        Set<String> bad = plan.resources().stream().map(PlannedResource::name).filter(n -> n.startsWith("bad"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(bad.isEmpty(), "a firing case names its bad resources bad*");

        List<Violation> violations = policy(c.id()).check(plan);

        for (Violation v : violations) {
            assertEquals(c.id(), v.policy());
            assertTrue(v.line().startsWith(c.id() + " " + v.severity() + " "), v.line());
            assertTrue(v.line().contains(" " + v.name() + ": ") && v.line().contains("; fix: "), v.line());
            assertFalse(v.problem().isBlank() || v.fix().isBlank(), v.line());
            assertFalse(v.line().contains("\n"), "one line: " + v.line());
        }
        assertEquals(bad, violations.stream().map(Violation::name).collect(Collectors.toCollection(TreeSet::new)),
                () -> "flagged: " + ids(violations));
    }

    @ParameterizedTest(name = "{0} passes when done right")
    @MethodSource("cases")
    void passes(Case c) {
        Plan plan = Plans.of(c.passing());
        assertFalse(plan.resources().isEmpty());
        List<Violation> violations = policy(c.id()).check(plan);
        assertTrue(violations.isEmpty(), () -> "flagged: " + ids(violations));
    }

    @Test
    void everyPolicyHasACaseAndIdsAreDistinct() {
        List<String> ids = suite.policies().stream().map(Policy::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "distinct ids");
        assertTrue(ids.size() >= 25, "at least 25 policies: " + ids.size());
        List<String> caseIds = PolicyCases.ALL.stream().map(Case::id).toList();
        assertEquals(caseIds.size(), new HashSet<>(caseIds).size(), "one case per policy");
        assertEquals(new TreeSet<>(ids), new TreeSet<>(caseIds), "every policy has a case, every case a policy");
        for (Policy p : suite.policies()) {
            assertTrue(p.id().matches("HW-[A-Z]+-\\d{3}"), p.id());
            assertFalse(p.guards().isBlank() || p.reference().isBlank(), p.id());
        }
    }

    @Test
    void envDependentPoliciesStayQuietInTheOtherEnv() {
        Plan dev = Plans.of("""
                {env: 'dev', resources: [{type: 'gcp:storage/bucket:Bucket', name: 'b', inputs: {name: 'p-hw-dev-root', forceDestroy: true}},
                  {type: 'gcp:bigquery/dataset:Dataset', name: 'd', inputs: {datasetId: 'hw_dev_raw', deleteContentsOnDestroy: true, defaultTableExpirationMs: 86400000}}]}
                """);
        for (String id : List.of("HW-GCS-004", "HW-RET-003", "HW-BQ-002", "HW-RET-001", "HW-RET-002")) {
            assertTrue(policy(id).check(dev).isEmpty(), id);
        }
        Plan prod = Plans.of("""
                {env: 'prod', resources: [{type: 'gcp:bigquery/dataset:Dataset', name: 'd', protect: true, retainOnDelete: true, inputs: {datasetId: 'hw_prod_raw'}},
                  {type: 'gcp:container/cluster:Cluster', name: 'c', protect: true, inputs: {name: 'hw-prod-gke'}}]}
                """);
        for (String id : List.of("HW-RET-004", "HW-RET-005")) {
            assertTrue(policy(id).check(prod).isEmpty(), id);
        }
    }

    @Test
    void unknownValuesAreNotJudged() {
        Plan plan = Plans.of("""
                {resources: [
                  {type: 'gcp:compute/instance:Instance', name: 'vm', inputs: {serviceAccount: {email: '[unknown]'}, labels: '[secret]'}},
                  {type: 'gcp:storage/bucket:Bucket', name: 'b', inputs: {name: '[unknown]', labels: '[unknown]'}}]}
                """);
        for (String id : List.of("HW-IAM-006", "HW-NAM-001", "HW-LBL-001")) {
            assertTrue(policy(id).check(plan).isEmpty(), id);
        }
    }

    @Test
    void suiteReportsEveryPolicyOrderedBySeverity() {
        Plan plan = Plans.of("""
                {resources: [{type: 'gcp:compute/instance:Instance', name: 'vm', inputs: {canIpForward: true}}]}
                """);
        List<Violation> all = suite.check(plan);
        Set<String> policies = all.stream().map(Violation::policy).collect(Collectors.toSet());
        assertTrue(policies.containsAll(List.of("HW-VM-006", "HW-VM-002", "HW-VM-003", "HW-IAM-006", "HW-LBL-001")), policies.toString());
        Comparator<Violation> order = Comparator.comparing(Violation::severity).thenComparing(Violation::policy);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(order.compare(all.get(i - 1), all.get(i)) <= 0, "sorted");
        }
    }

    /**
     * The privilege findings of issue 15, on the plans committed before it (kept gzipped as test
     * resources): the deployer's project-wide account/pool/secret administration, federation by
     * repository name, the previewer reading Firestore documents. The plans of today pass.
     */
    @Test
    void privilegePoliciesFireOnThePlansBeforeIssue15AndNotOnToday() throws Exception {
        for (String stack : List.of("dev", "prod")) {
            Plan before;
            try (var in = new java.util.zip.GZIPInputStream(getClass().getResourceAsStream("/plans/" + stack + "-before-issue-15.plan.json.gz"))) {
                before = dev.headway.infra.synth.PlanJson.fromTree(new com.fasterxml.jackson.databind.ObjectMapper().readTree(in));
            }
            Set<String> flagged = suite.check(before).stream().map(v -> v.policy() + " " + v.name()).collect(Collectors.toSet());
            for (String expected : List.of("HW-IAM-008 hw-" + stack + "-github", "HW-IAM-009 hw-deployer-iam-serviceAccountAdmin",
                    "HW-IAM-009 hw-deployer-iam-workloadIdentityPoolAdmin", "HW-IAM-010 hw-previewer-datastore-viewer",
                    "HW-IAM-010 hw-deployer-datastore-owner")) {
                assertTrue(flagged.contains(expected), stack + ": " + expected + " not in " + flagged);
            }
            if (stack.equals("prod")) {
                assertTrue(flagged.contains("HW-IAM-009 hw-deployer-secretmanager-admin"), flagged.toString());
                assertTrue(flagged.contains("HW-IAM-009 hw-deployer-projectIamAdmin"), flagged.toString());
            }
            Plan today = dev.headway.infra.testing.Synth.stack(stack);
            List<Violation> now = suite.check(today).stream().filter(v -> v.policy().matches("HW-IAM-0(08|09|10)")).toList();
            assertTrue(now.isEmpty(), () -> ids(now).toString());
        }
    }
}
