package dev.headway.infra.hooks;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Message;
import com.google.pubsub.v1.AcknowledgeRequest;
import com.google.pubsub.v1.DeleteSubscriptionRequest;
import com.google.pubsub.v1.GetTopicRequest;
import com.google.pubsub.v1.PublishRequest;
import com.google.pubsub.v1.PublishResponse;
import com.google.pubsub.v1.PubsubMessage;
import com.google.pubsub.v1.PullRequest;
import com.google.pubsub.v1.PullResponse;
import com.google.pubsub.v1.ReceivedMessage;
import com.google.pubsub.v1.Subscription;
import com.google.pubsub.v1.Topic;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * smoke-streaming passes only on its own message. The emulator always delivers what was published, so this
 * case needs a Pub/Sub that loses the hook's message while the topic carries others (a concurrent smoke run's
 * marked message, feed traffic): an in-process server under the real service and method names
 * (google.pubsub.v1.Publisher, google.pubsub.v1.Subscriber) for the real google-cloud-pubsub client.
 */
class SmokeStreamingOwnMessageTest {
    private Server server;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        PubsubMessage otherRun = PubsubMessage.newBuilder().setMessageId("41")
                .setData(ByteString.copyFromUtf8("{\"smoke\":\"another run\"}"))
                .putAttributes(SmokeStreaming.MARKER, "a-marker-of-another-smoke-run").build();
        PubsubMessage feed = PubsubMessage.newBuilder().setMessageId("42").setData(ByteString.copyFromUtf8("gtfs-rt bytes")).build();
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(service("google.pubsub.v1.Publisher",
                        method("GetTopic", GetTopicRequest.getDefaultInstance(), Topic.getDefaultInstance(),
                                r -> Topic.newBuilder().setName(r.getTopic()).build()),
                        // accepted and lost: the subscription never sees the hook's own message
                        method("Publish", PublishRequest.getDefaultInstance(), PublishResponse.getDefaultInstance(),
                                r -> PublishResponse.newBuilder().addMessageIds("43").build())))
                .addService(service("google.pubsub.v1.Subscriber",
                        method("CreateSubscription", Subscription.getDefaultInstance(), Subscription.getDefaultInstance(), r -> r),
                        method("Pull", PullRequest.getDefaultInstance(), PullResponse.getDefaultInstance(),
                                r -> PullResponse.newBuilder()
                                        .addReceivedMessages(ReceivedMessage.newBuilder().setAckId("a1").setMessage(otherRun))
                                        .addReceivedMessages(ReceivedMessage.newBuilder().setAckId("a2").setMessage(feed)).build()),
                        method("Acknowledge", AcknowledgeRequest.getDefaultInstance(), Empty.getDefaultInstance(), r -> Empty.getDefaultInstance()),
                        method("DeleteSubscription", DeleteSubscriptionRequest.getDefaultInstance(), Empty.getDefaultInstance(),
                                r -> Empty.getDefaultInstance())))
                .build().start();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void messagesThatAreNotItsOwnDoNotPassTheHook() {
        GoogleClients clients = GoogleClients.forEndpoint("127.0.0.1:" + server.getPort(), Duration.ofSeconds(10));
        HookResult r = new SmokeStreaming(Duration.ofSeconds(8), clients)
                .run(StackOutputs.parse("test", "{\"project\": \"headway-dev\", \"feedTopic\": \"hw-dev-feed\"}"));
        assertEquals(HookResult.Status.FAIL, r.status(), r.reason());
        assertTrue(r.reason().contains("was not read back within 8s"), r.reason());
        assertTrue(calls.contains("Pull") && calls.contains("Acknowledge") && calls.contains("DeleteSubscription"), calls.toString());
    }

    private static ServerServiceDefinition service(String name, Method... methods) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(name);
        for (Method m : methods) {
            m.add.accept(b, name);
        }
        return b.build();
    }

    private record Method(java.util.function.BiConsumer<ServerServiceDefinition.Builder, String> add) {
    }

    private <Q extends Message, R extends Message> Method method(String name, Q request, R response, Function<Q, R> handler) {
        return new Method((b, service) -> b.addMethod(MethodDescriptor.<Q, R>newBuilder()
                        .setType(MethodDescriptor.MethodType.UNARY)
                        .setFullMethodName(MethodDescriptor.generateFullMethodName(service, name))
                        .setRequestMarshaller(ProtoUtils.marshaller(request))
                        .setResponseMarshaller(ProtoUtils.marshaller(response)).build(),
                ServerCalls.asyncUnaryCall((Q req, io.grpc.stub.StreamObserver<R> obs) -> {
                    calls.add(name);
                    obs.onNext(handler.apply(req));
                    obs.onCompleted();
                })));
    }
}
