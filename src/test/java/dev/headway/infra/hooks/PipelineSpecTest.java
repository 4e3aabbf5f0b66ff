package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Value;
import dev.headway.infra.UserError;
import dev.headway.infra.hooks.kfp.InputResolver;
import dev.headway.infra.hooks.kfp.ParameterType;
import dev.headway.infra.hooks.kfp.PipelineSpec;
import dev.headway.infra.hooks.kfp.ResolvedInputs;
import dev.headway.infra.hooks.kfp.UriArtifact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineSpecTest {
    static final Path TWO_STEP = Path.of("src/test/resources/kfp/two_step_pipeline.yaml");
    static final Path ALL_TYPES_YAML = Path.of("src/test/resources/kfp/all_types.yaml");
    static final Path ALL_TYPES_JSON = Path.of("src/test/resources/kfp/all_types.json");
    static final Path DATASET_INPUT = Path.of("src/test/resources/kfp/dataset_input.yaml");
    private static final String PROJECT = "headway-dev";
    private static final String REGION = "us-east1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void readsTheRealKfpCompilerOutput() {
        PipelineSpec spec = PipelineSpec.read(TWO_STEP);
        assertEquals("simple-two-step-pipeline", spec.name());
        assertEquals(List.of("text"), List.copyOf(spec.parameters().keySet()));
        var text = spec.parameters().get("text");
        assertEquals(ParameterType.STRING, text.type());
        assertTrue(text.optional());
        assertEquals("Hello KFP!", text.defaultValue().orElseThrow().textValue());
        assertTrue(spec.artifacts().isEmpty(), "the root takes no artifacts; the components' artifacts are not root inputs");
        assertEquals("simple-two-step-pipeline", spec.toStruct().getFieldsOrThrow("pipelineInfo").getStructValue()
                .getFieldsOrThrow("name").getStringValue());
    }

    @Test
    void defaultsFillTheTwoStepPipelineAndParamsOverrideThem() {
        PipelineSpec spec = PipelineSpec.read(TWO_STEP);
        ResolvedInputs defaults = InputResolver.resolve(spec, Map.of(), Map.of(), Map.of(), n -> null, PROJECT, REGION);
        assertEquals("Hello KFP!", defaults.parameters().get("text").getStringValue());
        assertEquals("default", defaults.sources().get("text"));
        ResolvedInputs given = InputResolver.resolve(spec, Map.of("text", "hi"), Map.of(), Map.of(), n -> null, PROJECT, REGION);
        assertEquals("hi", given.parameters().get("text").getStringValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"src/test/resources/kfp/all_types.yaml", "src/test/resources/kfp/all_types.json"})
    void typesEveryParameterFromYamlAndJson(String file) {
        PipelineSpec spec = PipelineSpec.read(Path.of(file));
        assertEquals("headway-training", spec.name());
        var p = spec.parameters();
        assertEquals(ParameterType.STRING, p.get("project").type());
        assertEquals(ParameterType.NUMBER_INTEGER, p.get("epochs").type());
        assertEquals(ParameterType.NUMBER_DOUBLE, p.get("learning_rate").type());
        assertEquals(ParameterType.BOOLEAN, p.get("use_gpu").type());
        assertEquals(ParameterType.LIST, p.get("routes").type());
        assertEquals(ParameterType.STRUCT, p.get("model_config").type());
        assertFalse(p.get("epochs").optional());
        assertTrue(p.get("notes").optional());
        assertTrue(p.get("notes").defaultValue().isEmpty());
        assertEquals("system.Dataset", spec.artifacts().get("training_data").schemaTitle());
    }

    @Test
    void resolvesInOrderParamThenOutputThenDefault() {
        PipelineSpec spec = PipelineSpec.read(ALL_TYPES_YAML);
        Map<String, JsonNode> outputs = Map.of("project", json("\"headway-dev\""), "epochsOut", json("12"));
        ResolvedInputs r = InputResolver.resolve(spec,
                Map.of("use_gpu", "false", "routes", "[\"L\", \"7\"]", "model_config", "{\"hidden\": 128, \"dropout\": 0.2}"),
                Map.of("training_data", "projects/headway-dev/locations/us-east1/metadataStores/default/artifacts/raw-2024"),
                Map.of("project", "project", "epochs", "epochsOut"), outputs::get, PROJECT, REGION);
        assertEquals(Value.newBuilder().setStringValue("headway-dev").build(), r.parameters().get("project"));
        assertEquals("output:project", r.sources().get("project"));
        assertEquals(12.0, r.parameters().get("epochs").getNumberValue());
        assertEquals(Value.KindCase.NUMBER_VALUE, r.parameters().get("epochs").getKindCase());
        assertEquals(0.001, r.parameters().get("learning_rate").getNumberValue());
        assertEquals("default", r.sources().get("learning_rate"));
        assertEquals(Value.KindCase.BOOL_VALUE, r.parameters().get("use_gpu").getKindCase());
        assertFalse(r.parameters().get("use_gpu").getBoolValue());
        assertEquals(List.of("L", "7"), r.parameters().get("routes").getListValue().getValuesList().stream().map(Value::getStringValue).toList());
        assertEquals(128.0, r.parameters().get("model_config").getStructValue().getFieldsOrThrow("hidden").getNumberValue());
        assertFalse(r.parameters().containsKey("notes"), "optional without default and without value is left out");
        assertEquals(Map.of("training_data", "raw-2024"), r.artifacts());
        assertTrue(r.toRegister().isEmpty(), "an id or resource name is used as is, nothing to register");
    }

    @Test
    void artifactTypesComeFromTheSpecWithSystemArtifactAsDefault() {
        PipelineSpec spec = PipelineSpec.read(DATASET_INPUT);
        assertEquals(List.of("raw_data", "baseline"), List.copyOf(spec.artifacts().keySet()));
        assertEquals("system.Dataset", spec.artifacts().get("raw_data").schemaTitle());
        assertEquals("0.0.1", spec.artifacts().get("raw_data").schemaVersion());
        assertFalse(spec.artifacts().get("raw_data").optional());
        assertEquals("system.Artifact", spec.artifacts().get("baseline").schemaTitle());
        assertEquals("0.0.1", spec.artifacts().get("baseline").schemaVersion());
        assertTrue(spec.artifacts().get("baseline").optional());
    }

    @Test
    void aUriIsRegisteredUnderAnIdDerivedFromUriAndSchema() {
        PipelineSpec spec = PipelineSpec.read(DATASET_INPUT);
        ResolvedInputs r = InputResolver.resolve(spec, Map.of(), Map.of("raw_data", "gs://hw-dev-raw/feeds/2024-06-01/"),
                Map.of(), n -> null, PROJECT, REGION);
        UriArtifact u = r.toRegister().get("raw_data");
        assertEquals("gs://hw-dev-raw/feeds/2024-06-01/", u.uri());
        assertEquals("system.Dataset", u.schemaTitle());
        assertEquals("0.0.1", u.schemaVersion());
        assertTrue(u.artifactId().matches("dataset-[0-9a-f]{32}"), u.artifactId());
        assertEquals(u.artifactId(), r.artifacts().get("raw_data"), "the job references the id it registers");
        assertEquals(UriArtifact.idFor("gs://hw-dev-raw/feeds/2024-06-01/", "system.Dataset"), u.artifactId(), "deterministic");
        assertFalse(u.artifactId().equals(UriArtifact.idFor("gs://hw-dev-raw/feeds/2024-06-02/", "system.Dataset")));
        assertFalse(u.artifactId().equals(UriArtifact.idFor("gs://hw-dev-raw/feeds/2024-06-01/", "system.Model")));
        for (String uri : List.of("https://example.com/x.csv", "bq://headway-dev.hw_dev_raw.arrivals", "GS://Bucket/UPPER")) {
            ResolvedInputs other = InputResolver.resolve(spec, Map.of(), Map.of("raw_data", uri), Map.of(), n -> null, PROJECT, REGION);
            assertEquals(uri, other.toRegister().get("raw_data").uri());
            assertTrue(other.artifacts().get("raw_data").matches("[a-z0-9][a-z0-9-]{0,127}"), other.artifacts().toString());
        }
        assertTrue(UriArtifact.idFor("gs://b/o", "my_org.Very.Long-Schema_Title" + "x".repeat(100)).matches("[a-z0-9][a-z0-9-]{0,127}"));
        assertTrue(UriArtifact.idFor("gs://b/o", "...").startsWith("artifact-"));
    }

    @Test
    void anArtifactResourceNameMustBeInTheJobsDefaultStore() {
        PipelineSpec spec = PipelineSpec.read(DATASET_INPUT);
        assertEquals("raw-7", InputResolver.resolve(spec, Map.of(), Map.of("raw_data",
                "projects/headway-dev/locations/us-east1/metadataStores/default/artifacts/raw-7"), Map.of(), n -> null, PROJECT, REGION)
                .artifacts().get("raw_data"));
        for (String bad : List.of("projects/other/locations/us-east1/metadataStores/default/artifacts/raw-7",
                "projects/headway-dev/locations/europe-west1/metadataStores/default/artifacts/raw-7",
                "projects/headway-dev/locations/us-east1/metadataStores/mine/artifacts/raw-7",
                "projects/headway-dev/locations/us-east1/metadataStores/default/artifacts/Raw_7",
                "Raw_7", "gs://", "gs://bucket/with space", "", "-leading-dash")) {
            UserError e = assertThrows(UserError.class, () -> InputResolver.resolve(spec, Map.of(), Map.of("raw_data", bad),
                    Map.of(), n -> null, PROJECT, REGION), bad);
            assertEquals(UserError.USAGE, e.exitCode());
            assertTrue(e.getMessage().startsWith("input artifact raw_data: expected "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
    }

    @Test
    void aRequiredParameterWithoutValueIsAUsageErrorNamingIt() {
        PipelineSpec spec = PipelineSpec.read(ALL_TYPES_YAML);
        UserError e = assertThrows(UserError.class, () -> InputResolver.resolve(spec, Map.of("project", "p"),
                Map.of("training_data", "a1"), Map.of(), n -> null, PROJECT, REGION));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("parameter epochs (NUMBER_INTEGER)"), e.getMessage());
    }

    @Test
    void aRequiredArtifactWithoutValueIsAUsageErrorNamingIt() {
        PipelineSpec spec = PipelineSpec.read(ALL_TYPES_YAML);
        UserError e = assertThrows(UserError.class, () -> InputResolver.resolve(spec, Map.of("project", "p", "epochs", "3"),
                Map.of(), Map.of(), n -> null, PROJECT, REGION));
        assertTrue(e.getMessage().contains("input artifact training_data"), e.getMessage());
        ResolvedInputs uri = InputResolver.resolve(spec, Map.of("project", "p", "epochs", "3"),
                Map.of("training_data", "gs://bucket/raw.csv"), Map.of(), n -> null, PROJECT, REGION);
        assertEquals("gs://bucket/raw.csv", uri.toRegister().get("training_data").uri(), "a URI is accepted now, to be registered");
    }

    @Test
    void valuesThatDoNotParseAsTheirTypeAreUsageErrorsNamingTheParameter() {
        PipelineSpec spec = PipelineSpec.read(ALL_TYPES_YAML);
        Map<String, String> base = Map.of("project", "p", "epochs", "3");
        Map<String, String> bad = Map.of("epochs", "3.5", "learning_rate", "fast", "use_gpu", "yes",
                "routes", "{\"a\":1}", "model_config", "[1]");
        for (var e : bad.entrySet()) {
            var params = new java.util.HashMap<>(base);
            params.put(e.getKey(), e.getValue());
            UserError err = assertThrows(UserError.class, () -> InputResolver.resolve(spec, params,
                    Map.of("training_data", "a1"), Map.of(), n -> null, PROJECT, REGION), e.getKey());
            assertEquals(UserError.USAGE, err.exitCode());
            assertTrue(err.getMessage().startsWith("parameter " + e.getKey() + " ("), err.getMessage());
        }
    }

    @Test
    void unknownNamesAreUsageErrors() {
        PipelineSpec spec = PipelineSpec.read(TWO_STEP);
        UserError p = assertThrows(UserError.class, () -> InputResolver.resolve(spec, Map.of("txt", "x"), Map.of(), Map.of(), n -> null, PROJECT, REGION));
        assertTrue(p.getMessage().startsWith("--param txt:") && p.getMessage().contains("text"), p.getMessage());
        UserError a = assertThrows(UserError.class, () -> InputResolver.resolve(spec, Map.of(), Map.of("data", "x"), Map.of(), n -> null, PROJECT, REGION));
        assertTrue(a.getMessage().startsWith("--artifact data:"), a.getMessage());
    }

    @Test
    void aFileThatIsNotAPipelineSpecIsAUsageError() {
        UserError e = assertThrows(UserError.class, () -> PipelineSpec.parse("x.yaml", "a: 1\n"));
        assertEquals(UserError.USAGE, e.exitCode());
        UserError t = assertThrows(UserError.class, () -> PipelineSpec.parse("y.yaml",
                "pipelineInfo: {name: p}\nroot: {inputDefinitions: {parameters: {n: {parameterType: NUMBER}}}}\n"));
        assertTrue(t.getMessage().contains("parameter n"), t.getMessage());
    }
}
