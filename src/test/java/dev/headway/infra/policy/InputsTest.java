package dev.headway.infra.policy;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the policies read a planned input: as the provider reads it. Booleans come as JSON booleans
 * or as strings (instance metadata values are strings: "TRUE"); values the engine does not know yet
 * ("[unknown]") or hides ("[secret]") are never judged; null, {}, [] and "" are all "not set".
 */
class InputsTest {
    private static final JsonMapper RELAXED = JsonMapper.builder().enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private static JsonNode json(String relaxed) {
        try {
            return RELAXED.readTree(relaxed);
        } catch (Exception e) {
            throw new IllegalArgumentException(relaxed, e);
        }
    }

    @ParameterizedTest(name = "{0}: true {1}, false {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            true       | true  | false
            false      | false | true
            'true'     | true  | false
            'TRUE'     | true  | false
            '1'        | true  | false
            'FALSE'    | false | true
            '0'        | false | true
            'yes'      | false | false
            ''         | false | false
            null       | false | false
            '[unknown]'| false | false
            {}         | false | false
            [true]     | false | false
            """)
    void readsBooleansAsTheProviderDoes(String value, boolean isTrue, boolean isFalse) {
        JsonNode n = json(value);
        assertEquals(isTrue, Inputs.isTrue(n), "isTrue(" + value + ")");
        assertEquals(isFalse, Inputs.isFalse(n), "isFalse(" + value + ")");
    }

    @Test
    void anAbsentInputIsNeitherTrueNorFalse() {
        assertFalse(Inputs.isTrue(MissingNode.getInstance()));
        assertFalse(Inputs.isFalse(MissingNode.getInstance()));
    }

    @ParameterizedTest(name = "{0} is absent: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            null    | true
            {}      | true
            []      | true
            ''      | true
            ' '     | false
            'x'     | false
            0       | false
            false   | false
            {'a':1} | false
            ['a']   | false
            """)
    void nullEmptyAndBlankContainersAreAbsent(String value, boolean absent) {
        assertEquals(absent, Inputs.isAbsent(json(value)), value);
    }

    @Test
    void aMissingInputIsAbsent() {
        assertTrue(Inputs.isAbsent(MissingNode.getInstance()));
        assertTrue(Inputs.isAbsent(null));
    }

    @Test
    void textIsNullForWhatCannotBeJudged() {
        for (String value : List.of("null", "{'a':'b'}", "['a']", "'[unknown]'", "'[secret]'")) {
            assertNull(Inputs.text(json(value)), value);
        }
        assertNull(Inputs.text((JsonNode) null));
        assertNull(Inputs.text(MissingNode.getInstance()));
        assertEquals("hw-dev-raw", Inputs.text(json("'hw-dev-raw'")));
        assertEquals("65535", Inputs.text(json("65535")));
        assertEquals("", Inputs.text(json("''")));
    }

    @Test
    void ofTypesKeepsOnlyTheGivenTypes() {
        Plan plan = Plans.of("""
                {resources: [{type: 'gcp:compute/instance:Instance', name: 'vm'}, {type: 'gcp:storage/bucket:Bucket', name: 'b'},
                  {type: 'gcp:compute/instanceTemplate:InstanceTemplate', name: 't'}]}
                """);
        assertEquals(List.of("t", "vm"), Inputs.ofTypes(plan, ComputePolicies.VMS).stream().map(r -> r.name()).sorted().toList());
    }

    /** The labels' env is the plan's env output (what Labels.of wrote), else the stack name. */
    @Test
    void envIsTheEnvOutputElseTheStackName() {
        assertEquals("dev", Inputs.env(new Plan("sandbox", "p", List.of(), Map.of("env", json("'dev'")))));
        assertEquals("sandbox", Inputs.env(new Plan("sandbox", "p", List.of(), Map.of())));
        assertEquals("sandbox", Inputs.env(new Plan("sandbox", "p", List.of(), null)));
        assertEquals("sandbox", Inputs.env(new Plan("sandbox", "p", List.of(), Map.of("env", json("{}")))));
    }

    @ParameterizedTest(name = "{0}: module {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            gcp:projects/iAMMember:IAMMember             | projects
            gcp:storage/bucketIAMMember:BucketIAMMember  | storage
            kubernetes:core/v1:Namespace                 | core
            pulumi:pulumi:Stack                          | ""
            pulumi:providers:kubernetes                  | ""
            headway                                      | ""
            """)
    void moduleIsTheTokensMiddlePart(String type, String module) {
        assertEquals(module, Inputs.module(type));
    }

    /** Pulumi type tokens of IAM resources: every service spells them IamMember or IAMMember (pulumi-gcp 7.0.0). */
    @Test
    void iamTypesAreMembersBindingsAndPoliciesOfAnyService() {
        for (String type : Set.of("gcp:projects/iAMMember:IAMMember", "gcp:storage/bucketIAMBinding:BucketIAMBinding",
                "gcp:bigquery/datasetIamPolicy:DatasetIamPolicy", "gcp:artifactregistry/repositoryIamMember:RepositoryIamMember")) {
            assertTrue(Inputs.isIam(type), type);
        }
        for (String type : Set.of("gcp:storage/bucket:Bucket", "gcp:projects/iAMCustomRole:IAMCustomRole",
                "gcp:cloudidentity/groupMembership:GroupMembership", "gcp:bigquery/datasetAccess:DatasetAccess")) {
            assertFalse(Inputs.isIam(type), type);
        }
    }
}
