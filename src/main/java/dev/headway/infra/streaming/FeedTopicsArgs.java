package dev.headway.infra.streaming;

import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;

/** Inputs of {@link FeedTopics}: the common ones ({@link ComponentArgs}) and these. */
public final class FeedTopicsArgs extends ComponentArgs {
    /** Pub/Sub keeps unacknowledged messages of a subscription at most 7 days. */
    static final int MAX_SUBSCRIPTION_RETENTION_SECONDS = 7 * 86_400;

    final int messageRetentionSeconds;
    final int ackDeadlineSeconds;
    final int maxDeliveryAttempts;
    final int minBackoffSeconds;
    final int maxBackoffSeconds;
    final Resource pubsubApi;

    private FeedTopicsArgs(Builder b) {
        super(b);
        this.messageRetentionSeconds = b.messageRetentionSeconds;
        this.ackDeadlineSeconds = b.ackDeadlineSeconds;
        this.maxDeliveryAttempts = b.maxDeliveryAttempts;
        this.minBackoffSeconds = b.minBackoffSeconds;
        this.maxBackoffSeconds = b.maxBackoffSeconds;
        this.pubsubApi = required(b.pubsubApi, "pubsubApi");
    }

    /** A subscription keeps messages as long as the topic does, up to Pub/Sub's 7-day limit. */
    int subscriptionRetentionSeconds() {
        return Math.min(messageRetentionSeconds, MAX_SUBSCRIPTION_RETENTION_SECONDS);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** From {@code headway:pubsub}. */
    public static FeedTopicsArgs from(Settings s, Resource pubsubApi) {
        Settings.PubSub p = s.pubsub();
        return builder().settings(s, "streaming")
                .messageRetentionSeconds(p.messageRetentionSeconds()).ackDeadlineSeconds(p.ackDeadlineSeconds())
                .maxDeliveryAttempts(p.maxDeliveryAttempts())
                .backoffSeconds(p.minBackoffSeconds(), p.maxBackoffSeconds())
                .pubsubApi(pubsubApi).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private int messageRetentionSeconds = 7 * 86_400;
        private int ackDeadlineSeconds = 60;
        private int maxDeliveryAttempts = 10;
        private int minBackoffSeconds = 10;
        private int maxBackoffSeconds = 600;
        private Resource pubsubApi;

        /** How long the topics keep messages (replay window); default 7 days. */
        public Builder messageRetentionSeconds(int seconds) {
            this.messageRetentionSeconds = seconds;
            return this;
        }

        /** Ack deadline of the Dataflow subscription; default 60 s. */
        public Builder ackDeadlineSeconds(int seconds) {
            this.ackDeadlineSeconds = seconds;
            return this;
        }

        /** Deliveries before a message goes to the dead-letter topic (5-100); default 10. */
        public Builder maxDeliveryAttempts(int attempts) {
            this.maxDeliveryAttempts = attempts;
            return this;
        }

        /** Redelivery backoff bounds; default 10 s to 600 s. */
        public Builder backoffSeconds(int min, int max) {
            this.minBackoffSeconds = min;
            this.maxBackoffSeconds = max;
            return this;
        }

        /** The Pub/Sub API's enablement. Required. */
        public Builder pubsubApi(Resource api) {
            this.pubsubApi = api;
            return this;
        }

        public FeedTopicsArgs build() {
            return new FeedTopicsArgs(this);
        }
    }
}
