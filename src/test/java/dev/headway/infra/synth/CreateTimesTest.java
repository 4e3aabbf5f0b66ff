package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The create-time table read from deploy/create-times.json, and its upper-bounded variant. */
class CreateTimesTest {
    /** Read per test: the file is the thing under test. */
    private final CreateTimes times = CreateTimes.load();

    private static PlannedResource resource(String type, boolean custom) {
        return new PlannedResource("urn:pulumi:dev::headway::" + type + "::r", type, "r", "", custom, List.of(), Map.of(),
                false, false, JsonNodeFactory.instance.objectNode());
    }

    @Test
    void aTypeTakesItsTypicalTimeAndAnUnknownTypeTheDefault() {
        assertEquals(25, times.of(resource(Types.COMPUTE_NETWORK, true)));
        assertEquals(times.defaultSeconds(), times.of(resource("gcp:unknown/thing:Thing", true)));
    }

    @Test
    void componentsTakeNoTimeOfTheirOwn() {
        assertEquals(0, times.of(resource(Types.COMPUTE_NETWORK, false)));
    }

    @Test
    void upperBoundedUsesTheProvidersCreateTimeoutWhereThereIsOne() {
        // resource_compute_network.go v5.0.0: Create: schema.DefaultTimeout(20 * time.Minute)
        assertEquals(1200, times.upperBounds().get(Types.COMPUTE_NETWORK));
        CreateTimes bounded = times.upperBounded();
        assertEquals(1200, bounded.of(resource(Types.COMPUTE_NETWORK, true)));
        // an IAM member has no provider timeout: its typical time stands
        assertEquals(times.of(resource(Types.PROJECT_IAM_MEMBER, true)), bounded.of(resource(Types.PROJECT_IAM_MEMBER, true)));
    }
}
