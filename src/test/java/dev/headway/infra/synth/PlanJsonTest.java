package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The plan file format (DESIGN.md): what is written is read back as the same plan, every field kept. */
class PlanJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::feed";
    private static final String K8S = "urn:pulumi:dev::headway::pulumi:providers:kubernetes::gke";

    static Plan plan() throws Exception {
        return new Plan("dev", "headway", List.of(
                new PlannedResource(TOPIC, "gcp:pubsub/topic:Topic", "feed", "", true, List.of(), Map.of(), true, false,
                        JSON.readTree("{\"name\":\"hw-dev-feed\",\"labels\":{\"env\":\"dev\"}}")),
                new PlannedResource("urn:pulumi:dev::headway::gcp:pubsub/subscription:Subscription::sub", "gcp:pubsub/subscription:Subscription",
                        "sub", "urn:pulumi:dev::headway::headway:streaming:Streaming::streaming", true, List.of(TOPIC, K8S),
                        Map.of("topic", List.of(TOPIC)), false, true, JSON.readTree("{\"topic\":\"hw-dev-feed\",\"ackDeadlineSeconds\":60}"),
                        K8S + "::04da6b54")),
                Map.of("region", JSON.readTree("\"us-east1\""), "zones", JSON.readTree("[\"b\",\"c\"]")));
    }

    @Test
    void aWrittenPlanIsReadBackTheSame() throws Exception {
        Plan plan = plan();
        assertEquals(plan, PlanJson.fromTree(JSON.readTree(PlanJson.write(plan))));
    }

    /** Every field is in the file; {@code provider} only when the resource has an explicit one. */
    @Test
    void theFileHoldsEveryField() throws Exception {
        JsonNode tree = JSON.readTree(PlanJson.write(plan()));
        assertEquals(JSON.readTree("""
                {"stack":"dev","project":"headway","resources":[
                 {"urn":"urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::feed","type":"gcp:pubsub/topic:Topic","name":"feed","parent":"",
                  "custom":true,"dependsOn":[],"propertyDependencies":{},"protect":true,"retainOnDelete":false,
                  "inputs":{"name":"hw-dev-feed","labels":{"env":"dev"}}},
                 {"urn":"urn:pulumi:dev::headway::gcp:pubsub/subscription:Subscription::sub","type":"gcp:pubsub/subscription:Subscription",
                  "name":"sub","parent":"urn:pulumi:dev::headway::headway:streaming:Streaming::streaming","custom":true,
                  "dependsOn":["urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::feed","urn:pulumi:dev::headway::pulumi:providers:kubernetes::gke"],
                  "propertyDependencies":{"topic":["urn:pulumi:dev::headway::gcp:pubsub/topic:Topic::feed"]},"protect":false,"retainOnDelete":true,
                  "inputs":{"topic":"hw-dev-feed","ackDeadlineSeconds":60},"provider":"urn:pulumi:dev::headway::pulumi:providers:kubernetes::gke::04da6b54"}],
                 "outputs":{"region":"us-east1","zones":["b","c"]}}"""), tree);
    }

    @Test
    void aPlanIsReadFromItsFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dev.plan.json");
        Files.writeString(file, PlanJson.write(plan()));
        assertEquals(plan(), PlanJson.read(file));
    }

    /** A missing or broken plan file is a usage error that says how to write one, not a stack trace. */
    @Test
    void aMissingOrBrokenFileIsAUsageError(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("prod.plan.json");
        UserError e = assertThrows(UserError.class, () -> PlanJson.read(missing));
        assertEquals(UserError.USAGE, e.exitCode());
        assertEquals(missing + ": no such plan file; write one with: java -jar target/headway-infra.jar synth <stack> --format json > " + missing,
                e.getMessage());

        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"stack\":\"dev\"}");
        e = assertThrows(UserError.class, () -> PlanJson.read(broken));
        assertEquals(UserError.USAGE, e.exitCode());
        assertEquals(broken + ": not a synth plan (No value for property 'resources' of `ObjectNode`)", e.getMessage());
    }
}
