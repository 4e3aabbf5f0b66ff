package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.headway.infra.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading {@code pulumi stack output --json} and trusting it only as far as the stack declares it (DESIGN.md
 * "Stack outputs"): every problem is one line, exit 3 (an environment error), and nothing is sent.
 */
class StackOutputsContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static StackOutputs outputs(String json) {
        return StackOutputs.parse("outputs.json", json);
    }

    private static UserError refused(Runnable r) {
        UserError e = assertThrows(UserError.class, r::run);
        assertEquals(UserError.ENVIRONMENT, e.exitCode(), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        return e;
    }

    /** What stack dev declares: the synthesized plan's outputs (endpoint ids are synth's stand-ins, as in stacks/dev.plan.json). */
    private static Map<String, JsonNode> declared() {
        Map<String, JsonNode> d = new LinkedHashMap<>();
        readTree("""
                {"project": "headway-dev", "region": "us-east1", "env": "dev",
                 "pipelineRoot": "gs://headway-dev-hw-dev-pipeline-root/runs/",
                 "pipelineTemplateRepo": "projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines",
                 "endpoints": {"headway-gru": "projects/headway-dev/locations/us-east1/endpoints/715574490",
                               "headway-tft": "projects/headway-dev/locations/us-east1/endpoints/952640189"},
                 "endpointLogging": {"headway-gru": {"bigqueryDestination": "bq://headway-dev.hw_dev_monitoring.gru"}},
                 "tensorboard": "[unknown]", "pollerZone": "us-east1-b"}
                """).properties().forEach(e -> d.put(e.getKey(), e.getValue()));
        return d;
    }

    private static JsonNode readTree(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void check(String outputsJson) {
        outputs(outputsJson).checkAgainst("dev", declared());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2", "{\"project\": \"a\"} {\"project\": \"b\"}"})
    void malformedJsonIsRefusedNamingTheSource(String text) {
        assertTrue(refused(() -> outputs(text)).getMessage().startsWith("stack outputs outputs.json: "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"headway-dev\"", "42", "null", ""})
    void onlyAJsonObjectIsStackOutputs(String text) {
        assertEquals("stack outputs outputs.json: expected a JSON object as `pulumi stack output --json` prints it",
                refused(() -> outputs(text)).getMessage());
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        assertEquals("stack outputs no/such/outputs.json: cannot read (no such file)",
                refused(() -> StackOutputs.read(Path.of("no/such/outputs.json"))).getMessage());
    }

    @Test
    void aFileIsReadAndKnowsWhereItCameFrom() throws IOException {
        Path file = Files.createTempFile("outputs", ".json");
        Files.writeString(file, "{\"project\": \"headway-dev\"}");
        StackOutputs read = StackOutputs.read(file);
        assertEquals("headway-dev", read.text("project"));
        assertEquals(file.toString(), read.source());
    }

    @Test
    void aNullOutputIsNoOutput() {
        StackOutputs o = outputs("{\"project\": \"headway-dev\", \"tensorboard\": null}");
        assertNull(o.get("tensorboard"));
        assertFalse(o.has("tensorboard"));
        assertTrue(o.has("project"));
        assertEquals(Set.of("tensorboard", "region"), o.missing(Set.of("project", "tensorboard", "region")));
        assertEquals(List.of("a", "b", "c"), List.copyOf(o.missing(Set.of("c", "a", "b"))), "sorted");
    }

    @Test
    void aTextOutputMustBeANonEmptyString() {
        StackOutputs o = outputs("{\"project\": \"headway-dev\", \"region\": \" \", \"env\": 7}");
        assertEquals("headway-dev", o.text("project"));
        assertEquals("stack output feedTopic is missing in outputs.json", refused(() -> o.text("feedTopic")).getMessage());
        assertEquals("stack output region is not a non-empty string in outputs.json", refused(() -> o.text("region")).getMessage());
        assertEquals("stack output env is not a non-empty string in outputs.json", refused(() -> o.text("env")).getMessage());
    }

    @Test
    void endpointsAreAMapOfNameToResourceNameSortedByName() {
        StackOutputs o = outputs("{\"endpoints\": {\"b\": \"projects/p/locations/r/endpoints/2\", \"a\": \"projects/p/locations/r/endpoints/1\"}}");
        assertEquals(List.of("a", "b"), List.copyOf(o.endpoints().keySet()));
        assertEquals("projects/p/locations/r/endpoints/1", o.endpoints().get("a"));
        assertEquals("stack output endpoints is missing in outputs.json", refused(() -> outputs("{}").endpoints()).getMessage());
        assertEquals("stack output endpoints is not a map of name to endpoint resource name in outputs.json",
                refused(() -> outputs("{\"endpoints\": \"projects/p/locations/r/endpoints/1\"}").endpoints()).getMessage());
    }

    @Test
    void theStacksOwnOutputsPass() {
        assertDoesNotThrow(() -> check("""
                {"project": "headway-dev", "region": "us-east1", "env": "dev",
                 "pipelineRoot": "gs://headway-dev-hw-dev-pipeline-root/runs/",
                 "pipelineTemplateRepo": "projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines",
                 "endpoints": {"headway-gru": "projects/headway-dev/locations/us-east1/endpoints/1001"},
                 "endpointLogging": {"headway-gru": {"bigqueryDestination": "bq://headway-dev.hw_dev_monitoring.gru"}},
                 "tensorboard": "projects/headway-dev/locations/us-east1/tensorboards/5", "pollerZone": "us-east1-c"}
                """));
    }

    @Test
    void anOutputTheStackDoesNotHaveIsNotCompared() {
        // missing outputs are the hooks' concern (missing(...)), not a mismatch
        assertDoesNotThrow(() -> check("{\"project\": \"headway-dev\"}"));
    }

    @Test
    void anExactOutputThatDiffersIsRefusedNamingBothValues() {
        UserError e = refused(() -> check("{\"project\": \"headway-prod\"}"));
        assertEquals("stack output project in outputs.json is \"headway-prod\" but stack dev declares \"headway-dev\";"
                + " use that stack's own outputs (nothing was sent)", e.getMessage());
    }

    @Test
    void anExactOutputMustHaveTheSameJsonTypeToo() {
        refused(() -> check("{\"region\": [\"us-east1\"]}"));
    }

    @ParameterizedTest
    @CsvSource({
            "gs://headway-dev-hw-dev-pipeline-root/runs/, true",
            "gs://headway-dev-hw-dev-pipeline-root/other/path, true",
            "gs://headway-dev-hw-dev-pipeline-root, true",
            "headway-dev-hw-dev-pipeline-root/runs/, true",
            "gs://headway-prod-hw-prod-pipeline-root/runs/, false",
            "gs://headway-dev-hw-dev-pipeline-root-evil/runs/, false",
            "gs://evil/headway-dev-hw-dev-pipeline-root/, false",
    })
    void aBucketOutputMayNameAnyPathButOnlyTheDeclaredBucket(String pipelineRoot, boolean accepted) {
        Runnable run = () -> check("{\"pipelineRoot\": \"" + pipelineRoot + "\"}");
        if (accepted) {
            run.run();
        } else {
            refused(run);
        }
    }

    @Test
    void aBucketOutputMustBeAString() {
        refused(() -> check("{\"pipelineRoot\": {\"bucket\": \"headway-dev-hw-dev-pipeline-root\"}}"));
    }

    @ParameterizedTest
    @CsvSource({
            "projects/headway-dev/locations/us-east1/repositories/hw-dev-pipelines, true",
            "https://us-east1-kfp.pkg.dev/headway-dev/hw-dev-pipelines, true",
            "https://us-east1-kfp.pkg.dev/headway-dev/hw-dev-pipelines/, true",
            "projects/headway-dev/locations/us-east1/repositories/hw-prod-pipelines, false",
            "https://europe-west4-kfp.pkg.dev/headway-dev/hw-dev-pipelines, false",
            "https://evil.example.com/headway-dev/hw-dev-pipelines, false",
    })
    void theTemplateRepositoryMayBeSpelledEitherWayButMustBeTheDeclaredOne(String repo, boolean accepted) {
        Runnable run = () -> check("{\"pipelineTemplateRepo\": \"" + repo + "\"}");
        if (accepted) {
            run.run();
        } else {
            refused(run);
        }
    }

    @Test
    void twoDifferentUnparsableTemplateRepositoriesDoNotMatchNorDoesANonString() {
        Map<String, JsonNode> d = declared();
        d.put("pipelineTemplateRepo", TextNode.valueOf("not a repository"));
        refused(() -> outputs("{\"pipelineTemplateRepo\": \"also not one\"}").checkAgainst("dev", d));
        refused(() -> check("{\"pipelineTemplateRepo\": 12}"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"headway-gru\": \"projects/headway-dev/locations/us-east1/endpoints/1001\"} | true",
            "{} | true",
            "{\"headway-gru\": \"projects/headway-dev/locations/us-east1/endpoints/1\", \"headway-tft\": \"projects/headway-dev/locations/us-east1/endpoints/1234567890123456789\"} | true",
            "{\"headway-xyz\": \"projects/headway-dev/locations/us-east1/endpoints/1001\"} | false",
            "{\"headway-gru\": \"projects/headway-prod/locations/us-east1/endpoints/1001\"} | false",
            "{\"headway-gru\": \"projects/headway-dev/locations/europe-west4/endpoints/1001\"} | false",
            "{\"headway-gru\": \"projects/headway-dev/locations/us-east1/endpoints/\"} | false",
            "{\"headway-gru\": \"projects/headway-dev/locations/us-east1/endpoints/12345678901234567890\"} | false",
            "{\"headway-gru\": \"projects/headway-dev/locations/us-east1/endpoints/1001/../9\"} | false",
            "{\"headway-gru\": \"projects/headway-dev/locations/us-east1/endpoints/1001\", \"headway-xyz\": \"projects/headway-dev/locations/us-east1/endpoints/1002\"} | false",
            "[\"projects/headway-dev/locations/us-east1/endpoints/1001\"] | false",
    })
    void endpointsMustBeDeclaredNamesInTheStacksProjectAndRegion(String endpoints, boolean accepted) {
        Runnable run = () -> check("{\"endpoints\": " + endpoints + "}");
        if (accepted) {
            run.run();
        } else {
            refused(run);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"headway-gru\": {\"bigqueryDestination\": \"bq://headway-dev.hw_dev_monitoring.gru\", \"samplingRate\": 0.5}} | true",
            "{} | true",
            "{\"headway-gru\": {\"bigqueryDestination\": \"bq://attacker.exfil.gru\"}} | false",
            "{\"headway-tft\": {\"bigqueryDestination\": \"bq://headway-dev.hw_dev_monitoring.gru\"}} | false",
            "\"bq://headway-dev.hw_dev_monitoring.gru\" | false",
    })
    void endpointLoggingMayOnlyNameDeclaredDestinations(String logging, boolean accepted) {
        Runnable run = () -> check("{\"endpointLogging\": " + logging + "}");
        if (accepted) {
            run.run();
        } else {
            refused(run);
        }
    }

    @Test
    void valuesSynthCannotKnowAreNotCompared() {
        Map<String, JsonNode> d = declared();
        d.put("project", TextNode.valueOf("[unknown]"));
        d.put("env", TextNode.valueOf("[secret]"));
        assertDoesNotThrow(() -> outputs("{\"project\": \"anything\", \"env\": \"anything\"}").checkAgainst("dev", d));
    }

    @Test
    void outputsTheHooksDoNotTrustAreNotCompared() {
        // pollerZone and tensorboard are neither exact nor checked by shape: the hooks never act on them
        assertDoesNotThrow(() -> check("{\"pollerZone\": \"europe-west4-a\", \"tensorboard\": \"elsewhere\"}"));
    }

    @Test
    void aLongValueIsClippedInTheLine() {
        String longRegion = "r".repeat(300);
        String message = refused(() -> check("{\"region\": \"" + longRegion + "\"}")).getMessage();
        assertTrue(message.contains(" is \"" + "r".repeat(119) + "... but stack dev declares \"us-east1\""), message);
        String exactly120 = "\"" + "r".repeat(118) + "\"";
        String at120 = refused(() -> check("{\"region\": " + exactly120 + "}")).getMessage();
        assertTrue(at120.contains(" is " + exactly120 + " but"), at120);
    }
}
