package dev.headway.infra.synth;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import dev.headway.infra.config.RawConfig;
import org.junit.jupiter.api.Test;
import pulumirpc.Resource.RegisterResourceRequest;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link RecordingEngine#plan}: the plan of what a real engine received, in the model {@link RecordingEngine#run}
 * builds, so the two compare byte for byte.
 */
class RecordingEnginePlanTest {
    private static final RawConfig CONFIG = new RawConfig(
            Map.of("gcp:project", "proj-one", "headway:token", "s3cr3t"), Set.of("headway:token"));

    private static Value text(String s) {
        return Value.newBuilder().setStringValue(s).build();
    }

    private static RecordingEngine.Registration topic(String name, List<String> deps, Map<String, List<String>> propertyDeps) {
        RegisterResourceRequest.Builder r = RegisterResourceRequest.newBuilder()
                .setType(Types.PUBSUB_TOPIC).setName(name).setCustom(true)
                .setObject(Struct.newBuilder().putFields("name", text(name)).build())
                .addAllDependencies(deps);
        propertyDeps.forEach((k, v) -> r.putPropertyDependencies(k,
                RegisterResourceRequest.PropertyDependencies.newBuilder().addAllUrns(v).build()));
        return new RecordingEngine.Registration(r.build(), "urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::" + name);
    }

    @Test
    void registrationsBecomeResourcesSortedByUrnWithTheStackOutputsMasked() {
        Struct outputs = Struct.newBuilder().putFields("feed", text("feed")).putFields("leak", text("token s3cr3t")).build();
        Plan plan = RecordingEngine.plan("headway", "dev", CONFIG, List.of(topic("b", List.of(), Map.of()), topic("a", List.of(), Map.of())),
                outputs);
        assertEquals("proj-one", plan.project(), "the project is gcp:project's value");
        assertEquals(List.of("a", "b"), plan.resources().stream().map(PlannedResource::name).toList());
        assertEquals("feed", plan.outputs().get("feed").asText());
        assertEquals(Values.SECRET, plan.outputs().get("leak").asText());
    }

    @Test
    void dependenciesAreDistinctAndSortedAndEmptyPropertyDependenciesAreLeftOut() {
        String x = "urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::x";
        String y = "urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::y";
        Plan plan = RecordingEngine.plan("headway", "dev", CONFIG,
                List.of(topic("t", List.of(y, x, y), Map.of("labels", List.of(y, x, x), "name", List.of()))), Struct.getDefaultInstance());
        PlannedResource t = plan.resources().get(0);
        assertEquals(List.of(x, y), t.dependsOn());
        assertEquals(Map.of("labels", List.of(x, y)), t.propertyDependencies());
    }
}
