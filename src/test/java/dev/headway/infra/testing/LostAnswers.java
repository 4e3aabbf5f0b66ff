package dev.headway.infra.testing;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client-side gRPC interceptor for faults a real network produces: the request reaches the server and is
 * carried out, but the answer is lost, so the client sees DEADLINE_EXCEEDED (and its retry policy may send
 * the request again). Also counts calls per method.
 */
public final class LostAnswers implements ClientInterceptor {
    private final Map<String, AtomicInteger> toLose = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> toRefuse = new ConcurrentHashMap<>();
    private final Map<String, Status.Code> refuseWith = new ConcurrentHashMap<>();
    private final Map<String, Object> localAnswers = new ConcurrentHashMap<>();

    /** Loses the answers of the first {@code n} calls of {@code fullMethod} (e.g. google.pubsub.v1.Publisher/Publish). */
    public LostAnswers lose(String fullMethod, int n) {
        toLose.put(fullMethod, new AtomicInteger(n));
        return this;
    }

    /**
     * Refuses the first {@code n} calls of {@code fullMethod} with {@code code} before they reach the server (the
     * request is lost on the way: nothing is carried out).
     */
    public LostAnswers refuse(String fullMethod, int n, Status.Code code) {
        toRefuse.put(fullMethod, new AtomicInteger(n));
        refuseWith.put(fullMethod, code);
        return this;
    }

    /** Answers every call of {@code fullMethod} at once with {@code message}, without the server (one with nothing new to say). */
    public LostAnswers answerLocally(String fullMethod, Object message) {
        localAnswers.put(fullMethod, message);
        return this;
    }

    public int calls(String fullMethod) {
        return calls.getOrDefault(fullMethod, new AtomicInteger()).get();
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        String name = method.getFullMethodName();
        calls.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        AtomicInteger refusals = toRefuse.get(name);
        if (refusals != null && refusals.getAndDecrement() > 0) {
            return local(Status.fromCode(refuseWith.get(name)).withDescription("refused (injected)"), null);
        }
        if (localAnswers.containsKey(name)) {
            return local(Status.OK, localAnswers.get(name));
        }
        ClientCall<Q, A> call = next.newCall(method, options);
        AtomicInteger left = toLose.get(name);
        if (left == null || left.getAndDecrement() <= 0) {
            return call;
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(listener) {
                    @Override
                    public void onMessage(A message) {
                        // the server answered; the answer never arrives
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        super.onClose(Status.DEADLINE_EXCEEDED.withDescription("answer lost (injected)"), trailers);
                    }
                }, headers);
            }
        };
    }

    /** A call that never reaches the server: it closes with {@code status}, after {@code message} when there is one. */
    private static <Q, A> ClientCall<Q, A> local(Status status, Object message) {
        return new ClientCall<>() {
            private Listener<A> listener;

            @Override
            public void start(Listener<A> l, Metadata headers) {
                listener = l;
            }

            @Override
            public void request(int n) {
            }

            @Override
            public void cancel(String message, Throwable cause) {
            }

            @Override
            @SuppressWarnings("unchecked")
            public void halfClose() {
                if (message != null) {
                    listener.onHeaders(new Metadata());
                    listener.onMessage((A) message);
                }
                listener.onClose(status, new Metadata());
            }

            @Override
            public void sendMessage(Q message) {
            }
        };
    }
}
