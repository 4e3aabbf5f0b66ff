package dev.headway.infra.adopt;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How plan resources are sorted against what exists: mapping, ambiguity, what lies outside the plan. */
class AdoptionTest {
    static final String POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
    static final String TOPIC = "gcp:pubsub/topic:Topic";
    final Plan plan = ImportIdsTest.committed("dev");

    Discovery holding(Map<String, Map<String, String>> byType) {
        return new Discovery() {
            @Override
            public Optional<Map<String, String>> list(String type) {
                return Optional.ofNullable(byType.get(type));
            }

            @Override
            public Set<String> types() {
                return byType.keySet();
            }
        };
    }

    Adoption.Entry entry(Adoption a, String type, String name) {
        return a.entries().stream().filter(e -> e.resource().type().equals(type) && e.resource().name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void twoPoliciesWithTheDisplayNameAreNotGuessedBetween() {
        String display = plan.get(POLICY, "hw-dev-dataflow-lag").input("displayName").asText();
        Adoption a = Adoption.of(plan, Map.of(), holding(Map.of(POLICY, Map.of(display, RestDiscovery.AMBIGUOUS))), ImportIds.get());
        Adoption.Entry e = entry(a, POLICY, "hw-dev-dataflow-lag");
        assertEquals(Adoption.Status.UNCHECKED, e.status());
        assertTrue(e.note().startsWith("several exist named " + display), e.note());
        assertEquals("<id Google gave it>", e.id());
        assertTrue(a.outside().isEmpty(), "claimed, not outside: " + a.outside());
    }

    @Test
    void aMappingClaimsTheOtherNameAndAMissingOneIsCreated() {
        PlannedResource dlq = plan.get(TOPIC, "hw-dev-feed-dead-letter");
        PlannedResource feed = plan.get(TOPIC, "hw-dev-feed");
        Map<String, String> topics = Map.of("hw-dev-feed-dlq", "hw-dev-feed-dlq", "other", "other");
        Adoption a = Adoption.of(plan, Map.of(dlq, "hw-dev-feed-dlq", feed, "gone"), holding(Map.of(TOPIC, topics)), ImportIds.get());
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dlq", entry(a, TOPIC, "hw-dev-feed-dead-letter").id());
        Adoption.Entry missing = entry(a, TOPIC, "hw-dev-feed");
        assertEquals(Adoption.Status.CREATE, missing.status());
        assertTrue(missing.note().contains("names gone, which does not exist"), missing.note());
        assertEquals(java.util.List.of(new Adoption.Outside(TOPIC, "other")), a.outside());
    }
}
