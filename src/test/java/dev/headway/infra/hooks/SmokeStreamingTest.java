package dev.headway.infra.hooks;

import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.ProjectName;
import com.google.pubsub.v1.Subscription;
import dev.headway.infra.testing.ChildCli;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.LostAnswers;
import dev.headway.infra.testing.PubSubEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** smoke-streaming against gcloud's real Pub/Sub emulator, reached through PUBSUB_EMULATOR_HOST. */
class SmokeStreamingTest {
    static PubSubEmulator emulator;
    static GoogleClients pubsub;
    static final String TOPIC = "projects/headway-dev/topics/hw-dev-feed";

    @BeforeAll
    static void start() throws Exception {
        emulator = PubSubEmulator.start();
        pubsub = GoogleClients.pubsub(Map.of("PUBSUB_EMULATOR_HOST", emulator.hostPort()), Duration.ofSeconds(20));
        try (TopicAdminClient topics = TopicAdminClient.create(TopicAdminSettings.newBuilder()
                .setTransportChannelProvider(pubsub.channel()).setCredentialsProvider(pubsub.credentials()).build())) {
            topics.createTopic(TOPIC);
        }
    }

    @AfterAll
    static void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private static StackOutputs outputs(String feedTopic) {
        return StackOutputs.parse("test", "{\"project\": \"headway-dev\", \"feedTopic\": \"" + feedTopic + "\"}");
    }

    private static List<String> subscriptions() throws Exception {
        try (SubscriptionAdminClient subs = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(pubsub.channel()).setCredentialsProvider(pubsub.credentials()).build())) {
            List<String> names = new ArrayList<>();
            for (Subscription s : subs.listSubscriptions(ProjectName.of("headway-dev")).iterateAll()) {
                names.add(s.getName());
            }
            return names;
        }
    }

    @Test
    void theMarkedMessageIsReadBackAndTheSubscriptionRemoved() throws Exception {
        HookResult r = new SmokeStreaming(Duration.ofSeconds(30), pubsub).run(outputs(TOPIC));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertTrue(r.reason().contains("read back through projects/headway-dev/subscriptions/hw-smoke-"), r.reason());
        assertEquals(List.of(), subscriptions());
    }

    @Test
    void aShortTopicIdIsResolvedInTheProject() {
        HookResult r = new SmokeStreaming(Duration.ofSeconds(30), pubsub).run(outputs("hw-dev-feed"));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
    }

    @Test
    void theSubscriptionIsRemovedWhenTheHookFails() throws Exception {
        HookResult r = new SmokeStreaming(Duration.ZERO, pubsub).run(outputs(TOPIC));
        assertEquals(HookResult.Status.FAIL, r.status(), r.reason());
        assertTrue(r.reason().contains("was not read back within 0s"), r.reason());
        assertEquals(List.of(), subscriptions());
    }

    @Test
    void theCliReachesTheEmulatorThroughPubsubEmulatorHost() throws Exception {
        Path outputs = CliRun.outputsFile("{\"project\": \"headway-dev\", \"feedTopic\": \"" + TOPIC + "\"}");
        CliRun run = ChildCli.run(Path.of("").toAbsolutePath(), Map.of("PUBSUB_EMULATOR_HOST", emulator.hostPort()),
                "hooks", "dev", "--only", "smoke-streaming", "--outputs", outputs.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("PASS smoke-streaming"), run.out());
        assertEquals(List.of(), subscriptions());
    }

    @Test
    void aMissingTopicFailsNamingIt() throws Exception {
        HookResult r = new SmokeStreaming(Duration.ofSeconds(30), pubsub).run(outputs("projects/headway-dev/topics/hw-dev-nope"));
        assertEquals(HookResult.Status.FAIL, r.status());
        assertEquals("feed topic projects/headway-dev/topics/hw-dev-nope does not exist", r.reason());
        assertEquals(List.of(), subscriptions());
    }

    // ---- lost answers (issue 15): the request is carried out, the answer never arrives --------------

    @Test
    void aLostCreateSubscriptionAnswerNeitherFailsNorLeaks() throws Exception {
        LostAnswers faults = new LostAnswers().lose("google.pubsub.v1.Subscriber/CreateSubscription", 1);
        HookResult r = new SmokeStreaming(Duration.ofSeconds(30), pubsub.intercepted(faults)).run(outputs(TOPIC));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertTrue(faults.calls("google.pubsub.v1.Subscriber/CreateSubscription") >= 2, "the create was retried");
        assertEquals(List.of(), subscriptions());
    }

    @Test
    void aLostPublishAnswerPutsOneSmokeMessageOnTheFeed() throws Exception {
        String consumer = "projects/headway-dev/subscriptions/feed-consumer-" + System.nanoTime();
        try (SubscriptionAdminClient subs = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                .setTransportChannelProvider(pubsub.channel()).setCredentialsProvider(pubsub.credentials()).build())) {
            subs.createSubscription(Subscription.newBuilder().setName(consumer).setTopic(TOPIC).setAckDeadlineSeconds(10).build());
            try {
                LostAnswers faults = new LostAnswers().lose("google.pubsub.v1.Publisher/Publish", 1);
                HookResult r = new SmokeStreaming(Duration.ofSeconds(30), pubsub.intercepted(faults)).run(outputs(TOPIC));
                assertEquals(HookResult.Status.PASS, r.status(), r.reason());
                int smoke = 0;
                for (int i = 0; i < 3; i++) {
                    var pulled = subs.pullCallable().call(com.google.pubsub.v1.PullRequest.newBuilder().setSubscription(consumer)
                            .setMaxMessages(100).setReturnImmediately(true).build());
                    for (var m : pulled.getReceivedMessagesList()) {
                        smoke += m.getMessage().containsAttributes(SmokeStreaming.MARKER) ? 1 : 0;
                        subs.acknowledge(consumer, List.of(m.getAckId()));
                    }
                }
                assertEquals(1, smoke, "what the feed's consumers saw");
                assertEquals(1, faults.calls("google.pubsub.v1.Publisher/Publish"), "a publish is never sent twice");
            } finally {
                subs.deleteSubscription(consumer);
            }
        }
    }

    @Test
    void emptyPullsBackOff() {
        // Real Pub/Sub answers a pull with nothing quickly; stand in for it so every pull is empty at once.
        LostAnswers faults = new LostAnswers().answerLocally("google.pubsub.v1.Subscriber/Pull",
                com.google.pubsub.v1.PullResponse.getDefaultInstance());
        GoogleClients emptyPulls = pubsub.intercepted(faults);
        // 5 s, so that creating the subscription on a loaded machine leaves room for several pulls; with the
        // backoff (100 ms doubling to 2 s) that is about 7 pulls, without it thousands
        HookResult r = new SmokeStreaming(Duration.ofSeconds(5), emptyPulls).run(outputs(TOPIC));
        assertEquals(HookResult.Status.FAIL, r.status(), r.reason());
        int pulls = faults.calls("google.pubsub.v1.Subscriber/Pull");
        // at most what the backoff allows: 100+200+400+800+1600+2000 ms of sleep fill 5 s. A loaded machine (or PIT's
        // instrumented JVM running every hooks test) can spend the whole 5 s reading the topic and creating the
        // subscription; with no pull made there is nothing to judge, and the test says so instead of passing
        org.junit.jupiter.api.Assumptions.assumeTrue(pulls >= 1, "no pull within 5 s: the machine was too slow to judge the backoff");
        assertTrue(pulls <= 14, "pulls in 5 s: " + pulls);
    }

    @Test
    void aPublishThatNeverArrivedFailsSayingTheAnswerWasLost() throws Exception {
        LostAnswers faults = new LostAnswers().refuse("google.pubsub.v1.Publisher/Publish", 1, io.grpc.Status.Code.DEADLINE_EXCEEDED);
        HookResult r = new SmokeStreaming(Duration.ofSeconds(2), pubsub.intercepted(faults)).run(outputs(TOPIC));
        assertEquals(HookResult.Status.FAIL, r.status(), r.reason());
        assertTrue(r.reason().startsWith("publish to " + TOPIC + " got no answer (DEADLINE_EXCEEDED: ")
                && r.reason().endsWith(" and the message not read back within 2s"), r.reason());
        assertEquals(1, faults.calls("google.pubsub.v1.Publisher/Publish"), "never retried");
        assertEquals(List.of(), subscriptions());
    }

    @Test
    void readingTheTopicIsRetriedWhenUnavailable() throws Exception {
        LostAnswers faults = new LostAnswers().refuse("google.pubsub.v1.Publisher/GetTopic", 1, io.grpc.Status.Code.UNAVAILABLE);
        HookResult r = new SmokeStreaming(Duration.ofSeconds(30), pubsub.intercepted(faults)).run(outputs(TOPIC));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertEquals(2, faults.calls("google.pubsub.v1.Publisher/GetTopic"));
    }

    @Test
    void feedMessagesReadAlongTheSmokeMessageAreCounted() throws Exception {
        // the live feed keeps publishing while the hook runs: two poller messages land just before the hook's own
        try (com.google.cloud.pubsub.v1.TopicAdminClient poller = com.google.cloud.pubsub.v1.TopicAdminClient.create(
                com.google.cloud.pubsub.v1.TopicAdminSettings.newBuilder().setTransportChannelProvider(pubsub.channel())
                        .setCredentialsProvider(pubsub.credentials()).build())) {
            GoogleClients withFeed = pubsub.intercepted(new io.grpc.ClientInterceptor() {
                @Override
                public <Q, A> io.grpc.ClientCall<Q, A> interceptCall(io.grpc.MethodDescriptor<Q, A> m, io.grpc.CallOptions o, io.grpc.Channel next) {
                    if (m.getFullMethodName().equals("google.pubsub.v1.Publisher/Publish")) {
                        poller.publish(TOPIC, List.of(feedMessage(1), feedMessage(2)));
                    }
                    return next.newCall(m, o);
                }
            });
            HookResult r = new SmokeStreaming(Duration.ofSeconds(30), withFeed).run(outputs(TOPIC));
            assertEquals(HookResult.Status.PASS, r.status(), r.reason());
            assertTrue(r.reason().endsWith(" (2 feed messages seen too)"), r.reason());
        }
        HookResult alone = new SmokeStreaming(Duration.ofSeconds(30), pubsub).run(outputs(TOPIC));
        assertEquals(HookResult.Status.PASS, alone.status(), alone.reason());
        assertTrue(!alone.reason().contains("seen too"), "no feed message, no count: " + alone.reason());
    }

    private static com.google.pubsub.v1.PubsubMessage feedMessage(int n) {
        return com.google.pubsub.v1.PubsubMessage.newBuilder()
                .setData(com.google.protobuf.ByteString.copyFromUtf8("{\"entity\": " + n + "}")).build();
    }

    @Test
    void theHookIsGivenItsBoundBeyondTheCallTimeoutAndNamesItselfAsItsResultsDo() {
        SmokeStreaming hook = new SmokeStreaming(Duration.ofSeconds(45), pubsub);
        assertEquals(Duration.ofSeconds(45), hook.extraTime());
        assertEquals(SmokeStreaming.NAME, hook.name());
        assertEquals(hook.name(), new SmokeStreaming(Duration.ofSeconds(30), pubsub).run(outputs(TOPIC)).hook());
    }

    /**
     * The admin calls retry UNAVAILABLE within the hooks' own total timeout (here 2 s), not the client library's
     * default: google-cloud-pubsub 1.156.0 retries GetTopic (ABORTED, UNKNOWN, UNAVAILABLE) and Acknowledge
     * (UNAVAILABLE) for 60 s in all ({@code TopicAdminSettings.newBuilder().getTopicSettings()},
     * {@code SubscriptionAdminSettings.newBuilder().acknowledgeSettings()}). An outage fails the hook in about --timeout.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"google.pubsub.v1.Publisher/GetTopic", "google.pubsub.v1.Subscriber/Acknowledge"})
    void anOutageEndsTheRetriesAtTheHooksTimeout(String method) {
        LostAnswers faults = new LostAnswers().refuse(method, 100_000, io.grpc.Status.Code.UNAVAILABLE);
        GoogleClients bounded = GoogleClients.pubsub(Map.of("PUBSUB_EMULATOR_HOST", emulator.hostPort()), Duration.ofSeconds(2)).intercepted(faults);
        long start = System.nanoTime();
        com.google.api.gax.rpc.ApiException e = org.junit.jupiter.api.Assertions.assertThrows(com.google.api.gax.rpc.ApiException.class,
                () -> new SmokeStreaming(Duration.ofSeconds(30), bounded).run(outputs(TOPIC)));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(com.google.api.gax.rpc.StatusCode.Code.UNAVAILABLE, e.getStatusCode().getCode());
        assertTrue(faults.calls(method) > 1, "retried: " + faults.calls(method));
        assertTrue(seconds < 20, "bounded by the 2 s total timeout, took " + seconds + " s");
    }
}
