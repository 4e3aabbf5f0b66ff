package dev.headway.infra.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Plans;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The second {@code up}: each plan goes through a read-back model built from the lifecycle table (what the API
 * normalizes, adds or keeps only in state), and a second preview against that state is empty; a config change
 * then touches only the resources it should, with the action the table gives.
 */
class DayTwoTest {
    private static final Lifecycle TABLE = Lifecycle.table();
    private static final ReadBackModel MODEL = new ReadBackModel(TABLE, true);

    /** The state after {@code up}: per URN, what the API returns. */
    private static Map<String, Map<String, JsonNode>> up(Plan plan) {
        Map<String, Map<String, JsonNode>> state = new TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            if (r.custom()) {
                state.put(r.urn(), MODEL.state(r));
            }
        }
        return state;
    }

    /** A preview of {@code plan} against {@code state}: URN to the paths that would change (new resources: "(create)"). */
    private static Map<String, List<String>> preview(Plan plan, Map<String, Map<String, JsonNode>> state, ReadBackModel model) {
        Map<String, List<String>> out = new TreeMap<>();
        for (PlannedResource r : plan.resources()) {
            if (!r.custom()) {
                continue;
            }
            Map<String, JsonNode> s = state.get(r.urn());
            List<String> d = s == null ? List.of("(create)") : model.diff(r, s);
            if (!d.isEmpty()) {
                out.put(r.urn(), d);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "every type and input of the {0} plan is in the table")
    @ValueSource(strings = {"dev", "prod"})
    void tableCoversThePlan(String stack) {
        List<String> missing = new ArrayList<>();
        for (PlannedResource r : Synth.stack(stack).resources()) {
            if (!r.custom()) {
                continue;
            }
            if (TABLE.onDelete(r.type()).isEmpty()) {
                missing.add(r.type() + " (no delete row)");
            }
            for (String path : ReadBackModel.leaves(r).keySet()) {
                if (TABLE.input(r.type(), path).isEmpty()) {
                    missing.add(r.type() + " " + path);
                }
            }
        }
        assertEquals(List.of(), missing, "regenerate src/main/resources/lifecycle (docs/lifecycle.md says how)");
    }

    @Test
    void theRenderedTableShowsEveryTypeAndEveryRowHasASource() throws java.io.IOException {
        String md = java.nio.file.Files.readString(java.nio.file.Path.of("docs/lifecycle.md"));
        for (String type : TABLE.types()) {
            assertTrue(md.contains("### `" + type + "`"), "docs/lifecycle.md lacks " + type);
            assertTrue(TABLE.onDelete(type).orElseThrow().source().length() > 10, type);
            for (Lifecycle.Input row : TABLE.inputs(type)) {
                assertTrue(row.source().contains("v5.0.0") || row.source().contains("v4.0.0") || row.source().contains("https://"),
                        type + " " + row.input() + ": " + row.source());
                assertTrue(md.contains("| `" + row.input() + "` | " + row.onChange().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')),
                        "docs/lifecycle.md row for " + type + " " + row.input());
            }
        }
    }

    @ParameterizedTest(name = "a second preview of {0} after up is empty")
    @ValueSource(strings = {"dev", "prod"})
    void secondPreviewIsEmpty(String stack) {
        Plan plan = Synth.stack(stack);
        Map<String, Map<String, JsonNode>> state = up(plan);
        assertEquals(Map.of(), preview(plan, state, MODEL));
        // the model is not vacuous: the API answers differently for many inputs, which only the provider's
        // suppress functions hide; without them the same preview shows perpetual diffs
        Map<String, List<String>> unsuppressed = preview(plan, state, new ReadBackModel(TABLE, false));
        assertTrue(unsuppressed.size() > 20, "normalized inputs in " + stack + ": " + unsuppressed.size());
        assertTrue(unsuppressed.keySet().stream().anyMatch(u -> u.endsWith("Table::hw_" + stack + "_raw.trip_updates")),
                "the table schema comes back with modes filled in");
    }

    @Test
    void anInputTheApiRewritesWithoutASuppressIsAPerpetualDiff() {
        // Firewall network is compared by name (CompareSelfLinkOrResourceName); a Firestore locationId is not:
        // if the API answered it in another spelling, every preview would show it
        Plan plan = Plans.of("""
                {resources: [{type: 'gcp:compute/firewall:Firewall', name: 'fw', inputs: {name: 'hw-dev-fw', network: 'projects/p/global/networks/hw-dev-vpc'}},
                             {type: 'gcp:firestore/database:Database', name: 'db', inputs: {name: 'hw-dev-predictions', locationId: 'nam5'}}]}
                """);
        Map<String, Map<String, JsonNode>> state = up(plan);
        assertEquals("https://www.googleapis.com/compute/v1/projects/p/global/networks/hw-dev-vpc",
                state.get(plan.get("gcp:compute/firewall:Firewall", "fw").urn()).get("network").asText());
        assertEquals(Map.of(), preview(plan, state, MODEL));
        state.get(plan.get("gcp:firestore/database:Database", "db").urn()).put("locationId", new TextNode("NAM5"));
        assertEquals(List.of("locationId"), preview(plan, state, MODEL).values().iterator().next());
    }

    /** What a config change touches after a first {@code up}: URN short names to the action of their change. */
    private static Map<String, String> change(String stack, Map<String, String> overrides) {
        Map<String, Map<String, JsonNode>> state = up(Synth.stack(stack));
        Plan changed = Synth.stack(stack, overrides);
        Map<String, String> out = new TreeMap<>();
        preview(changed, state, MODEL).forEach((urn, paths) -> {
            PlannedResource r = changed.resources().stream().filter(x -> x.urn().equals(urn)).findFirst().orElseThrow();
            TreeSet<String> actions = new TreeSet<>();
            for (String p : paths) {
                actions.add(p.equals("(create)") ? "create" : TABLE.input(r.type(), p).orElseThrow().onChange().name());
            }
            out.put(r.name(), String.join(",", actions));
        });
        return out;
    }

    @Test
    void aNewPollIntervalReplacesOnlyThePoller() {
        assertEquals(Map.of("hw-dev-poller", "REPLACE"),
                change("dev", Map.of("headway:poller", "{\"pollIntervalSeconds\": 60, \"image\": \"" + Synth.pollerImage("dev") + "\"}")));
    }

    @Test
    void pausingThePollerStopsItInPlace() {
        assertEquals(Map.of("hw-dev-poller", "UPDATE"), change("dev", Map.of("headway:poller", "{\"running\": false, \"image\": \"" + Synth.pollerImage("dev") + "\"}")));
    }

    @Test
    void anAlertThresholdUpdatesOnlyItsPolicy() {
        // the whole headway:alerts object is given, as in Pulumi.dev.yaml, with one threshold changed
        assertEquals(Map.of("hw-dev-endpoint-latency", "UPDATE"), change("dev", Map.of("headway:alerts",
                "{\"notificationEmail\": \"mlops-dev@headway.dev\", \"endpointErrorRate\": 0.1, \"endpointLatencyMs\": 800,"
                        + " \"dataflowLagSeconds\": 600, \"oldestUnackedSeconds\": 1800}")));
    }

    @Test
    void aNewDeploymentSuffixRenamesOnlyWhatGoogleBlocksAndWhatNamesIt() {
        // the pool, its provider and the Firestore database get new ids (replaced: names that are free after a
        // destroy); the grants and the IAM condition that name them follow; nothing else moves
        assertEquals(Map.of("hw-dev-ci", "REPLACE", "hw-dev-github", "REPLACE", "hw-dev-predictions", "REPLACE",
                        "deployer-wif", "REPLACE", "previewer-wif", "REPLACE", "predictions-serving-datastore-user", "REPLACE"),
                change("dev", Map.of("headway:deploymentSuffix", "b2")));
    }
}
