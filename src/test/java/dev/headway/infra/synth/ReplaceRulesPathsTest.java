package dev.headway.infra.synth;

import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * How {@link ReplaceRules} reads a path against the lifecycle table: options are not inputs, an input
 * without a row is unknown, the row found is the longest prefix with list indexes dropped, and only
 * the changed resources with a replacing path count as replaced.
 */
class ReplaceRulesPathsTest {
    private static final String POOL = "gcp:container/nodePool:NodePool";

    @Test
    void aResourceOptionIsNeverAnInputChange() {
        // (dependsOn), (protect)...: engine options, applied without touching the cloud resource
        assertEquals(ReplaceRules.Effect.UPDATE, ReplaceRules.effect(POOL, "(dependsOn)"));
        assertEquals(Optional.empty(), ReplaceRules.forcesReplacement(POOL, "(dependsOn)"));
    }

    @Test
    void anInputWithoutARowIsUnknownNotAnUpdate() {
        assertEquals(ReplaceRules.Effect.UNKNOWN, ReplaceRules.effect(POOL, "notAnInput"));
        assertEquals(ReplaceRules.Effect.UNKNOWN, ReplaceRules.effect("gcp:unknown/thing:Thing", "name"));
    }

    @Test
    void theReplacingRowIsNamedWithoutListIndexes() {
        // services/container/node_config.go: taints' key ForceNew
        assertEquals(Optional.of("nodeConfig.taints.key"), ReplaceRules.forcesReplacement(POOL, "nodeConfig.taints[0].key"));
        assertEquals(Optional.empty(), ReplaceRules.forcesReplacement(POOL, "nodeCount"), "nodeCount resizes in place");
    }

    private static PlanDiff diff(String before, String after) {
        return PlanDiff.between(Plans.of(before), Plans.of(after));
    }

    @Test
    void onlyChangedResourcesWithAReplacingPathAreReplaced() {
        String plan = "{resources: [{type: '" + POOL + "', name: 'gpu', inputs: {nodeCount: %d, nodeConfig: {machineType: '%s'}}},"
                + " {type: '" + POOL + "', name: 'cpu', inputs: {nodeCount: %d}}]}";
        PlanDiff d = diff(plan.formatted(1, "a2-highgpu-1g", 1), plan.formatted(1, "a2-highgpu-2g", 3));
        assertEquals(2, d.changed().size());
        assertEquals(List.of("gpu"), ReplaceRules.replaced(d).stream().map(c -> c.after().name()).toList());
    }

    @Test
    void aTableSchemaThatOnlyGrowsIsNotAReplacingPath() {
        String t = "{resources: [{type: 'gcp:bigquery/table:Table', name: 't', inputs: {tableId: 'x', schema: '%s'}}]}";
        PlanDiff d = diff(t.formatted("[{\"name\": \"a\", \"type\": \"STRING\"}]"),
                t.formatted("[{\"name\": \"a\", \"type\": \"STRING\"}, {\"name\": \"b\", \"type\": \"STRING\"}]"));
        assertEquals(List.of(), ReplaceRules.replacingPaths(d.changed().get(0)));
    }
}
