package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.ServiceIdentity;
import com.pulumi.gcp.projects.ServiceIdentityArgs;
import com.pulumi.gcp.pubsub.Subscription;
import com.pulumi.gcp.pubsub.SubscriptionArgs;
import com.pulumi.gcp.pubsub.inputs.SubscriptionRetryPolicyArgs;
import com.pulumi.gcp.pubsub.SubscriptionIAMMember;
import com.pulumi.gcp.pubsub.SubscriptionIAMMemberArgs;
import com.pulumi.gcp.pubsub.Topic;
import com.pulumi.gcp.pubsub.TopicIAMMember;
import com.pulumi.gcp.pubsub.TopicIAMMemberArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The feed's dead-letter topic, a subscription that holds dead letters for inspection (7 days,
 * never expires), and the Pub/Sub service agent, made to exist ({@code ServiceIdentity}) before
 * it is granted what dead-lettering needs: publish here, and subscribe on each subscription that
 * dead-letters here ({@link #acceptFrom}). A child of {@link FeedTopics}, configured by its args.
 */
public final class DeadLetterTopic extends ComponentResource {
    private final FeedTopicsArgs args;
    private final Topic topic;
    private final Subscription hold;
    private final Output<String> agentMember;

    DeadLetterTopic(String name, FeedTopicsArgs args, ComponentResourceOptions opts) {
        super("headway:streaming:DeadLetterTopic", name, opts);
        this.args = args;
        this.topic = FeedTopics.topic(args, args.names.of("feed-dead-letter"), this);

        String holdName = args.names.of("feed-dead-letter-sub");
        this.hold = new Subscription(holdName, SubscriptionArgs.builder()
                .project(args.project)
                .name(holdName)
                .topic(topic.id())
                .labels(args.labels)
                .ackDeadlineSeconds(args.ackDeadlineSeconds)
                .messageRetentionDuration(FeedTopicsArgs.MAX_SUBSCRIPTION_RETENTION_SECONDS + "s")
                .retainAckedMessages(false)
                .retryPolicy(SubscriptionRetryPolicyArgs.builder()
                        .minimumBackoff(args.minBackoffSeconds + "s")
                        .maximumBackoff(args.maxBackoffSeconds + "s")
                        .build())
                .expirationPolicy(FeedTopics.never())
                .build(), CustomResourceOptions.builder().parent(this).build());

        ServiceIdentity agent = new ServiceIdentity("pubsub-service-agent", ServiceIdentityArgs.builder()
                .project(args.project)
                .service("pubsub.googleapis.com")
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.pubsubApi).build());
        this.agentMember = agent.email().applyValue(e -> "serviceAccount:" + e);
        new TopicIAMMember(args.names.of("feed-dead-letter-publish-pubsub-agent"), TopicIAMMemberArgs.builder()
                .project(args.project)
                .topic(topic.id())
                .role(FeedTopics.PUBLISHER)
                .member(agentMember)
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("topic", topic.id(), "subscription", hold.id()));
    }

    /** The Pub/Sub service agent may pull from {@code source} to forward its dead letters here. */
    SubscriptionIAMMember acceptFrom(String sourceName, Subscription source) {
        return new SubscriptionIAMMember(args.names.of(sourceName + "-subscribe-pubsub-agent"),
                SubscriptionIAMMemberArgs.builder()
                        .project(args.project)
                        .subscription(source.id())
                        .role(FeedTopics.SUBSCRIBER)
                        .member(agentMember)
                        .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Output<String> topicId() {
        return topic.id();
    }

    public Output<String> subscriptionId() {
        return hold.id();
    }
}
