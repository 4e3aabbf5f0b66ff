package dev.headway.infra.hooks;

import dev.headway.infra.hooks.kfp.PipelineSpec;
import dev.headway.infra.hooks.kfp.ResolvedInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The job id Vertex is given: {@code pipeline_job_id} "should be less than 128 characters, and valid characters
 * are /[a-z][0-9]-/" (google/cloud/aiplatform/v1/pipeline_service.proto, CreatePipelineJobRequest), and the
 * labels: values of at most 63 lower-case letters, digits, {@code _} and {@code -}
 * (https://cloud.google.com/resource-manager/docs/labels-overview#requirements).
 */
class SubmitPipelineJobIdTest {
    private static final ResolvedInputs NONE = new ResolvedInputs(Map.of(), Map.of(), Map.of(), Map.of());

    private static PipelineSpec named(String name) throws Exception {
        String text = Files.readString(PipelineSpecTest.TWO_STEP)
                .replace("pipelineInfo:\n  name: simple-two-step-pipeline", "pipelineInfo:\n  name: '" + name + "'");
        PipelineSpec spec = PipelineSpec.parse("test", text);
        assertEquals(name, spec.name());
        return spec;
    }

    private static String idFor(String name) throws Exception {
        String id = SubmitPipeline.jobId(named(name), NONE, "dev", "headway-dev", "us-east1");
        assertTrue(id.matches("[a-z][a-z0-9-]*") && id.length() < 128, id);
        return id;
    }

    @ParameterizedTest(name = "{0} -> {1}-<hash>")
    @CsvSource(delimiter = '|', value = {
            "headway-training  | headway-training",
            "123_Train Model   | train-model",
            "42                | pipeline",
            "__                | pipeline",
            "train-            | train",
    })
    void thePrefixIsTheNameAsALowerCaseIdStartingWithALetter(String name, String prefix) throws Exception {
        String id = idFor(name);
        assertTrue(id.matches(java.util.regex.Pattern.quote(prefix) + "-[0-9a-f]{16}"), name + " -> " + id);
    }

    @Test
    void aLongNameIsCutToALabelsLengthWithOneDashBeforeTheHash() throws Exception {
        String name = "a".repeat(62) + "-" + "b".repeat(10);
        String id = idFor(name);
        assertEquals("a".repeat(62) + "-", id.substring(0, 63));
        assertTrue(id.substring(63).matches("[0-9a-f]{16}"), id);
        assertEquals(79, id.length());
    }

    @Test
    void labelValuesAreLowerCaseAndAtMost63Characters() {
        assertEquals("hello-world-", SubmitPipeline.labelValue("Hello World!"));
        assertEquals("a_b-c", SubmitPipeline.labelValue("a_b-c"));
        assertEquals(63, SubmitPipeline.labelValue("x".repeat(63)).length());
        assertEquals("x".repeat(63), SubmitPipeline.labelValue("x".repeat(64)));
        assertEquals("", SubmitPipeline.labelValue(""));
    }
}
