package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.headway.infra.cost.CostedDiff;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The replacement facts (the lifecycle table {@code lifecycle/google-beta-5.0.0.json}, from the providers'
 * schemas) against what the program sets, and one classification in every diff format.
 */
class ReplaceRulesTest {
    static final Map<String, String> CENTRAL = Map.of("gcp:region", "us-central1", "headway:zone", "us-central1-a");

    /** Every input path either plan sets has a classification from the provider's schema, with its source. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyInputTheProgramSetsIsClassified(String stack) {
        List<String> unknown = new ArrayList<>();
        for (PlannedResource r : Synth.stack(stack).cloudResources()) {
            assertFalse(ReplaceRules.source(r.type()).isEmpty(), r.type() + " has no source for its replacement facts");
            Map<String, JsonNode> leaves = new TreeMap<>();
            PlanDiff.flatten("", r.inputs(), leaves);
            leaves.keySet().stream().filter(p -> ReplaceRules.effect(r.type(), p) == ReplaceRules.Effect.UNKNOWN)
                    .forEach(p -> unknown.add(r.type() + " " + p));
        }
        assertEquals(List.of(), unknown.stream().distinct().toList(),
                "inputs with no ForceNew fact; add their rows to src/main/resources/lifecycle/google-beta-5.0.0.json (docs/lifecycle.md says how)");
    }

    /** Facts read in terraform-provider-google-beta v5.0.0, one per kind of rule. */
    @Test
    void factsFromTheProviderSchema() {
        // services/pubsub/resource_pubsub_topic.go: "name" ForceNew; "labels" updatable
        assertEquals(ReplaceRules.Effect.REPLACE, ReplaceRules.effect("gcp:pubsub/topic:Topic", "name"));
        assertEquals(ReplaceRules.Effect.UPDATE, ReplaceRules.effect("gcp:pubsub/topic:Topic", "labels.env"));
        // services/container/node_config.go: machine_type ForceNew under node_config
        assertEquals(ReplaceRules.Effect.REPLACE, ReplaceRules.effect("gcp:container/nodePool:NodePool", "nodeConfig.machineType"));
        // services/compute/resource_compute_instance.go: machine_type updates (allow_stopping_for_update); zone ForceNew
        assertEquals(ReplaceRules.Effect.UPDATE, ReplaceRules.effect("gcp:compute/instance:Instance", "machineType"));
        assertEquals(ReplaceRules.Effect.REPLACE, ReplaceRules.effect("gcp:compute/instance:Instance", "zone"));
        // network_interface is ForceNew as a list (its count) but subnetwork inside it updates
        assertEquals(ReplaceRules.Effect.UPDATE, ReplaceRules.effect("gcp:compute/instance:Instance", "networkInterfaces[0].subnetwork"));
        // services/dataflow/resource_dataflow_flex_template_job.go: max_workers ForceNew ("applies to both stream and batch jobs")
        assertEquals(ReplaceRules.Effect.REPLACE, ReplaceRules.effect("gcp:dataflow/flexTemplateJob:FlexTemplateJob", "maxWorkers"));
        // tpgiamresource/resource_iam_member.go: role, member, condition ForceNew
        assertEquals(ReplaceRules.Effect.REPLACE, ReplaceRules.effect("gcp:projects/iAMMember:IAMMember", "condition.expression"));
        // pulumi-kubernetes 4.0.0 diff.go: metadata.name forces a new object; the spec patches
        assertEquals(ReplaceRules.Effect.REPLACE, ReplaceRules.effect("kubernetes:core/v1:Namespace", "metadata.name"));
        assertEquals(ReplaceRules.Effect.UPDATE, ReplaceRules.effect("kubernetes:core/v1:LimitRange", "spec.limits[0].max.cpu"));
    }

    /** A ForceNew block replaces when added or removed (terraform-plugin-sdk diffList: the count carries ForceNew), not when a field inside it updates. */
    @Test
    void aForceNewBlockReplacesOnlyWhenItAppearsOrGoes() throws Exception {
        String type = "gcp:container/cluster:Cluster";
        PlannedResource with = resource(type, "{\"nodeConfig\":{\"workloadMetadataConfig\":{\"mode\":\"GKE_METADATA\"}}}");
        PlannedResource changed = resource(type, "{\"nodeConfig\":{\"workloadMetadataConfig\":{\"mode\":\"GCE_METADATA\"}}}");
        PlannedResource without = resource(type, "{}");
        assertEquals(List.of(), ReplaceRules.replacingPaths(changed(with, changed)));
        assertEquals(List.of("nodeConfig.workloadMetadataConfig.mode"), ReplaceRules.replacingPaths(changed(with, without)));
    }

    /** resource_bigquery_table.go resourceBigQueryTableSchemaCustomizeDiffFunc: a schema change replaces unless it only grows. */
    @Test
    void aTableSchemaChangeReplacesUnlessItOnlyAddsNullableColumns() throws Exception {
        String a = "[{\"name\":\"id\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"}]";
        String grows = "[{\"name\":\"id\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"},{\"name\":\"x\",\"type\":\"INT64\"}]";
        String relaxed = "[{\"name\":\"id\",\"type\":\"string\",\"mode\":\"NULLABLE\"}]";
        String retyped = "[{\"name\":\"id\",\"type\":\"INT64\",\"mode\":\"REQUIRED\"}]";
        String required = "[{\"name\":\"id\",\"type\":\"STRING\",\"mode\":\"REQUIRED\"},{\"name\":\"x\",\"type\":\"INT64\",\"mode\":\"REQUIRED\"}]";
        assertTrue(BigQuerySchemaChange.inPlace(TextNode.valueOf(a), TextNode.valueOf(grows)));
        assertTrue(BigQuerySchemaChange.inPlace(TextNode.valueOf(a), TextNode.valueOf(relaxed)));
        assertFalse(BigQuerySchemaChange.inPlace(TextNode.valueOf(grows), TextNode.valueOf(a)), "a column removed");
        assertFalse(BigQuerySchemaChange.inPlace(TextNode.valueOf(a), TextNode.valueOf(retyped)));
        assertFalse(BigQuerySchemaChange.inPlace(TextNode.valueOf(relaxed), TextNode.valueOf(a)), "a mode tightened");
        assertFalse(BigQuerySchemaChange.inPlace(TextNode.valueOf(a), TextNode.valueOf(required)), "a REQUIRED column added");
        String type = "gcp:bigquery/table:Table";
        assertEquals(List.of("schema"), ReplaceRules.replacingPaths(changed(resource(type, "{\"schema\":" + quote(grows) + "}"),
                resource(type, "{\"schema\":" + quote(a) + "}"))));
    }

    /** Issue 14: a region move read "0 to add, 21 to change" in text and JSON and "13 to replace" in Markdown. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aRegionMoveShowsTheSameReplacementsInEveryFormat(String stack) throws Exception {
        PlanDiff d = PlanDiff.between(Synth.stack(stack), Synth.stack(stack, CENTRAL));
        int replaced = d.cloud().replaced().size();
        assertTrue(replaced >= 10, "a region move replaces the network, buckets, datasets, endpoints...: " + replaced);
        String counts = DiffRenderer.summary(d);
        assertTrue(counts.contains(replaced + " to replace"), counts);
        String text = DiffRenderer.text(d);
        assertTrue(text.contains(counts), text);
        assertEquals(replaced, text.lines().filter(l -> l.startsWith("± ")).count());
        assertTrue(text.contains("region: \"us-east1\" -> \"us-central1\"  [forces replacement]"), text);
        JsonNode json = new ObjectMapper().readTree(DiffRenderer.json(d));
        assertEquals(counts, json.get("summary").asText());
        assertEquals(replaced, json.get("replaced").size());
        String md = CostedDiff.markdown(d);
        assertTrue(md.startsWith("### Stack `" + stack + "`: " + counts + "\n"), md.substring(0, 200));
        Matcher m = Pattern.compile("(?m)^##### ± replace ").matcher(md);
        int shown = 0;
        while (m.find()) {
            shown++;
        }
        assertEquals(replaced, shown);
    }

    private static PlannedResource resource(String type, String inputs) throws Exception {
        return new PlannedResource("urn:pulumi:dev::headway::" + type + "::x", type, "x", "", true, List.of(), Map.of(), false, false,
                new ObjectMapper().readTree(inputs), "");
    }

    private static PlanDiff.Changed changed(PlannedResource a, PlannedResource b) {
        Plan before = new Plan("dev", "headway", List.of(a), Map.of());
        Plan after = new Plan("dev", "headway", List.of(b), Map.of());
        return PlanDiff.between(before, after).changed().get(0);
    }

    private static String quote(String s) {
        return TextNode.valueOf(s).toString();
    }
}
