package dev.headway.infra.testing;

import com.google.cloud.aiplatform.v1.Artifact;
import com.google.cloud.aiplatform.v1.CreateArtifactRequest;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.GetArtifactRequest;
import com.google.cloud.aiplatform.v1.GetEndpointRequest;
import com.google.cloud.aiplatform.v1.GetPipelineJobRequest;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.PipelineState;
import com.google.cloud.aiplatform.v1.PredictRequest;
import com.google.cloud.aiplatform.v1.PredictResponse;
import com.google.cloud.aiplatform.v1.UndeployModelOperationMetadata;
import com.google.cloud.aiplatform.v1.UndeployModelRequest;
import com.google.cloud.aiplatform.v1.UndeployModelResponse;
import com.google.cloud.aiplatform.v1.UpdateEndpointRequest;
import com.google.longrunning.Operation;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.protobuf.Value;
import com.google.protobuf.util.FieldMaskUtil;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.stub.ServerCalls;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * In-process Vertex AI on 127.0.0.1 for the real {@code google-cloud-aiplatform} client: PipelineService
 * (CreatePipelineJob, GetPipelineJob), EndpointService (GetEndpoint, UpdateEndpoint with an update mask),
 * MetadataService (CreateArtifact, GetArtifact) and PredictionService (Predict), each
 * registered under its real gRPC service and method names with protobuf marshallers. Faults are injected per
 * method ({@link #failNext}); every call is counted. The grpc stub jar with the generated ImplBase classes
 * (grpc-google-cloud-aiplatform-v1) is not on Maven Central as reached here, so the service definitions are
 * built from the message types directly — the wire protocol is the same.
 */
public final class FakeVertex implements AutoCloseable {
    /** What an injected fault does: fail before acting, or act and then fail (a lost response). */
    public enum When { BEFORE, AFTER }

    private record Fault(Status.Code code, When when) {
    }

    private final Server server;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    /**
     * What UpdateEndpoint stores and answers, given the merged endpoint; default as asked. A fault hook for a server
     * that answers something other than what was asked (a field it ignores or rounds).
     */
    public volatile java.util.function.UnaryOperator<Endpoint> updateAnswer = e -> e;
    /** Pipeline jobs by full name, in creation order. */
    public final Map<String, PipelineJob> jobs = Collections.synchronizedMap(new LinkedHashMap<>());
    /**
     * Endpoints by full name: the fake answers GetEndpoint with these and NOT_FOUND for others; UpdateEndpoint
     * replaces the fields its mask names (INVALID_ARGUMENT for an empty or unknown mask, as Vertex does).
     */
    public final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();
    /**
     * ML Metadata artifacts by full name ({@code projects/P/locations/L/metadataStores/default/artifacts/ID}).
     * CreateArtifact answers ALREADY_EXISTS for a taken id and INVALID_ARGUMENT for an id Vertex would refuse;
     * CreatePipelineJob answers NOT_FOUND when an input artifact id is not in the job's default store.
     */
    public final Map<String, Artifact> artifacts = Collections.synchronizedMap(new LinkedHashMap<>());
    /** Every CreateArtifact request received, faulted ones included, in order. */
    public final List<CreateArtifactRequest> createArtifactRequests = Collections.synchronizedList(new ArrayList<>());
    /** States that successive GetPipelineJob calls report for a job, after it was created QUEUED. */
    public final Deque<PipelineState> stateScript = new ArrayDeque<>();
    /** The {@code error} a job carries once the script moves it to FAILED, as Vertex sets it (google.rpc.Status). */
    public volatile com.google.rpc.Status failure = com.google.rpc.Status.getDefaultInstance();
    /** How Predict answers; default: one prediction per instance. */
    public volatile Function<PredictRequest, PredictResponse> predictor = req -> {
        PredictResponse.Builder b = PredictResponse.newBuilder().setDeployedModelId("1234");
        req.getInstancesList().forEach(i -> b.addPredictions(Value.newBuilder().setNumberValue(301.5)));
        return b.build();
    };
    public final List<PredictRequest> predictRequests = Collections.synchronizedList(new ArrayList<>());
    /** Every UpdateEndpoint request received, faulted ones included, in order. */
    public final List<UpdateEndpointRequest> updateRequests = Collections.synchronizedList(new ArrayList<>());
    /** Every UndeployModelRequest received, in order. */
    public final List<UndeployModelRequest> undeployRequests = Collections.synchronizedList(new ArrayList<>());

    private FakeVertex() throws IOException {
        server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(service("google.cloud.aiplatform.v1.PipelineService",
                        unary("CreatePipelineJob", CreatePipelineJobRequest.getDefaultInstance(), PipelineJob.getDefaultInstance(), this::create),
                        unary("GetPipelineJob", GetPipelineJobRequest.getDefaultInstance(), PipelineJob.getDefaultInstance(), this::getJob)))
                .addService(service("google.cloud.aiplatform.v1.EndpointService",
                        unary("GetEndpoint", GetEndpointRequest.getDefaultInstance(), Endpoint.getDefaultInstance(), this::getEndpoint),
                        unary("UpdateEndpoint", UpdateEndpointRequest.getDefaultInstance(), Endpoint.getDefaultInstance(), this::updateEndpoint),
                        unary("UndeployModel", UndeployModelRequest.getDefaultInstance(), Operation.getDefaultInstance(), this::undeployModel)))
                .addService(service("google.cloud.aiplatform.v1.MetadataService",
                        unary("CreateArtifact", CreateArtifactRequest.getDefaultInstance(), Artifact.getDefaultInstance(), this::createArtifact),
                        unary("GetArtifact", GetArtifactRequest.getDefaultInstance(), Artifact.getDefaultInstance(), this::getArtifact)))
                .addService(service("google.cloud.aiplatform.v1.PredictionService",
                        unary("Predict", PredictRequest.getDefaultInstance(), PredictResponse.getDefaultInstance(), this::predict)))
                .addTransportFilter(new io.grpc.ServerTransportFilter() {
                    @Override
                    public io.grpc.Attributes transportReady(io.grpc.Attributes attributes) {
                        connections.incrementAndGet();
                        return attributes;
                    }

                    @Override
                    public void transportTerminated(io.grpc.Attributes attributes) {
                        connections.decrementAndGet();
                    }
                })
                .build()
                .start();
    }

    public static FakeVertex start() throws IOException {
        return new FakeVertex();
    }

    /** {@code 127.0.0.1:<port>}, as {@code --vertex-endpoint} takes it. */
    public String hostPort() {
        return "127.0.0.1:" + server.getPort();
    }

    /**
     * Whether every client connection has been closed within {@code within}: a client that is not closed keeps
     * its channel (and the connection) open until the process ends.
     */
    public boolean connectionsClosed(java.time.Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (connections.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return connections.get() == 0;
    }

    /** The next call of {@code method} is answered as usual: queued before {@link #failNext}, it puts the fault on a later call. */
    public FakeVertex passNext(String method) {
        faults.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(new Fault(null, null));
        return this;
    }

    /** Calls received by a method (such as "CreatePipelineJob"), faults included. */
    public int calls(String method) {
        return calls.computeIfAbsent(method, m -> new AtomicInteger()).get();
    }

    /** The next call of {@code method} fails with {@code code}, before or after acting. */
    public FakeVertex failNext(String method, Status.Code code, When when) {
        faults.computeIfAbsent(method, m -> new java.util.concurrent.ConcurrentLinkedDeque<>()).add(new Fault(code, when));
        return this;
    }

    private PipelineJob create(CreatePipelineJobRequest req) {
        ProtoContract.check(req);
        checkParameters(req.getPipelineJob());
        String name = req.getParent() + "/pipelineJobs/" + req.getPipelineJobId();
        req.getPipelineJob().getRuntimeConfig().getInputArtifactsMap().forEach((input, a) -> {
            String artifact = req.getParent() + "/metadataStores/default/artifacts/" + a.getArtifactId();
            if (!artifacts.containsKey(artifact)) {
                throw Status.NOT_FOUND.withDescription("input artifact " + input + ": " + artifact + " not found").asRuntimeException();
            }
        });
        synchronized (jobs) {
            if (jobs.containsKey(name)) {
                throw Status.ALREADY_EXISTS.withDescription("PipelineJob " + name + " already exists").asRuntimeException();
            }
            PipelineJob job = req.getPipelineJob().toBuilder().setName(name).setState(PipelineState.PIPELINE_STATE_QUEUED).build();
            jobs.put(name, job);
            return job;
        }
    }

    private PipelineJob getJob(GetPipelineJobRequest req) {
        ProtoContract.check(req);
        synchronized (jobs) {
            PipelineJob job = jobs.get(req.getName());
            if (job == null) {
                throw Status.NOT_FOUND.withDescription(req.getName()).asRuntimeException();
            }
            PipelineState next = stateScript.poll();
            if (next != null) {
                PipelineJob.Builder b = job.toBuilder().setState(next);
                if (next == PipelineState.PIPELINE_STATE_FAILED && !failure.equals(com.google.rpc.Status.getDefaultInstance())) {
                    b.setError(failure);
                }
                job = b.build();
                jobs.put(req.getName(), job);
            }
            return job;
        }
    }

    private Artifact createArtifact(CreateArtifactRequest req) {
        createArtifactRequests.add(req);
        ProtoContract.check(req);
        if (!req.getParent().matches("projects/[^/]+/locations/[^/]+/metadataStores/default")) {
            throw Status.NOT_FOUND.withDescription("metadata store " + req.getParent() + " not found").asRuntimeException();
        }
        if (!req.getArtifactId().matches("[a-z0-9][a-z0-9-]{0,127}")) {
            throw Status.INVALID_ARGUMENT.withDescription("artifact_id \"" + req.getArtifactId() + "\" is invalid").asRuntimeException();
        }
        String name = req.getParent() + "/artifacts/" + req.getArtifactId();
        synchronized (artifacts) {
            if (artifacts.containsKey(name)) {
                throw Status.ALREADY_EXISTS.withDescription("Artifact " + name + " already exists").asRuntimeException();
            }
            Artifact a = req.getArtifact().toBuilder().setName(name).build();
            artifacts.put(name, a);
            return a;
        }
    }

    private Artifact getArtifact(GetArtifactRequest req) {
        ProtoContract.check(req);
        Artifact a = artifacts.get(req.getName());
        if (a == null) {
            throw Status.NOT_FOUND.withDescription("Artifact " + req.getName() + " not found").asRuntimeException();
        }
        return a;
    }

    private Endpoint getEndpoint(GetEndpointRequest req) {
        ProtoContract.check(req);
        Endpoint e = endpoints.get(req.getName());
        if (e == null) {
            throw Status.NOT_FOUND.withDescription("Endpoint " + req.getName() + " not found").asRuntimeException();
        }
        return e;
    }

    private Endpoint updateEndpoint(UpdateEndpointRequest req) {
        updateRequests.add(req);
        ProtoContract.checkUpdate(req, "endpoint", req.getUpdateMask());
        String name = req.getEndpoint().getName();
        if (req.getUpdateMask().getPathsCount() == 0 || !FieldMaskUtil.isValid(Endpoint.class, req.getUpdateMask())
                || req.getUpdateMask().getPathsList().contains("name")) {
            throw Status.INVALID_ARGUMENT.withDescription("update_mask " + req.getUpdateMask().getPathsList()
                    + " is not a valid mask of updatable Endpoint fields").asRuntimeException();
        }
        Endpoint updated = endpoints.computeIfPresent(name, (n, current) -> {
            Endpoint.Builder b = current.toBuilder();
            FieldMaskUtil.merge(req.getUpdateMask(), req.getEndpoint(), b,
                    new FieldMaskUtil.MergeOptions().setReplaceMessageFields(true).setReplaceRepeatedFields(true));
            return updateAnswer.apply(b.build());
        });
        if (updated == null) {
            throw Status.NOT_FOUND.withDescription("Endpoint " + name + " not found").asRuntimeException();
        }
        return updated;
    }

    /**
     * UndeployModel as Vertex AI judges it: the endpoint and the deployed model must exist (NOT_FOUND); a model that
     * still has traffic is refused (FAILED_PRECONDITION) unless the request's traffic_split unassigns it, or it is
     * the last one; a given split must name only models that stay and sum to 100 (INVALID_ARGUMENT)
     * (https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/undeployModel).
     * Answers a finished long-running operation.
     */
    private Operation undeployModel(UndeployModelRequest req) {
        undeployRequests.add(req);
        Endpoint updated = endpoints.computeIfPresent(req.getEndpoint(), (n, e) -> {
            List<String> ids = e.getDeployedModelsList().stream().map(com.google.cloud.aiplatform.v1.DeployedModel::getId).toList();
            if (!ids.contains(req.getDeployedModelId())) {
                throw Status.NOT_FOUND.withDescription("DeployedModel " + req.getDeployedModelId() + " not found on " + n).asRuntimeException();
            }
            List<String> staying = ids.stream().filter(id -> !id.equals(req.getDeployedModelId())).toList();
            Map<String, Integer> split = req.getTrafficSplitMap().isEmpty() ? e.getTrafficSplitMap() : req.getTrafficSplitMap();
            if (!req.getTrafficSplitMap().isEmpty() && (!staying.containsAll(req.getTrafficSplitMap().keySet())
                    || req.getTrafficSplitMap().values().stream().mapToInt(Integer::intValue).sum() != 100)) {
                throw Status.INVALID_ARGUMENT.withDescription("traffic_split must name remaining models and sum to 100").asRuntimeException();
            }
            if (!staying.isEmpty() && split.getOrDefault(req.getDeployedModelId(), 0) > 0) {
                throw Status.FAILED_PRECONDITION.withDescription("DeployedModel " + req.getDeployedModelId()
                        + " has traffic; give its traffic to other models in traffic_split").asRuntimeException();
            }
            Endpoint.Builder b = e.toBuilder().clearDeployedModels().clearTrafficSplit();
            e.getDeployedModelsList().stream().filter(m -> !m.getId().equals(req.getDeployedModelId())).forEach(b::addDeployedModels);
            if (!staying.isEmpty()) {
                b.putAllTrafficSplit(split.entrySet().stream().filter(x -> staying.contains(x.getKey()))
                        .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
            }
            return b.build();
        });
        if (updated == null) {
            throw Status.NOT_FOUND.withDescription("Endpoint " + req.getEndpoint() + " not found").asRuntimeException();
        }
        return Operation.newBuilder().setName(req.getEndpoint() + "/operations/undeploy-" + req.getDeployedModelId()).setDone(true)
                .setMetadata(Any.pack(UndeployModelOperationMetadata.getDefaultInstance()))
                .setResponse(Any.pack(UndeployModelResponse.getDefaultInstance())).build();
    }

    private PredictResponse predict(PredictRequest req) {
        predictRequests.add(req);
        ProtoContract.check(req);
        return predictor.apply(req);
    }

    /**
     * Vertex AI checks runtime parameter values against the compiled spec's root input definitions: a value of
     * another type than its {@code parameterType} (kubeflow/pipelines api/v2alpha1/pipeline_spec.proto,
     * ParameterType: NUMBER_INTEGER is a number with no fraction, STRING a string, LIST and STRUCT JSON values),
     * a parameter the pipeline does not declare, or a declared one with no value, no default and not optional,
     * fails the create (INVALID_ARGUMENT).
     */
    static void checkParameters(PipelineJob job) {
        Map<String, Value> declared = job.getPipelineSpec().getFieldsOrDefault("root", Value.getDefaultInstance()).getStructValue()
                .getFieldsOrDefault("inputDefinitions", Value.getDefaultInstance()).getStructValue()
                .getFieldsOrDefault("parameters", Value.getDefaultInstance()).getStructValue().getFieldsMap();
        Map<String, Value> values = job.getRuntimeConfig().getParameterValuesMap();
        for (Map.Entry<String, Value> e : values.entrySet()) {
            Value definition = declared.get(e.getKey());
            if (definition == null) {
                throw Status.INVALID_ARGUMENT.withDescription("parameter " + e.getKey() + " is not an input of the pipeline").asRuntimeException();
            }
            String type = definition.getStructValue().getFieldsOrDefault("parameterType", Value.getDefaultInstance()).getStringValue();
            if (!fits(type, e.getValue())) {
                throw Status.INVALID_ARGUMENT.withDescription("parameter " + e.getKey() + ": a " + type + " was expected, got "
                        + e.getValue().getKindCase()).asRuntimeException();
            }
        }
        declared.forEach((name, definition) -> {
            Map<String, Value> d = definition.getStructValue().getFieldsMap();
            if (!values.containsKey(name) && !d.containsKey("defaultValue") && !d.getOrDefault("isOptional", Value.getDefaultInstance()).getBoolValue()) {
                throw Status.INVALID_ARGUMENT.withDescription("parameter " + name + " has no value and no default").asRuntimeException();
            }
        });
    }

    private static boolean fits(String type, Value v) {
        return switch (type) {
            case "STRING" -> v.hasStringValue();
            case "NUMBER_INTEGER" -> v.hasNumberValue() && v.getNumberValue() == Math.rint(v.getNumberValue());
            case "NUMBER_DOUBLE" -> v.hasNumberValue();
            case "BOOLEAN" -> v.hasBoolValue();
            case "LIST" -> v.hasListValue();
            case "STRUCT" -> v.hasStructValue();
            default -> true; // TASK_FINAL_STATUS and unset types carry no value to check
        };
    }

    private static ServerServiceDefinition service(String name, Method<?, ?>... methods) {
        ServerServiceDefinition.Builder b = ServerServiceDefinition.builder(name);
        for (Method<?, ?> m : methods) {
            m.addTo(b, name);
        }
        return b.build();
    }

    private <Q extends Message, R extends Message> Method<Q, R> unary(String method, Q req, R resp, Function<Q, R> handler) {
        return new Method<>(method, req, resp, handler);
    }

    private final class Method<Q extends Message, R extends Message> {
        final String name;
        final Q request;
        final R response;
        final Function<Q, R> handler;

        Method(String name, Q request, R response, Function<Q, R> handler) {
            this.name = name;
            this.request = request;
            this.response = response;
            this.handler = handler;
        }

        void addTo(ServerServiceDefinition.Builder b, String service) {
            MethodDescriptor<Q, R> descriptor = MethodDescriptor.<Q, R>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(service, name))
                    .setRequestMarshaller(ProtoUtils.marshaller(request))
                    .setResponseMarshaller(ProtoUtils.marshaller(response))
                    .build();
            b.addMethod(descriptor, ServerCalls.asyncUnaryCall((Q req, io.grpc.stub.StreamObserver<R> obs) -> {
                calls.computeIfAbsent(name, m -> new AtomicInteger()).incrementAndGet();
                Deque<Fault> queue = faults.get(name);
                Fault polled = queue == null ? null : queue.poll();
                Fault fault = polled == null || polled.code() == null ? null : polled;
                try {
                    if (fault != null && fault.when() == When.BEFORE) {
                        throw fault.code().toStatus().withDescription("injected " + fault.code()).asRuntimeException();
                    }
                    R result = handler.apply(req);
                    if (fault != null) {
                        throw fault.code().toStatus().withDescription("injected " + fault.code() + " after acting").asRuntimeException();
                    }
                    obs.onNext(result);
                    obs.onCompleted();
                } catch (StatusRuntimeException e) {
                    obs.onError(e);
                }
            }));
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
