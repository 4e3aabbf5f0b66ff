package dev.headway.infra.hooks;

import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import dev.headway.infra.UserError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code smoke-streaming}: publishes a marked synthetic message to {@code feedTopic} and reads it back through
 * a temporary subscription that the hook creates and always deletes (failure included), within a time bound.
 * The temporary subscription also expires by itself after a day, should its deletion fail.
 */
public final class SmokeStreaming implements Hook {
    public static final String NAME = "smoke-streaming";
    /** The attribute that marks the synthetic message; the feed's consumers can drop messages that carry it. */
    public static final String MARKER = "headway-smoke";

    private final Duration bound;
    private final GoogleClients clients;

    /** @param clients Pub/Sub connection, usually {@link GoogleClients#pubsub} */
    public SmokeStreaming(Duration bound, GoogleClients clients) {
        this.bound = bound;
        this.clients = clients;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredOutputs() {
        return Set.of("project", "feedTopic");
    }

    @Override
    public HookResult run(StackOutputs outputs) {
        long start = System.nanoTime();
        String project = outputs.text("project");
        String feed = outputs.text("feedTopic");
        String topic = feed.startsWith("projects/") ? feed : "projects/" + project + "/topics/" + feed;
        String marker = UUID.randomUUID().toString();
        String subscription = "projects/" + project + "/subscriptions/hw-smoke-" + marker.substring(0, 8);
        try (TopicAdminClient topics = TopicAdminClient.create(topicSettings());
             SubscriptionAdminClient subs = SubscriptionAdminClient.create(subscriptionSettings())) {
            try {
                topics.getTopic(topic);
            } catch (NotFoundException e) {
                return HookResult.fail(NAME, "feed topic " + topic + " does not exist", SubmitPipeline.since(start));
            }
            subs.createSubscription(Subscription.newBuilder().setName(subscription).setTopic(topic)
                    .setAckDeadlineSeconds(10)
                    .setMessageRetentionDuration(com.google.protobuf.Duration.newBuilder().setSeconds(600))
                    .setExpirationPolicy(ExpirationPolicy.newBuilder().setTtl(com.google.protobuf.Duration.newBuilder().setSeconds(86400)))
                    .putLabels("app", "headway").putLabels("managed-by", "headway-infra").putLabels("purpose", "smoke-test")
                    .build());
            String cleanup = "";
            HookResult result;
            try {
                result = publishAndReadBack(topics, subs, topic, subscription, marker, start);
            } finally {
                try {
                    subs.deleteSubscription(subscription);
                } catch (RuntimeException e) {
                    cleanup = "; could not delete " + subscription + " (" + HookRunner.firstLine(e.getMessage())
                            + "), it expires in 24h";
                }
            }
            return new HookResult(NAME, result.status(), result.reason() + cleanup, SubmitPipeline.since(start));
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "cannot create the Pub/Sub clients for " + clients.endpoint() + ": " + e.getMessage());
        }
    }

    private HookResult publishAndReadBack(TopicAdminClient topics, SubscriptionAdminClient subs, String topic,
                                          String subscription, String marker, long start) {
        PubsubMessage message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom("{\"smoke\":\"" + marker + "\"}", StandardCharsets.UTF_8))
                .putAttributes(MARKER, marker)
                .build();
        String id = topics.publish(topic, List.of(message)).getMessageIds(0);
        long deadline = start + bound.toNanos();
        int others = 0;
        while (System.nanoTime() < deadline) {
            PullResponse pulled = subs.pull(subscription, 10);
            List<String> acks = new ArrayList<>();
            boolean found = false;
            for (ReceivedMessage m : pulled.getReceivedMessagesList()) {
                acks.add(m.getAckId());
                if (marker.equals(m.getMessage().getAttributesOrDefault(MARKER, ""))) {
                    found = true;
                } else {
                    others++;
                }
            }
            if (!acks.isEmpty()) {
                subs.acknowledge(subscription, acks);
            }
            if (found) {
                return HookResult.pass(NAME, "message " + id + " published to " + topic + " and read back through "
                        + subscription + (others > 0 ? " (" + others + " feed messages seen too)" : ""), SubmitPipeline.since(start));
            }
        }
        return HookResult.fail(NAME, "message " + id + " published to " + topic + " was not read back within "
                + bound.toSeconds() + "s", SubmitPipeline.since(start));
    }

    private TopicAdminSettings topicSettings() throws IOException {
        TopicAdminSettings.Builder b = TopicAdminSettings.newBuilder().setEndpoint(clients.endpoint())
                .setTransportChannelProvider(clients.channel()).setCredentialsProvider(clients.credentials());
        clients.retry(b.getTopicSettings());
        clients.retry(b.publishSettings());
        return b.build();
    }

    private SubscriptionAdminSettings subscriptionSettings() throws IOException {
        SubscriptionAdminSettings.Builder b = SubscriptionAdminSettings.newBuilder().setEndpoint(clients.endpoint())
                .setTransportChannelProvider(clients.channel()).setCredentialsProvider(clients.credentials());
        clients.retry(b.createSubscriptionSettings());
        clients.retry(b.deleteSubscriptionSettings());
        clients.retry(b.pullSettings());
        clients.retry(b.acknowledgeSettings());
        return b.build();
    }
}
