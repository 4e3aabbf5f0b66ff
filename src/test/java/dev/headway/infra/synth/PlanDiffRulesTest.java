package dev.headway.infra.synth;

import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What counts as a change between two plans, and how each change is named. */
class PlanDiffRulesTest {
    private static final String TOPIC = "gcp:pubsub/topic:Topic";

    private static Plan topic(String fields) {
        return Plans.of("{resources: [{type: '" + TOPIC + "', name: 'feed', " + fields + "}]}");
    }

    /** Each change as {@code path before -> after}, missing sides as (none). */
    static List<String> rows(PlanDiff d) {
        return d.changed().stream().flatMap(c -> c.changes().stream())
                .map(p -> p.path() + " " + (p.before().isMissingNode() ? "(none)" : p.before().toString()) + " -> "
                        + (p.after().isMissingNode() ? "(none)" : p.after().toString())).toList();
    }

    /** Protect, retainOnDelete and the parent are resource options, not inputs: a change to one is still a change. */
    @Test
    void resourceOptionsAreChangesToo() {
        PlanDiff d = PlanDiff.between(topic("protect: false, retainOnDelete: true, parent: 'urn:a', inputs: {name: 'x'}"),
                topic("protect: true, retainOnDelete: false, parent: 'urn:b', inputs: {name: 'x'}"));
        assertEquals(List.of("(protect) false -> true", "(retainOnDelete) true -> false", "(parent) \"urn:a\" -> \"urn:b\""), rows(d));
        assertTrue(PlanDiff.between(topic("protect: true, parent: 'urn:a'"), topic("protect: true, parent: 'urn:a'")).isEmpty());
    }

    /**
     * Numbers compare by value: a synthesized plan holds 1000 as a long, the committed plan read back
     * from its file as an int, a double 1.0 is the int 1; a number and the string of it differ.
     */
    @ParameterizedTest(name = "{0} vs {1}: same {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "1000; 1000; true",
            "1000; 1001; false",
            "1.0; 1; true",
            "600; '600'; false",
            "'a'; 'a'; true",
            "'a'; 'b'; false",
            "[1, 2]; [1.0, 2]; true",
            "true; 'true'; false"})
    void numbersCompareByValue(String before, String after, boolean same) {
        assertEquals(same, PlanDiff.between(topic("inputs: {x: " + before + "}"), topic("inputs: {x: " + after + "}")).isEmpty());
    }

    @Test
    void aLongAndAnIntOfTheSameValueAreTheSame() {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertTrue(PlanDiff.same(f.numberNode(1000L), f.numberNode(1000)));
        assertTrue(PlanDiff.same(f.objectNode().put("n", 1000L), f.objectNode().put("n", 1000)));
    }

    /** Inputs are compared leaf by leaf, named by dotted path and index; an empty object or list is a leaf of its own. */
    @Test
    void inputsAreComparedLeafByLeaf() {
        PlanDiff d = PlanDiff.between(
                topic("inputs: {labels: {}, allows: [{ports: ['22']}], tags: [], settings: {a: 1, b: {c: 2}}}"),
                topic("inputs: {labels: {env: 'dev'}, allows: [{ports: ['22', '443']}], tags: ['x'], settings: {a: 1, b: {c: 3}}}"));
        assertEquals(List.of(
                "allows[0].ports[1] (none) -> \"443\"",
                "labels {} -> (none)",
                "labels.env (none) -> \"dev\"",
                "settings.b.c 2 -> 3",
                "tags [] -> (none)",
                "tags[0] (none) -> \"x\""), rows(d));
    }

    /** A dependency is named {@code type::name}, the type without its parents' types, also at the top of the tree. */
    @ParameterizedTest
    @CsvSource({
            "urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::feed, gcp:pubsub/topic:Topic::feed",
            "urn:pulumi:dev::headway::headway:streaming:Streaming$gcp:pubsub/topic:Topic::dead, gcp:pubsub/topic:Topic::dead"})
    void dependenciesAreNamedByTypeAndName(String urn, String shortName) {
        PlanDiff d = PlanDiff.between(topic("inputs: {}"), topic("inputs: {}, dependsOn: ['" + urn + "']"));
        assertEquals(List.of("(dependsOn) (none) -> \"" + shortName + "\""), rows(d));
    }

    /** Components are groupings, not cloud resources: the cloud view of a diff leaves their changes out. */
    @Test
    void aComponentChangeIsNotACloudChange() {
        String before = "{resources: [{type: 'headway:streaming:Streaming', name: 's', custom: false, inputs: {}},"
                + " {type: '" + TOPIC + "', name: 'feed', inputs: {name: 'f'}}]}";
        PlanDiff d = PlanDiff.between(Plans.of(before), Plans.of(before.replace("inputs: {}", "inputs: {}, dependsOn: ['urn:x::t::y']")));
        assertEquals(1, d.changed().size());
        assertTrue(d.cloud().changed().isEmpty(), d.cloud().toString());
        assertTrue(d.cloud().isEmpty());
    }
}
