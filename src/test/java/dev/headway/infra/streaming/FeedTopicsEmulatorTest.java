package dev.headway.infra.streaming;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.Duration;
import com.google.pubsub.v1.DeadLetterPolicy;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.RetryPolicy;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.PubSubEmulator;
import dev.headway.infra.testing.Synth;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real Pub/Sub implementation (gcloud's emulator) judges the topics and subscriptions the dev
 * plan declares: they are created in it exactly as declared, with Google's own admin clients, and
 * read back. A declaration Pub/Sub would reject (a bad duration, a dead-letter topic that does not
 * exist, attempts outside 5-100, backoff out of range) fails here.
 */
class FeedTopicsEmulatorTest {
    static final String TOPIC = "gcp:pubsub/topic:Topic";
    static final String SUB = "gcp:pubsub/subscription:Subscription";

    static PubSubEmulator emulator;
    static ManagedChannel channel;
    static TopicAdminClient topics;
    static SubscriptionAdminClient subscriptions;
    static Plan plan;

    @BeforeAll
    static void start() throws Exception {
        plan = Synth.stack("dev");
        emulator = PubSubEmulator.start();
        channel = ManagedChannelBuilder.forTarget(emulator.hostPort()).usePlaintext().build();
        TransportChannelProvider transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
        topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
        subscriptions = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        if (topics != null) {
            topics.close();
        }
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (channel != null) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void declaredTopicsAndSubscriptionsAreAcceptedAndKeptAsDeclared() {
        assertEquals(2, plan.ofType(TOPIC).size());
        assertEquals(2, plan.ofType(SUB).size());
        for (PlannedResource t : plan.ofType(TOPIC)) {
            topics.createTopic(topic(t));
        }
        for (PlannedResource s : plan.ofType(SUB)) {
            subscriptions.createSubscription(subscription(s));
        }

        for (PlannedResource declared : plan.ofType(TOPIC)) {
            Topic got = topics.getTopic(topicName(declared));
            assertEquals(topicName(declared), got.getName());
            assertEquals(labels(declared), got.getLabelsMap());
            assertTrue(got.hasMessageRetentionDuration(), "topic retention kept");
            assertEquals(seconds(declared.input("messageRetentionDuration")), got.getMessageRetentionDuration().getSeconds());
        }

        PlannedResource declared = plan.get(SUB, "hw-dev-feed-dataflow");
        Subscription got = subscriptions.getSubscription(subscriptionName(declared));
        assertEquals("projects/headway-dev/subscriptions/hw-dev-feed-dataflow", got.getName());
        assertEquals("projects/headway-dev/topics/hw-dev-feed", got.getTopic());
        assertEquals(declared.input("ackDeadlineSeconds").asInt(), got.getAckDeadlineSeconds());
        assertEquals(seconds(declared.input("messageRetentionDuration")), got.getMessageRetentionDuration().getSeconds());
        assertTrue(got.hasDeadLetterPolicy(), "dead-letter policy kept");
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dead-letter", got.getDeadLetterPolicy().getDeadLetterTopic());
        assertEquals(5, got.getDeadLetterPolicy().getMaxDeliveryAttempts());
        assertTrue(got.hasRetryPolicy(), "retry policy kept");
        assertEquals(10, got.getRetryPolicy().getMinimumBackoff().getSeconds());
        assertEquals(300, got.getRetryPolicy().getMaximumBackoff().getSeconds());
        // an expiration policy without a ttl: the subscription never expires for inactivity
        assertTrue(got.hasExpirationPolicy());
        assertFalse(got.getExpirationPolicy().hasTtl(), "never expires");
        assertEquals(labels(declared), got.getLabelsMap());

        Subscription hold = subscriptions.getSubscription(subscriptionName(plan.get(SUB, "hw-dev-feed-dead-letter-sub")));
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dead-letter", hold.getTopic());
        assertFalse(hold.hasDeadLetterPolicy());
        assertEquals(7 * 86_400, hold.getMessageRetentionDuration().getSeconds());
    }

    @Test
    void pubsubRejectsADeadLetterPolicyOutsideItsLimits() {
        String topic = "projects/headway-dev/topics/probe-limits";
        topics.createTopic(Topic.newBuilder().setName(topic).build());
        Subscription tooFew = Subscription.newBuilder()
                .setName("projects/headway-dev/subscriptions/probe-limits")
                .setTopic(topic)
                .setDeadLetterPolicy(DeadLetterPolicy.newBuilder().setDeadLetterTopic(topic).setMaxDeliveryAttempts(4))
                .build();
        assertThrows(com.google.api.gax.rpc.OutOfRangeException.class, () -> subscriptions.createSubscription(tooFew),
                "the emulator judges dead-letter policies, so the declared one passing means something");
    }

    private static Topic topic(PlannedResource t) {
        return Topic.newBuilder()
                .setName(topicName(t))
                .putAllLabels(labels(t))
                .setMessageRetentionDuration(duration(t.input("messageRetentionDuration")))
                .build();
    }

    private static Subscription subscription(PlannedResource s) {
        Subscription.Builder b = Subscription.newBuilder()
                .setName(subscriptionName(s))
                .setTopic(s.input("topic").asText())
                .putAllLabels(labels(s))
                .setAckDeadlineSeconds(s.input("ackDeadlineSeconds").asInt())
                .setMessageRetentionDuration(duration(s.input("messageRetentionDuration")))
                .setRetainAckedMessages(s.input("retainAckedMessages").asBoolean());
        JsonNode ttl = s.input("expirationPolicy.ttl");
        b.setExpirationPolicy(ttl.asText().isEmpty()
                ? ExpirationPolicy.getDefaultInstance()
                : ExpirationPolicy.newBuilder().setTtl(duration(ttl)).build());
        if (!s.input("deadLetterPolicy").isMissingNode()) {
            b.setDeadLetterPolicy(DeadLetterPolicy.newBuilder()
                    .setDeadLetterTopic(s.input("deadLetterPolicy.deadLetterTopic").asText())
                    .setMaxDeliveryAttempts(s.input("deadLetterPolicy.maxDeliveryAttempts").asInt()));
        }
        if (!s.input("retryPolicy").isMissingNode()) {
            b.setRetryPolicy(RetryPolicy.newBuilder()
                    .setMinimumBackoff(duration(s.input("retryPolicy.minimumBackoff")))
                    .setMaximumBackoff(duration(s.input("retryPolicy.maximumBackoff"))));
        }
        return b.build();
    }

    private static String topicName(PlannedResource t) {
        return "projects/" + t.input("project").asText() + "/topics/" + t.input("name").asText();
    }

    private static String subscriptionName(PlannedResource s) {
        return "projects/" + s.input("project").asText() + "/subscriptions/" + s.input("name").asText();
    }

    private static Map<String, String> labels(PlannedResource r) {
        Map<String, String> labels = new TreeMap<>();
        r.input("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** Pulumi's duration strings are seconds with an {@code s} suffix, as Google's JSON mapping writes them. */
    private static long seconds(JsonNode text) {
        String s = text.asText();
        if (!s.matches("\\d+s")) {
            throw new AssertionError("not a duration in seconds: " + s);
        }
        return Long.parseLong(s.substring(0, s.length() - 1));
    }

    private static Duration duration(JsonNode text) {
        return Duration.newBuilder().setSeconds(seconds(text)).build();
    }
}
