package dev.headway.infra.adopt;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.ProjectName;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import dev.headway.infra.UserError;
import dev.headway.infra.hooks.GoogleClients;
import dev.headway.infra.synth.Types;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Topics and subscriptions of the project, with Google's own Pub/Sub admin clients ({@code ListTopics},
 * {@code ListSubscriptions}): {@code PUBSUB_EMULATOR_HOST} when set, else pubsub.googleapis.com with
 * Application Default Credentials (needs {@code pubsub.topics.list}, {@code pubsub.subscriptions.list}:
 * {@code roles/pubsub.viewer}). Each call retries transient errors within the clients' total timeout.
 */
public final class PubSubDiscovery implements Discovery {
    private final String project;
    private final GoogleClients clients;
    private Map<String, String> topics;
    private Map<String, String> subscriptions;

    public PubSubDiscovery(String project, GoogleClients clients) {
        this.project = project;
        this.clients = clients;
    }

    @Override
    public Set<String> types() {
        return Set.of(Types.PUBSUB_TOPIC, Types.PUBSUB_SUBSCRIPTION);
    }

    @Override
    public Optional<Map<String, String>> list(String type) {
        try {
            if (type.equals(Types.PUBSUB_TOPIC)) {
                if (topics == null) {
                    topics = listTopics();
                }
                return Optional.of(topics);
            }
            if (type.equals(Types.PUBSUB_SUBSCRIPTION)) {
                if (subscriptions == null) {
                    subscriptions = listSubscriptions();
                }
                return Optional.of(subscriptions);
            }
            return Optional.empty();
        } catch (ApiException e) {
            throw new UserError(UserError.ENVIRONMENT, "pubsub: cannot list " + (type.equals(Types.PUBSUB_TOPIC) ? "topics" : "subscriptions")
                    + " of project " + project + " at " + clients.endpoint() + ": " + e.getStatusCode().getCode()
                    + " (needs roles/pubsub.viewer; PUBSUB_EMULATOR_HOST selects an emulator)");
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "pubsub: cannot start the client: " + e.getMessage()
                    + " (run gcloud auth application-default login)");
        }
    }

    private Map<String, String> listTopics() throws IOException {
        TopicAdminSettings.Builder b = TopicAdminSettings.newBuilder().setEndpoint(clients.endpoint())
                .setTransportChannelProvider(clients.channel()).setCredentialsProvider(clients.credentials());
        clients.retry(b.listTopicsSettings());
        try (TopicAdminClient client = TopicAdminClient.create(b.build())) {
            return shortNames(client.listTopics(ProjectName.of(project)).iterateAll(), Topic::getName);
        }
    }

    private Map<String, String> listSubscriptions() throws IOException {
        SubscriptionAdminSettings.Builder b = SubscriptionAdminSettings.newBuilder().setEndpoint(clients.endpoint())
                .setTransportChannelProvider(clients.channel()).setCredentialsProvider(clients.credentials());
        clients.retry(b.listSubscriptionsSettings());
        try (SubscriptionAdminClient client = SubscriptionAdminClient.create(b.build())) {
            return shortNames(client.listSubscriptions(ProjectName.of(project)).iterateAll(), Subscription::getName);
        }
    }

    /** {@code projects/p/topics/t} to {@code t}: the name is the id. */
    private static <T> Map<String, String> shortNames(Iterable<T> items, Function<T, String> name) {
        Map<String, String> out = new TreeMap<>();
        for (T item : items) {
            String full = name.apply(item);
            String shortName = full.substring(full.lastIndexOf('/') + 1);
            out.put(shortName, shortName);
        }
        return out;
    }
}
