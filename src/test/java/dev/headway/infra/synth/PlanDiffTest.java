package dev.headway.infra.synth;

import dev.headway.infra.testing.CraftedPlans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.headway.infra.testing.CraftedPlans.component;
import static dev.headway.infra.testing.CraftedPlans.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link PlanDiff} reports between two plans of a stack. */
class PlanDiffTest {
    private static final String TOPIC = "gcp:pubsub/topic:Topic";
    private static final String SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";

    /**
     * A dependency added or removed changes the order of a deploy (and can decide whether the first
     * {@code up} converges), so a reviewer sees it even when no input changed: one {@code (dependsOn)}
     * row per dependency, named {@code type::name}.
     */
    @Test
    void aDependencyAddedOrRemovedIsAChangeEvenWithTheSameInputs() {
        PlannedResource streaming = component("dev", "headway:streaming:StreamingIngestion", "streaming");
        PlannedResource feed = resource("dev", streaming, TOPIC, "feed", "{\"name\":\"hw-dev-feed\"}", false);
        PlannedResource dead = resource("dev", streaming, TOPIC, "dead", "{\"name\":\"hw-dev-dead\"}", false);
        String inputs = "{\"name\":\"hw-dev-feed-dataflow\"}";
        Plan before = CraftedPlans.plan("dev", List.of(streaming, feed, dead,
                resource("dev", streaming, SUBSCRIPTION, "sub", inputs, false, feed.urn())));
        Plan after = CraftedPlans.plan("dev", List.of(streaming, feed, dead,
                resource("dev", streaming, SUBSCRIPTION, "sub", inputs, false, dead.urn())));

        PlanDiff diff = PlanDiff.between(before, after);

        assertEquals(1, diff.changed().size(), diff.toString());
        List<String> rows = diff.changed().get(0).changes().stream()
                .map(c -> c.path() + " " + text(c.before()) + " -> " + text(c.after())).toList();
        assertEquals(List.of("(dependsOn) (none) -> gcp:pubsub/topic:Topic::dead", "(dependsOn) gcp:pubsub/topic:Topic::feed -> (none)"), rows);
        assertTrue(PlanDiff.between(before, before).isEmpty());
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n) {
        return n.isMissingNode() ? "(none)" : n.asText();
    }
}
