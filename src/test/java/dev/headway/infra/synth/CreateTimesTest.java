package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The create-time table read from deploy/create-times.json, and its upper-bounded variant. */
class CreateTimesTest {
    private static final CreateTimes TIMES = CreateTimes.load();

    private static PlannedResource resource(String type, boolean custom) {
        return new PlannedResource("urn:pulumi:dev::headway::" + type + "::r", type, "r", "", custom, List.of(), Map.of(),
                false, false, JsonNodeFactory.instance.objectNode());
    }

    @Test
    void aTypeTakesItsTypicalTimeAndAnUnknownTypeTheDefault() {
        assertEquals(25, TIMES.of(resource(Types.COMPUTE_NETWORK, true)));
        assertEquals(TIMES.defaultSeconds(), TIMES.of(resource("gcp:unknown/thing:Thing", true)));
    }

    @Test
    void componentsTakeNoTimeOfTheirOwn() {
        assertEquals(0, TIMES.of(resource(Types.COMPUTE_NETWORK, false)));
    }

    @Test
    void upperBoundedUsesTheProvidersCreateTimeoutWhereThereIsOne() {
        // resource_compute_network.go v5.0.0: Create: schema.DefaultTimeout(20 * time.Minute)
        assertEquals(1200, TIMES.upperBounds().get(Types.COMPUTE_NETWORK));
        CreateTimes bounded = TIMES.upperBounded();
        assertEquals(1200, bounded.of(resource(Types.COMPUTE_NETWORK, true)));
        // an IAM member has no provider timeout: its typical time stands
        assertEquals(TIMES.of(resource(Types.PROJECT_IAM_MEMBER, true)), bounded.of(resource(Types.PROJECT_IAM_MEMBER, true)));
    }
}
