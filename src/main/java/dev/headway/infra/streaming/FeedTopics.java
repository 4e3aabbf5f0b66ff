package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionArgs;
import com.pulumi.gcp.pubsub.SubscriptionIAMMember;
import com.pulumi.gcp.pubsub.SubscriptionIAMMemberArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicArgs;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionDeadLetterPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionExpirationPolicyArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionRetryPolicyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.headway.infra.identity.Identity;

import java.util.Map;

/**
 * Pub/Sub for the feed: the feed topic the poller publishes to and the Dataflow subscription (ack
 * deadline, retry backoff, dead-lettering after N deliveries, never expires), with its
 * {@link DeadLetterTopic} (dead-letter topic, its holding subscription, and the Pub/Sub service
 * agent's grants). Workloads get access through {@link #grantPublish} and {@link #grantSubscribe}.
 */
public final class FeedTopics extends ComponentResource {
    static final String PUBLISHER = "roles/pubsub.publisher";
    static final String SUBSCRIBER = "roles/pubsub.subscriber";

    private final FeedTopicsArgs args;
    private final Topic feed;
    private final DeadLetterTopic deadLetter;
    private final Subscription dataflow;

    public FeedTopics(String name, FeedTopicsArgs args, ComponentResourceOptions opts) {
        super("headway:streaming:FeedTopics", name, opts);
        this.args = args;
        this.feed = topic(args, args.names.of("feed"), this);
        this.deadLetter = new DeadLetterTopic("feed-dead-letter", args,
                ComponentResourceOptions.builder().parent(this).build());

        String subName = args.names.of("feed-dataflow");
        this.dataflow = new Subscription(subName, SubscriptionArgs.builder()
                .project(args.project)
                .name(subName)
                .topic(feed.id())
                .labels(args.labels)
                .ackDeadlineSeconds(args.ackDeadlineSeconds)
                .messageRetentionDuration(args.subscriptionRetentionSeconds() + "s")
                .retainAckedMessages(false)
                .deadLetterPolicy(SubscriptionDeadLetterPolicyArgs.builder()
                        .deadLetterTopic(deadLetter.topicId())
                        .maxDeliveryAttempts(args.maxDeliveryAttempts)
                        .build())
                .retryPolicy(SubscriptionRetryPolicyArgs.builder()
                        .minimumBackoff(args.minBackoffSeconds + "s")
                        .maximumBackoff(args.maxBackoffSeconds + "s")
                        .build())
                .expirationPolicy(never())
                .build(), child());
        deadLetter.acceptFrom("feed-dataflow", dataflow);

        registerOutputs(Map.of(
                "feedTopic", feed.id(),
                "feedSubscription", dataflow.id(),
                "deadLetterTopic", deadLetter.topicId(),
                "deadLetterSubscription", deadLetter.subscriptionId()));
    }

    static Topic topic(FeedTopicsArgs args, String name, Resource parent) {
        return new Topic(name, TopicArgs.builder()
                .project(args.project)
                .name(name)
                .labels(args.labels)
                .messageRetentionDuration(args.messageRetentionSeconds + "s")
                .build(), CustomResourceOptions.builder().parent(parent).dependsOn(args.pubsubApi).build());
    }

    /** An empty ttl: the subscription never expires for inactivity. */
    static SubscriptionExpirationPolicyArgs never() {
        return SubscriptionExpirationPolicyArgs.builder().ttl("").build();
    }

    private CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** {@code identity} may publish to the feed topic, and nothing else on it. */
    public TopicIAMMember grantPublish(Identity identity) {
        return identity.recordGrant(new TopicIAMMember(
                args.names.of("feed-publish-" + identity.workload().purpose()), TopicIAMMemberArgs.builder()
                .project(args.project)
                .topic(feed.id())
                .role(PUBLISHER)
                .member(identity.member())
                .build(), child()));
    }

    /** {@code identity} may pull from and acknowledge on the Dataflow subscription. */
    public SubscriptionIAMMember grantSubscribe(Identity identity) {
        return identity.recordGrant(new SubscriptionIAMMember(
                args.names.of("feed-dataflow-subscribe-" + identity.workload().purpose()), SubscriptionIAMMemberArgs.builder()
                .project(args.project)
                .subscription(dataflow.id())
                .role(SUBSCRIBER)
                .member(identity.member())
                .build(), child()));
    }

    /** {@code projects/<project>/topics/<name>}. */
    public Output<String> topicId() {
        return feed.id();
    }

    /** {@code projects/<project>/subscriptions/<name>}. */
    public Output<String> subscriptionId() {
        return dataflow.id();
    }

    /** The Dataflow subscription's short name, as Cloud Monitoring labels it ({@code subscription_id}). */
    public Output<String> subscriptionName() {
        return dataflow.name();
    }

    public Output<String> deadLetterTopicId() {
        return deadLetter.topicId();
    }

    public Output<String> deadLetterSubscriptionId() {
        return deadLetter.subscriptionId();
    }

    /** The Dataflow subscription; a job reading it depends on it, so it drains before the subscription goes. */
    public Subscription subscription() {
        return dataflow;
    }
}
