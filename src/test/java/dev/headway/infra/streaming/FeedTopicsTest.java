package dev.headway.infra.streaming;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeedTopicsTest {
    static final String TOPIC = "gcp:pubsub/topic:Topic";
    static final String SUB = "gcp:pubsub/subscription:Subscription";
    static final String TOPIC_MEMBER = "gcp:pubsub/topicIAMMember:TopicIAMMember";
    static final String SUB_MEMBER = "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember";
    static final String AGENT = "serviceAccount:service-123456789012@gcp-sa-pubsub.iam.gserviceaccount.com";
    static Plan dev;
    static Plan prod;

    /** Per run of the class, not per class load: under mutation testing each mutant gets its own plans. */
    @BeforeAll
    static void synth() {
        dev = Synth.stack("dev");
        prod = Synth.stack("prod");
    }

    @Test
    void topicsRetainMessagesAsConfigured() {
        for (String name : List.of("hw-dev-feed", "hw-dev-feed-dead-letter")) {
            PlannedResource t = dev.get(TOPIC, name);
            assertEquals("86400s", t.input("messageRetentionDuration").asText());
            assertEquals("headway-dev", t.input("project").asText());
            assertEquals("streaming", t.input("labels.component").asText());
            assertTrue(t.dependsOn().stream().anyMatch(u -> u.endsWith("::api-pubsub")));
        }
        assertEquals("604800s", prod.get(TOPIC, "hw-prod-feed").input("messageRetentionDuration").asText());
    }

    @Test
    void dataflowSubscriptionDeadLettersAndBacksOff() {
        PlannedResource s = dev.get(SUB, "hw-dev-feed-dataflow");
        assertEquals("projects/headway-dev/topics/hw-dev-feed", s.input("topic").asText());
        assertEquals(60, s.input("ackDeadlineSeconds").asInt());
        assertEquals("86400s", s.input("messageRetentionDuration").asText());
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dead-letter", s.input("deadLetterPolicy.deadLetterTopic").asText());
        assertEquals(5, s.input("deadLetterPolicy.maxDeliveryAttempts").asInt());
        assertEquals("10s", s.input("retryPolicy.minimumBackoff").asText());
        assertEquals("300s", s.input("retryPolicy.maximumBackoff").asText());
        assertEquals("", s.input("expirationPolicy.ttl").asText("missing"), "never expires");
        assertFalse(s.input("retainAckedMessages").asBoolean(true));

        PlannedResource p = prod.get(SUB, "hw-prod-feed-dataflow");
        assertEquals(120, p.input("ackDeadlineSeconds").asInt());
        assertEquals(10, p.input("deadLetterPolicy.maxDeliveryAttempts").asInt());
        assertEquals("600s", p.input("retryPolicy.maximumBackoff").asText());
        // prod topics keep 7 days, the most a subscription may keep
        assertEquals("604800s", p.input("messageRetentionDuration").asText());
    }

    @Test
    void subscriptionRetentionIsCappedAtSevenDays() {
        Plan longRetention = Synth.stack("dev", java.util.Map.of("headway:pubsub",
                "{\"messageRetentionSeconds\": 1209600, \"ackDeadlineSeconds\": 60, \"maxDeliveryAttempts\": 5,"
                        + " \"minBackoffSeconds\": 10, \"maxBackoffSeconds\": 300}"));
        assertEquals("1209600s", longRetention.get(TOPIC, "hw-dev-feed").input("messageRetentionDuration").asText());
        assertEquals("604800s", longRetention.get(SUB, "hw-dev-feed-dataflow").input("messageRetentionDuration").asText());
    }

    @Test
    void deadLettersAreHeldInTheirOwnSubscription() {
        PlannedResource s = dev.get(SUB, "hw-dev-feed-dead-letter-sub");
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dead-letter", s.input("topic").asText());
        assertEquals("604800s", s.input("messageRetentionDuration").asText());
        assertTrue(s.input("deadLetterPolicy").isMissingNode());
        assertEquals("", s.input("expirationPolicy.ttl").asText("missing"));
    }

    @Test
    void pubsubServiceAgentMayDeadLetter() {
        PlannedResource agent = dev.get("gcp:projects/serviceIdentity:ServiceIdentity", "pubsub-service-agent");
        assertEquals("pubsub.googleapis.com", agent.input("service").asText());
        assertEquals("headway-dev", agent.input("project").asText());

        PlannedResource publish = dev.get(TOPIC_MEMBER, "hw-dev-feed-dead-letter-publish-pubsub-agent");
        assertEquals("roles/pubsub.publisher", publish.input("role").asText());
        assertEquals(AGENT, publish.input("member").asText());
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dead-letter", publish.input("topic").asText());
        assertTrue(publish.propertyDependencies().get("member").contains(agent.urn()), "granted after the agent exists");

        PlannedResource subscribe = dev.get(SUB_MEMBER, "hw-dev-feed-dataflow-subscribe-pubsub-agent");
        assertEquals("roles/pubsub.subscriber", subscribe.input("role").asText());
        assertEquals(AGENT, subscribe.input("member").asText());
        assertEquals("projects/headway-dev/subscriptions/hw-dev-feed-dataflow", subscribe.input("subscription").asText());
    }

    @Test
    void workloadsGetTopicAndSubscriptionScopedAccess() {
        PlannedResource publish = dev.get(TOPIC_MEMBER, "hw-dev-feed-publish-poller");
        assertEquals("roles/pubsub.publisher", publish.input("role").asText());
        assertEquals("projects/headway-dev/topics/hw-dev-feed", publish.input("topic").asText());
        assertEquals("serviceAccount:hw-dev-poller@headway-dev.iam.gserviceaccount.com", publish.input("member").asText());

        PlannedResource subscribe = dev.get(SUB_MEMBER, "hw-dev-feed-dataflow-subscribe-dataflow");
        assertEquals("roles/pubsub.subscriber", subscribe.input("role").asText());
        assertEquals("serviceAccount:hw-dev-dataflow@headway-dev.iam.gserviceaccount.com", subscribe.input("member").asText());
        // nobody else touches the feed
        assertEquals(2, dev.ofType(TOPIC_MEMBER).size());
        assertEquals(2, dev.ofType(SUB_MEMBER).size());
    }

    @Test
    void idsAreExported() {
        assertEquals("projects/headway-dev/topics/hw-dev-feed", dev.outputs().get("feedTopic").asText());
        assertEquals("projects/headway-dev/subscriptions/hw-dev-feed-dataflow", dev.outputs().get("feedSubscription").asText());
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dead-letter", dev.outputs().get("deadLetterTopic").asText());
    }
}
