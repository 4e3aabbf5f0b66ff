package dev.headway.infra.policy;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider family against the plans it was written against: the committed plans as they were
 * before the fixes of issue 13 (kept in src/test/resources/plans), where each rule fires on the
 * defect it names, and today's stacks, where none does.
 */
class ProviderPoliciesTest {
    /** Built per test, not once per class: each test checks the suite as {@link PolicySuite#standard()} builds it. */
    private final PolicySuite suite = PolicySuite.standard();

    private static Plan before(String stack) {
        return PlanJson.read(Path.of("src/test/resources/plans/" + stack + "-before-provider-fixes.plan.json"));
    }

    private Set<String> flagged(Plan plan, String id) {
        return suite.byId(id).orElseThrow().check(plan).stream().map(v -> v.name()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRuleFiresOnTheProdPlanItWasWrittenAgainst() {
        Plan prod = before("prod");
        // the A100 pool in the poller's zone us-east1-c, which offers no A100
        assertEquals(Set.of("hw-prod-training-gpu"), flagged(prod, "HW-PRV-001"));
        // authorized networks on, with an empty list: the Kubernetes provider reaches nothing
        assertEquals(Set.of("training-namespace-k8s"), flagged(prod, "HW-PRV-002"));
        // the Dataflow worker account may pull from no repository
        assertEquals(Set.of("hw-prod-feed-to-bigquery"), flagged(prod, "HW-PRV-003"));
        // the poller and the batch job take their image from a repository the same up creates
        assertEquals(Set.of("hw-prod-batch-worker", "hw-prod-poller"), flagged(prod, "HW-PRV-004"));
        // nodeConfig beside removeDefaultNodePool
        assertEquals(Set.of("hw-prod-training"), flagged(prod, "HW-PRV-005"));
    }

    @Test
    void devBeforeTheFixesStartedItsPollerOnAnImageNoOneHadPushed() {
        assertEquals(Set.of("hw-dev-poller"), flagged(before("dev"), "HW-PRV-004"));
    }

    @Test
    void todaysStacksPassTheFamily() {
        for (String stack : List.of("dev", "prod")) {
            Plan plan = Synth.stack(stack);
            for (Policy p : suite.policies()) {
                if (p.id().startsWith("HW-PRV-")) {
                    assertTrue(p.check(plan).isEmpty(), stack + " " + p.id() + ": " + p.check(plan));
                }
            }
        }
    }

    @Test
    void theFamilyIsListed() {
        List<String> ids = suite.policies().stream().map(Policy::id).filter(id -> id.startsWith("HW-PRV-")).toList();
        assertEquals(List.of("HW-PRV-001", "HW-PRV-002", "HW-PRV-003", "HW-PRV-004", "HW-PRV-005"), ids);
    }
}
