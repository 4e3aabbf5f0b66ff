package dev.headway.infra.hooks;

import dev.headway.infra.UserError;
import dev.headway.infra.hooks.kfp.PipelineSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a compiled KFP v2 spec must hold (pipeline_spec.proto: {@code pipelineInfo.name}, {@code root} with
 * {@code inputDefinitions}); anything else is one line, exit 2, naming where it came from.
 */
class PipelineSpecParseTest {
    private static final String SPEC = """
            {"pipelineInfo": {"name": "p"}, "root": {"inputDefinitions": {
              "parameters": {"epochs": {"parameterType": "NUMBER_INTEGER", "defaultValue": null},
                             "rate": {"parameterType": "NUMBER_DOUBLE", "defaultValue": 0.5, "isOptional": true}},
              "artifacts": {"data": {"artifactType": {"schemaTitle": "system.Dataset", "schemaVersion": "0.0.1"}}}}}}
            """;

    @ParameterizedTest
    @ValueSource(strings = {"", "[1]", "{\"pipelineInfo\": {\"name\": \"p\"}}", "{\"pipelineInfo\": {\"name\": 1}, \"root\": {}}",
            "{\"pipelineInfo\": {\"name\": \"p\"}, \"root\": []}"})
    void somethingElseIsNotASpec(String text) {
        UserError e = assertThrows(UserError.class, () -> PipelineSpec.parse("t.yaml", text));
        assertEquals(UserError.USAGE, e.exitCode());
        assertEquals("template t.yaml: not a compiled KFP v2 pipeline spec (expected pipelineInfo.name and root)", e.getMessage());
    }

    @Test
    void aNullDefaultIsNoDefault() {
        PipelineSpec spec = PipelineSpec.parse("t.json", SPEC);
        assertEquals(Optional.empty(), spec.parameters().get("epochs").defaultValue());
        assertFalse(spec.parameters().get("epochs").optional());
        assertEquals(0.5, spec.parameters().get("rate").defaultValue().orElseThrow().doubleValue());
        assertTrue(spec.parameters().get("rate").optional());
        assertEquals("system.Dataset", spec.artifacts().get("data").schemaTitle());
        assertEquals("t.json", spec.where());
    }

    @Test
    void theSameSpecWithKeysInAnotherOrderHasTheSameCanonicalJson() {
        PipelineSpec a = PipelineSpec.parse("a", "{\"root\": {\"x\": 1, \"a\": 2}, \"pipelineInfo\": {\"name\": \"p\"}}");
        PipelineSpec b = PipelineSpec.parse("b", "pipelineInfo:\n  name: p\nroot:\n  a: 2\n  x: 1\n");
        assertEquals("{\"pipelineInfo\":{\"name\":\"p\"},\"root\":{\"a\":2,\"x\":1}}", a.canonicalJson());
        assertEquals(a.canonicalJson(), b.canonicalJson());
    }
}
