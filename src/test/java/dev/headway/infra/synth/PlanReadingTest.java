package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How policies, renderers and tests read a plan: its tier, a resource's component, inputs, providers, dependencies. */
class PlanReadingTest {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private static Plan withOutputs(String stack, Map<String, JsonNode> outputs) {
        return new Plan(stack, "p", List.of(), outputs);
    }

    /** The {@code tier} output decides; a plan from before tiers has {@code env}; a plan with neither, its stack name. */
    @ParameterizedTest(name = "stack {0}, tier {1}, env {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "review-7, prod, -,       prod",
            "prod,     dev,  -,       dev",
            "review-7, 1,    prod,    prod",
            "review-7, -,    prod,    prod",
            "prod,     -,    staging, dev",
            "prod,     -,    2,       prod",
            "prod,     -,    -,       prod",
            "staging,  -,    -,       dev"})
    void theTierComesFromTheTierOutputThenEnvThenTheStackName(String stack, String tier, String env, String expected) {
        Map<String, JsonNode> outputs = new HashMap<>();
        if (tier != null) {
            outputs.put("tier", tier.matches("\\d+") ? F.numberNode(Integer.parseInt(tier)) : F.textNode(tier));
        }
        if (env != null) {
            outputs.put("env", env.matches("\\d+") ? F.numberNode(Integer.parseInt(env)) : F.textNode(env));
        }
        Plan plan = withOutputs(stack, outputs);
        assertEquals(expected, plan.tier());
        assertEquals(expected.equals("prod"), plan.isProd());
    }

    @Test
    void aPlanWithoutOutputsIsReadByItsStackName() {
        assertEquals("prod", withOutputs("prod", null).tier());
        assertEquals("dev", withOutputs("feature-x", null).tier());
    }

    /** The component column: the nearest component ancestor, through custom parents; "stack" at the top or when the parent is unknown. */
    @Test
    void aResourceBelongsToItsNearestComponent() {
        String stackUrn = "urn:pulumi:dev::headway::pulumi:pulumi:Stack::headway-dev";
        String serving = "urn:pulumi:dev::headway::headway:serving:Serving::serving";
        String endpoint = "urn:pulumi:dev::headway::gcp:vertex/aiEndpoint:AiEndpoint::ep";
        Plan plan = Plans.of("""
                {resources: [
                  {type: 'pulumi:pulumi:Stack', name: 'headway-dev', custom: false},
                  {type: 'headway:serving:Serving', name: 'serving', custom: false, parent: '%s'},
                  {type: 'gcp:vertex/aiEndpoint:AiEndpoint', name: 'ep', parent: '%s'},
                  {type: 'gcp:vertex/aiEndpointIamMember:AiEndpointIamMember', name: 'invoker', parent: '%s'},
                  {type: 'gcp:storage/bucket:Bucket', name: 'top', parent: '%s'},
                  {type: 'gcp:storage/bucket:Bucket', name: 'orphan', parent: 'urn:pulumi:dev::headway::headway:gone:Gone::gone'},
                  {type: 'gcp:storage/bucket:Bucket', name: 'root'}
                ]}""".formatted(stackUrn, serving, endpoint, stackUrn));
        assertEquals("serving", plan.componentOf(plan.get("gcp:vertex/aiEndpoint:AiEndpoint", "ep")));
        assertEquals("serving", plan.componentOf(plan.get("gcp:vertex/aiEndpointIamMember:AiEndpointIamMember", "invoker")));
        assertEquals("stack", plan.componentOf(plan.get("gcp:storage/bucket:Bucket", "top")));
        assertEquals("stack", plan.componentOf(plan.get("gcp:storage/bucket:Bucket", "orphan")));
        assertEquals("stack", plan.componentOf(plan.get("gcp:storage/bucket:Bucket", "root")));
        assertEquals(List.of("ep", "invoker", "top", "orphan", "root"), plan.cloudResources().stream().map(PlannedResource::name).toList());
    }

    @Test
    void gettingAResourceThatIsNotThereNamesTheOnesThatAre() {
        Plan plan = Plans.of("{resources: [{type: 'gcp:storage/bucket:Bucket', name: 'a'}, {type: 'gcp:storage/bucket:Bucket', name: 'b'}]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan.get("gcp:storage/bucket:Bucket", "c"));
        assertEquals("no gcp:storage/bucket:Bucket named c; there are: [a, b]", e.getMessage());
    }

    /** Dotted paths with list indexes, as policies name inputs; a part that is only an index reads a list. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "name; \"fw\"",
            "logConfig.metadata; \"INCLUDE_ALL_METADATA\"",
            "allows[0].ports[1]; \"443\"",
            "allows[1].protocol; \"icmp\"",
            "targetTags; [\"poller\"]",
            "targetTags.[0]; \"poller\"",
            "allows[2].protocol; ",
            "logConfig.nope; "})
    void anInputIsReadByItsDottedPath(String path, String json) {
        Plan plan = Plans.of("""
                {resources: [{type: 'gcp:compute/firewall:Firewall', name: 'fw', inputs: {name: 'fw', targetTags: ['poller'],
                  logConfig: {metadata: 'INCLUDE_ALL_METADATA'}, allows: [{protocol: 'tcp', ports: ['22', '443']}, {protocol: 'icmp'}]}}]}""");
        JsonNode node = plan.get("gcp:compute/firewall:Firewall", "fw").input(path);
        if (json == null) {
            assertTrue(node.isMissingNode(), node.toString());
        } else {
            assertEquals(json, node.toString());
        }
    }

    /** An explicit provider reference is {@code <provider urn>::<provider id>} (pulumi/pulumi sdk/go/common/resource/providers/reference.go). */
    @ParameterizedTest(name = "''{0}''")
    @CsvSource(value = {
            "urn:pulumi:dev::headway::pulumi:providers:kubernetes::gke::04da6b54-80e4-46f7-96ec-b56ff0331ba9,"
                    + "urn:pulumi:dev::headway::pulumi:providers:kubernetes::gke",
            "'',''",
            "::id,''"})
    void theProviderUrnIsTheReferenceWithoutItsId(String reference, String urn) {
        PlannedResource r = new PlannedResource("urn:x", "t", "n", "", true, List.of(), Map.of(), false, false, F.objectNode(), reference);
        assertEquals(urn, r.providerUrn());
    }

    /** Explicit dependencies are the {@code dependsOn} entries that no input's value came from. */
    @Test
    void explicitDependenciesAreThoseNoInputCameFrom() {
        PlannedResource r = new PlannedResource("urn:x", "t", "n", "", true, List.of("urn:a", "urn:b", "urn:c"),
                Map.of("network", List.of("urn:a"), "subnetwork", List.of("urn:c")), false, false, F.objectNode());
        assertEquals(List.of("urn:b"), r.explicitDependencies());
    }

    /** Readable type names: gcp's module and type; other packages keep their package name. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "gcp:compute/network:Network, compute.Network",
            "gcp:bigquery:Dataset, bigquery.Dataset",
            "kubernetes:core/v1:Namespace, kubernetes:core.Namespace",
            "headway:serving:Serving, headway:serving.Serving",
            "pulumi:providers:gcp, pulumi:providers.gcp",
            "not-a-token, not-a-token",
            "a:b:c:d, a:b:c:d"})
    void typeTokensGetShortNames(String type, String shortName) {
        assertEquals(shortName, TypeNames.shortName(type));
    }
}
