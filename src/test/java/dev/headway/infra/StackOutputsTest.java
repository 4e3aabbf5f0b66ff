package dev.headway.infra;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data platform's part of the stack-output contract (DESIGN.md "Stack outputs"). */
class StackOutputsTest {
    static final List<String> DATA_OUTPUTS = List.of("trainingImageRepo", "servingImageRepo", "pipelineTemplateRepo",
            "rawDataset", "cleanDataset", "featuresDataset", "monitoringDataset", "feedTopic", "feedSubscription",
            "deadLetterTopic", "pollerInstance", "pollerZone", "dataflowStagingBucket", "dataflowTempBucket");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "staging"})
    void everyDataOutputIsExportedWithAValue(String stack) {
        Plan plan = Synth.stack(stack);
        for (String key : DATA_OUTPUTS) {
            assertTrue(plan.outputs().containsKey(key), stack + " exports " + key);
            String value = plan.outputs().get(key).asText();
            assertFalse(value.isBlank() || value.contains("unknown"), stack + " " + key + " = " + value);
            if (key.equals("pollerZone")) {
                assertTrue(value.equals(Synth.settings(stack, java.util.Map.of()).zone()), value);
            } else {
                assertTrue(value.contains(stack), stack + " " + key + " names its environment: " + value);
            }
        }
    }
}
