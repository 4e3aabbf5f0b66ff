package dev.headway.infra.policy;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Pub/Sub subscriptions. */
final class PubSubPolicies {
    private PubSubPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-PS-001", Severity.MEDIUM, "subscriptions have a dead-letter policy (except those that read a dead-letter topic)",
                        "Google guidance: Pub/Sub dead-letter topics for undeliverable messages", (plan, f) -> {
                            Set<String> deadLetterTopics = deadLetterTopics(plan);
                            for (PlannedResource r : plan.ofType(Types.PUBSUB_SUBSCRIPTION)) {
                                if (Inputs.isAbsent(r.input("deadLetterPolicy.deadLetterTopic")) && !readsDeadLetters(r, deadLetterTopics)) {
                                    f.flag(r, "has no dead-letter policy: a poison message is redelivered until it expires",
                                            "set deadLetterPolicy (deadLetterTopic, maxDeliveryAttempts from headway:pubsub)");
                                }
                            }
                        }),
                Rule.of("HW-PS-002", Severity.LOW, "subscriptions retry with exponential backoff",
                        "Google guidance: Pub/Sub retry policy", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.PUBSUB_SUBSCRIPTION)) {
                                if (Inputs.isAbsent(r.input("retryPolicy"))) {
                                    f.flag(r, "redelivers immediately (no retryPolicy)",
                                            "set retryPolicy minimumBackoff / maximumBackoff from headway:pubsub");
                                }
                            }
                        }),
                Rule.of("HW-PS-003", Severity.MEDIUM, "subscriptions never expire when idle",
                        "Google guidance: subscription expiration (default: deleted after 31 idle days)", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.PUBSUB_SUBSCRIPTION)) {
                                var ttl = r.input("expirationPolicy.ttl");
                                if (!ttl.isTextual() || !ttl.textValue().isEmpty()) {
                                    f.flag(r, "expires after " + (ttl.isMissingNode() ? "31 idle days (the default)" : ttl.asText())
                                                    + ": a paused poller would lose the subscription",
                                            "set expirationPolicy(SubscriptionExpirationPolicyArgs.builder().ttl(\"\"))");
                                }
                            }
                        }));
    }

    /** URNs and ids of topics used as some subscription's dead-letter topic. */
    private static Set<String> deadLetterTopics(Plan plan) {
        Set<String> out = new HashSet<>();
        for (PlannedResource r : plan.ofType(Types.PUBSUB_SUBSCRIPTION)) {
            String topic = Inputs.text(r.input("deadLetterPolicy.deadLetterTopic"));
            if (topic != null) {
                out.add(shortTopic(topic));
            }
            out.addAll(r.propertyDependencies().getOrDefault("deadLetterPolicy", List.of()));
        }
        return out;
    }

    private static boolean readsDeadLetters(PlannedResource r, Set<String> deadLetterTopics) {
        String topic = Inputs.text(r.input("topic"));
        if (topic != null && deadLetterTopics.contains(shortTopic(topic))) {
            return true;
        }
        return r.propertyDependencies().getOrDefault("topic", List.of()).stream().anyMatch(deadLetterTopics::contains);
    }

    /** {@code projects/p/topics/t} and {@code t} both to {@code t}. */
    private static String shortTopic(String topic) {
        int i = topic.lastIndexOf("/topics/");
        return i < 0 ? topic : topic.substring(i + "/topics/".length());
    }
}
