package dev.headway.infra.launcher;

import com.google.common.collect.ImmutableMap;
import com.google.protobuf.Empty;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.internal.Urn;
import com.pulumi.test.Mocks;
import dev.headway.infra.synth.MockCloud;
import dev.headway.infra.synth.RecordingEngine.Registration;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.GetRootResourceRequest;
import pulumirpc.EngineOuterClass.GetRootResourceResponse;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;
import pulumirpc.EngineOuterClass.SetRootResourceRequest;
import pulumirpc.EngineOuterClass.SetRootResourceResponse;
import pulumirpc.Resource.RegisterPackageRequest;
import pulumirpc.Resource.RegisterPackageResponse;
import pulumirpc.Resource.RegisterResourceOutputsRequest;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;
import pulumirpc.Resource.ResourceInvokeRequest;
import pulumirpc.Resource.ResourceInvokeResponse;
import pulumirpc.Resource.SupportsFeatureRequest;
import pulumirpc.Resource.SupportsFeatureResponse;
import pulumirpc.ResourceMonitorGrpc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Pulumi engine's side of the wire for one program run: the {@code pulumirpc.ResourceMonitor}
 * and {@code pulumirpc.Engine} gRPC services (generated classes from the Pulumi SDK jar), each on
 * its own loopback port as the CLI serves them. It answers as the engine does during {@code up}:
 * RegisterResource gets a URN, an id and the inputs echoed with the outputs Google computes (the
 * same {@link MockCloud} synth uses), Invoke goes to the same cloud, SupportsFeature says yes to
 * what the engine supports; every registration, the stack outputs and every log line are recorded.
 *
 * <p>Two users: {@link ArchiveTraining}, so that the class data archive {@code mvn package} writes
 * holds what the program loads in the engine role (the SDK's gRPC clients, Netty, the protobuf
 * messages); and the engine-process test, which starts the packaged jar against it as
 * pulumi-language-java does.
 */
public final class EngineStandIn implements AutoCloseable {
    /**
     * What the engine answers true to (pulumi/pulumi {@code pkg/resource/deploy/source_eval.go},
     * {@code resmon.SupportsFeature}); anything else is false.
     */
    private static final Set<String> FEATURES = Set.of("secrets", "resourceReferences", "outputValues", "deletedWith",
            "aliasSpecs", "transforms", "invokeTransforms", "parameterization");

    private final String project;
    private final String stack;
    private final MockCloud cloud;
    private final Server monitor;
    private final Server engine;
    private final ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> logs = new ConcurrentLinkedQueue<>();
    private final AtomicReference<Struct> stackOutputs = new AtomicReference<>(Struct.getDefaultInstance());
    private final AtomicReference<String> rootResource = new AtomicReference<>("");
    private final AtomicLong lastRegistrationNanos = new AtomicLong();

    public EngineStandIn(String project, String stack, String gcpProject, String region) throws IOException {
        this.project = project;
        this.stack = stack;
        this.cloud = new MockCloud(gcpProject, region);
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        this.monitor = NettyServerBuilder.forAddress(loopback).addService(new Monitor()).build().start();
        this.engine = NettyServerBuilder.forAddress(loopback).addService(new Engine()).build().start();
    }

    public String project() {
        return project;
    }

    public String stack() {
        return stack;
    }

    /** {@code host:port}, as the CLI puts it in {@code RunRequest.monitor_address}. */
    public String monitorAddress() {
        return "127.0.0.1:" + monitor.getPort();
    }

    /** {@code host:port} of the engine service, the language host's first argument. */
    public String engineAddress() {
        return "127.0.0.1:" + engine.getPort();
    }

    /**
     * The {@code PULUMI_*} variables the language host gives the program for a run of {@code stack}
     * against this engine (pulumi/pulumi-java {@code pkg/cmd/pulumi-language-java/main.go},
     * {@code constructEnv}; each only when not empty): {@code config} is the stack's config as the
     * CLI sends it, a JSON object of {@code namespace:key} to string, {@code secretKeys} a JSON list.
     */
    public Map<String, String> environment(String organization, boolean dryRun, String config, String secretKeys) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PULUMI_MONITOR", monitorAddress());
        env.put("PULUMI_ENGINE", engineAddress());
        env.put("PULUMI_ORGANIZATION", organization);
        env.put("PULUMI_PROJECT", project);
        env.put("PULUMI_STACK", stack);
        env.put("PULUMI_DRY_RUN", String.valueOf(dryRun));
        env.put("PULUMI_CONFIG", config);
        env.put("PULUMI_CONFIG_SECRET_KEYS", secretKeys);
        env.values().removeIf(String::isEmpty);
        return env;
    }

    public List<Registration> registrations() {
        return List.copyOf(registrations);
    }

    public Struct stackOutputs() {
        return stackOutputs.get();
    }

    public List<String> logs() {
        return List.copyOf(logs);
    }

    /** {@link System#nanoTime()} when the last resource registration arrived, 0 if none. */
    public long lastRegistrationNanos() {
        return lastRegistrationNanos.get();
    }

    @Override
    public void close() throws InterruptedException {
        monitor.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        engine.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    private final class Monitor extends ResourceMonitorGrpc.ResourceMonitorImplBase {
        @Override
        public void supportsFeature(SupportsFeatureRequest request, StreamObserver<SupportsFeatureResponse> out) {
            reply(out, SupportsFeatureResponse.newBuilder().setHasSupport(FEATURES.contains(request.getId())).build());
        }

        @Override
        public void registerResource(RegisterResourceRequest request, StreamObserver<RegisterResourceResponse> out) {
            try {
                String urn = Urn.create(stack, project, Optional.of(request.getParent()), request.getType(), request.getName());
                RegisterResourceResponse.Builder response = RegisterResourceResponse.newBuilder().setUrn(urn);
                if (request.getCustom()) {
                    Map<String, Object> inputs = toJava(request.getObject());
                    Mocks.ResourceResult result = cloud.newResourceAsync(new Mocks.ResourceArgs(request.getType(), request.getName(),
                            inputs, request.getProvider(), request.getImportId())).join();
                    response.setId(result.id.orElse(request.getName())).setObject(toStruct((Map<?, ?>) result.state));
                } else {
                    response.setObject(Struct.getDefaultInstance());
                }
                registrations.add(new Registration(request, urn));
                lastRegistrationNanos.set(System.nanoTime());
                reply(out, response.build());
            } catch (RuntimeException e) {
                out.onError(Status.INTERNAL.withDescription(String.valueOf(e)).asRuntimeException());
            }
        }

        @Override
        public void registerResourceOutputs(RegisterResourceOutputsRequest request, StreamObserver<Empty> out) {
            if (request.getUrn().equals(rootResource.get()) || request.getUrn().contains("::pulumi:pulumi:Stack::")) {
                stackOutputs.set(request.getOutputs());
            }
            reply(out, Empty.getDefaultInstance());
        }

        @Override
        public void invoke(ResourceInvokeRequest request, StreamObserver<ResourceInvokeResponse> out) {
            Map<String, Object> args = new LinkedHashMap<>(toJava(request.getArgs()));
            args.values().removeIf(java.util.Objects::isNull);
            Map<String, Object> result = cloud.callAsync(new Mocks.CallArgs(request.getTok(), ImmutableMap.copyOf(args), request.getProvider())).join();
            reply(out, ResourceInvokeResponse.newBuilder().setReturn(toStruct(result)).build());
        }

        @Override
        public void registerPackage(RegisterPackageRequest request, StreamObserver<RegisterPackageResponse> out) {
            reply(out, RegisterPackageResponse.newBuilder().setRef(request.getName() + "-" + request.getVersion()).build());
        }

        @Override
        public void signalAndWaitForShutdown(Empty request, StreamObserver<Empty> out) {
            reply(out, Empty.getDefaultInstance());
        }
    }

    private final class Engine extends EngineGrpc.EngineImplBase {
        @Override
        public void log(LogRequest request, StreamObserver<Empty> out) {
            logs.add(request.getSeverity() + " " + request.getMessage());
            reply(out, Empty.getDefaultInstance());
        }

        @Override
        public void getRootResource(GetRootResourceRequest request, StreamObserver<GetRootResourceResponse> out) {
            reply(out, GetRootResourceResponse.newBuilder().setUrn(rootResource.get()).build());
        }

        @Override
        public void setRootResource(SetRootResourceRequest request, StreamObserver<SetRootResourceResponse> out) {
            rootResource.set(request.getUrn());
            reply(out, SetRootResourceResponse.getDefaultInstance());
        }
    }

    /** Log lines of severity ERROR the program sent. */
    public List<String> errors() {
        return logs.stream().filter(l -> l.startsWith(LogSeverity.ERROR.name())).toList();
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }

    /** Pulumi's wire values as plain Java values; special objects (secrets, references) stay maps, so they echo back unchanged. */
    static Map<String, Object> toJava(Struct struct) {
        Map<String, Object> out = new LinkedHashMap<>();
        struct.getFieldsMap().forEach((k, v) -> out.put(k, toJava(v)));
        return out;
    }

    private static Object toJava(Value v) {
        return switch (v.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> v.getBoolValue();
            case NUMBER_VALUE -> v.getNumberValue();
            case STRING_VALUE -> v.getStringValue();
            case LIST_VALUE -> {
                List<Object> list = new ArrayList<>();
                v.getListValue().getValuesList().forEach(item -> list.add(toJava(item)));
                yield list;
            }
            case STRUCT_VALUE -> toJava(v.getStructValue());
        };
    }

    static Struct toStruct(Map<?, ?> map) {
        Struct.Builder b = Struct.newBuilder();
        new HashMap<>(map).forEach((k, v) -> b.putFields(String.valueOf(k), toValue(v)));
        return b.build();
    }

    private static Value toValue(Object o) {
        if (o == null) {
            return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
        }
        if (o instanceof Boolean b) {
            return Value.newBuilder().setBoolValue(b).build();
        }
        if (o instanceof Number n) {
            return Value.newBuilder().setNumberValue(n.doubleValue()).build();
        }
        if (o instanceof Map<?, ?> m) {
            return Value.newBuilder().setStructValue(toStruct(m)).build();
        }
        if (o instanceof List<?> l) {
            ListValue.Builder lb = ListValue.newBuilder();
            l.forEach(item -> lb.addValues(toValue(item)));
            return Value.newBuilder().setListValue(lb).build();
        }
        return Value.newBuilder().setStringValue(String.valueOf(o)).build();
    }
}
