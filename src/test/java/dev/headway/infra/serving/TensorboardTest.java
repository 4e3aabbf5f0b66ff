package dev.headway.infra.serving;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TensorboardTest {
    @Test
    void oneLabelledTensorboardInTheRegionExportedByResourceName() {
        Plan plan = Synth.stack("dev");
        assertEquals(1, plan.ofType("gcp:vertex/aiTensorboard:AiTensorboard").size());
        PlannedResource tb = plan.get("gcp:vertex/aiTensorboard:AiTensorboard", "hw-dev-experiments");
        assertEquals("us-east1", tb.input("region").asText());
        assertEquals("dev", tb.input("labels.env").asText());
        assertTrue(tb.dependsOn().contains(plan.get("gcp:projects/service:Service", "api-aiplatform").urn()));
        assertTrue(plan.outputs().get("tensorboard").asText().matches("projects/\\d+/locations/us-east1/tensorboards/\\d+"));
    }
}
