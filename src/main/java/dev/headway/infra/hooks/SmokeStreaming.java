package dev.headway.infra.hooks;

import com.google.api.gax.grpc.GrpcCallContext;
import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.api.gax.rpc.DeadlineExceededException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.api.gax.rpc.UnavailableException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.protobuf.ByteString;
import com.google.pubsub.v1.ExpirationPolicy;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
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
            String cleanup = "";
            HookResult result;
            try {
                create(subs, subscription, topic);
                result = publishAndReadBack(topics, subs, topic, subscription, marker, start);
            } finally {
                // by name, whatever happened: a create whose answer was lost made it all the same
                try {
                    subs.deleteSubscription(subscription);
                } catch (NotFoundException e) {
                    // never made
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

    /**
     * Creates the temporary subscription. Its name is this run's own (a random marker), so ALREADY_EXISTS can
     * only mean an earlier attempt of this same create succeeded and its answer was lost: that is success.
     */
    private static void create(SubscriptionAdminClient subs, String subscription, String topic) {
        try {
            subs.createSubscription(Subscription.newBuilder().setName(subscription).setTopic(topic)
                    .setAckDeadlineSeconds(10)
                    .setMessageRetentionDuration(com.google.protobuf.Duration.newBuilder().setSeconds(600))
                    .setExpirationPolicy(ExpirationPolicy.newBuilder().setTtl(com.google.protobuf.Duration.newBuilder().setSeconds(86400)))
                    .putLabels("app", "headway").putLabels("managed-by", "headway-infra").putLabels("purpose", "smoke-test")
                    .build());
        } catch (AlreadyExistsException e) {
            // ours, from the attempt whose answer was lost
        }
    }

    /**
     * Publishes once, never retried: Pub/Sub has no idempotent publish, so a retry after a lost answer puts a second
     * smoke message on the live feed. A lost answer is not a failure yet: the message is looked for by its marker.
     */
    private HookResult publishAndReadBack(TopicAdminClient topics, SubscriptionAdminClient subs, String topic,
                                          String subscription, String marker, long start) {
        PubsubMessage message = PubsubMessage.newBuilder()
                .setData(ByteString.copyFrom("{\"smoke\":\"" + marker + "\"}", StandardCharsets.UTF_8))
                .putAttributes(MARKER, marker)
                .build();
        String id;
        String publishProblem = null;
        try {
            id = topics.publish(topic, List.of(message)).getMessageIds(0);
        } catch (DeadlineExceededException | UnavailableException e) {
            id = "(answer lost)";
            publishProblem = e.getStatusCode().getCode() + ": " + HookRunner.firstLine(e.getMessage());
        }
        long deadline = start + bound.toNanos();
        int others = 0;
        long backoffMs = 100;
        while (System.nanoTime() < deadline) {
            long remainingMs = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            List<ReceivedMessage> received = pull(subs, subscription, Math.min(remainingMs, 5_000));
            List<String> acks = new ArrayList<>();
            boolean found = false;
            for (ReceivedMessage m : received) {
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
            if (received.isEmpty()) {
                // nothing yet: wait before asking again (100 ms doubling to 2 s) instead of spinning on empty answers
                sleep(Math.min(backoffMs, Math.max(0, (deadline - System.nanoTime()) / 1_000_000)));
                backoffMs = Math.min(backoffMs * 2, 2_000);
            }
        }
        return HookResult.fail(NAME, (publishProblem != null ? "publish to " + topic + " got no answer (" + publishProblem + ") and the"
                + " message" : "message " + id + " published to " + topic + " was") + " not read back within "
                + bound.toSeconds() + "s", SubmitPipeline.since(start));
    }

    /** One pull bounded by {@code timeoutMs}; a pull that times out is an empty one. */
    private static List<ReceivedMessage> pull(SubscriptionAdminClient subs, String subscription, long timeoutMs) {
        try {
            PullResponse r = subs.pullCallable().call(PullRequest.newBuilder().setSubscription(subscription).setMaxMessages(10).build(),
                    GrpcCallContext.createDefault().withTimeoutDuration(Duration.ofMillis(timeoutMs)));
            return r.getReceivedMessagesList();
        } catch (DeadlineExceededException e) {
            return List.of();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    @Override
    public Duration extraTime() {
        return bound;
    }

    private TopicAdminSettings topicSettings() throws IOException {
        TopicAdminSettings.Builder b = TopicAdminSettings.newBuilder().setEndpoint(clients.endpoint())
                .setTransportChannelProvider(clients.channel()).setCredentialsProvider(clients.credentials());
        clients.retry(b.getTopicSettings());
        // publish: one attempt within the call timeout, no retry (see publishAndReadBack)
        b.publishSettings().setRetryableCodes().setRetrySettings(clients.retrySettings().toBuilder().setMaxAttempts(1).build());
        return b.build();
    }

    private SubscriptionAdminSettings subscriptionSettings() throws IOException {
        SubscriptionAdminSettings.Builder b = SubscriptionAdminSettings.newBuilder().setEndpoint(clients.endpoint())
                .setTransportChannelProvider(clients.channel()).setCredentialsProvider(clients.credentials());
        clients.retry(b.createSubscriptionSettings());
        clients.retry(b.deleteSubscriptionSettings());
        b.pullSettings().setRetryableCodes();
        clients.retry(b.acknowledgeSettings());
        return b.build();
    }
}
