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

    /** Experiment logs are data: prod's TensorBoard survives a destroy (issue 15), dev's tears down. */
    @org.junit.jupiter.api.Test
    void prodKeepsItsTensorboard() {
        PlannedResource kept = dev.headway.infra.testing.Synth.stack("prod").get("gcp:vertex/aiTensorboard:AiTensorboard", "hw-prod-experiments");
        assertEquals(true, kept.protect());
        assertEquals(true, kept.retainOnDelete());
        PlannedResource torn = dev.headway.infra.testing.Synth.stack("dev").get("gcp:vertex/aiTensorboard:AiTensorboard", "hw-dev-experiments");
        assertEquals(false, torn.protect());
    }
}
