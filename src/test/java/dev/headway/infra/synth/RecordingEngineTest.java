package dev.headway.infra.synth;

import com.pulumi.core.Output;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.config.RawConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Guards the pinned SDK's internals that {@link RecordingEngine} relies on: if an upgrade changes
 * how requests reach the mock monitor, these fail before the plans silently go wrong.
 */
class RecordingEngineTest {
    private static final RawConfig CONFIG = new RawConfig(
            Map.of("gcp:project", "proj-one", "gcp:region", "us-east1", "headway:token", "s3cr3t"),
            Set.of("headway:token"));

    private static Plan twoResources() {
        return RecordingEngine.run("headway", "test", CONFIG, ctx -> {
            Topic topic = new Topic("feed", TopicArgs.builder().project("proj-one").name("feed").build());
            Bucket bucket = new Bucket("data", BucketArgs.builder()
                    .project("proj-one")
                    .name("proj-one-data")
                    .location("US")
                    .labels(ctx.config().requireSecret("token").applyValue(t -> Map.of("token", t)))
                    .build(), CustomResourceOptions.builder().protect(true).retainOnDelete(true).dependsOn(topic).build());
            ctx.export("bucket", bucket.name());
            ctx.export("secret", Output.ofSecret("hidden"));
            // read in the clear by mistake: the engine still masks it
            ctx.export("leaked", Output.of("token is " + ctx.config().require("token")));
        });
    }

    @Test
    void recordsEveryRequestWithItsOptionsAndDependencies() {
        Plan plan = twoResources();
        PlannedResource bucket = plan.get("gcp:storage/bucket:Bucket", "data");
        PlannedResource topic = plan.get("gcp:pubsub/topic:Topic", "feed");
        PlannedResource stack = plan.ofType("pulumi:pulumi:Stack").get(0);

        assertEquals("urn:pulumi:test::headway::pulumi:pulumi:Stack$gcp:storage/bucket:Bucket::data", bucket.urn());
        assertEquals(stack.urn(), bucket.parent());
        assertTrue(bucket.custom());
        assertFalse(stack.custom());
        assertTrue(bucket.protect());
        assertTrue(bucket.retainOnDelete());
        assertFalse(topic.protect());
        assertFalse(topic.retainOnDelete());
        assertEquals(List.of(topic.urn()), bucket.dependsOn());
        assertEquals(List.of(topic.urn()), bucket.explicitDependencies());
        assertEquals("US", bucket.input("location").asText());
        assertEquals("proj-one-data", bucket.input("name").asText());
    }

    @Test
    void secretConfigAndSecretOutputsNeverAppearInPlainText() {
        Plan plan = twoResources();
        String json = PlanJson.write(plan);
        assertFalse(json.contains("s3cr3t"), json);
        assertFalse(json.contains("hidden"), json);
        assertEquals("[secret]", plan.get("gcp:storage/bucket:Bucket", "data").input("labels").asText());
        assertEquals("[secret]", plan.outputs().get("secret").asText());
        assertEquals("[secret]", plan.outputs().get("leaked").asText());
        assertEquals("proj-one-data", plan.outputs().get("bucket").asText());
    }

    @Test
    void resourcesAreSortedByUrnAndRunsAreByteIdentical() {
        String first = PlanJson.write(twoResources());
        String second = PlanJson.write(twoResources());
        assertEquals(first, second);
        Plan plan = PlanJson.fromTree(parse(first));
        List<String> urns = plan.resources().stream().map(PlannedResource::urn).toList();
        assertEquals(urns.stream().sorted().toList(), urns);
        assertEquals(3, urns.size());
    }

    @Test
    void aProgramFailureSurfacesAsItsException() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RecordingEngine.run("headway", "test", CONFIG, ctx -> {
                    throw new IllegalStateException("boom");
                }));
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        // and the engine is usable again afterwards (the SDK's deployment singleton was reset)
        assertEquals(3, twoResources().resources().size());
    }

    @Test
    void waitsForResourcesWhoseInputsResolveAfterTheProgramReturned() {
        CompletableFuture<String> later = new CompletableFuture<>();
        Plan plan = RecordingEngine.run("headway", "test", CONFIG, ctx -> {
            new Topic("feed", TopicArgs.builder().project("proj-one").name(Output.of(later)).build());
            CompletableFuture.runAsync(() -> later.complete("feed-resolved-late"));
        });
        assertEquals("feed-resolved-late", plan.get("gcp:pubsub/topic:Topic", "feed").input("name").asText());
    }

    @Test
    void aFailureInAnInputComputedAfterTheProgramReturnedSurfacesAsItsException() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordingEngine.run("headway", "test", CONFIG, ctx -> new Topic("feed", TopicArgs.builder()
                        .project("proj-one")
                        .name(Output.of("feed").applyValue(n -> {
                            throw new IllegalArgumentException("late failure in " + n);
                        }))
                        .build())));
        assertEquals("late failure in feed", e.getMessage());
        assertEquals(3, twoResources().resources().size());
    }

    @Test
    void anErrorTheProgramLogsStillFailsSynth() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RecordingEngine.run("headway", "test", CONFIG, ctx -> {
                    ctx.log().debug("chatter nobody reads offline");
                    ctx.log().error("quota for A100 GPUs is missing");
                }));
        assertTrue(e.getMessage().contains("quota for A100 GPUs is missing"), e.getMessage());
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
