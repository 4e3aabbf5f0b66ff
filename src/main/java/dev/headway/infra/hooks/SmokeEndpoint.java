package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.FailedPreconditionException;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.EndpointServiceClient;
import com.google.cloud.aiplatform.v1.EndpointServiceSettings;
import com.google.cloud.aiplatform.v1.PredictRequest;
import com.google.cloud.aiplatform.v1.PredictResponse;
import com.google.cloud.aiplatform.v1.PredictionServiceClient;
import com.google.cloud.aiplatform.v1.PredictionServiceSettings;
import com.google.protobuf.Value;
import dev.headway.infra.UserError;
import dev.headway.infra.hooks.kfp.ParameterType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code smoke-endpoint}: one synthetic PredictRequest to each endpoint in the {@code endpoints} output;
 * checks that the answer has one prediction per instance and came within the latency budget. An endpoint
 * with no deployed model (GetEndpoint lists none, or predict answers FAILED_PRECONDITION) is a skip or a
 * failure, as configured.
 */
public final class SmokeEndpoint implements Hook {
    public static final String NAME = "smoke-endpoint";
    /** One synthetic instance for the headway model: recent headways at a stop, in seconds. */
    public static final String DEFAULT_INSTANCES = "[{\"recent_headways_s\": [300, 280, 320, 310, 295, 305, 290, 315]}]";
    private static final ObjectMapper JSON = new ObjectMapper();

    public enum NoModel { skip, fail }

    public record Options(Optional<Path> instancesFile, Duration latencyBudget, NoModel noModel) {
    }

    private final Options options;
    private final SubmitPipeline.ClientFactory clients;

    public SmokeEndpoint(Options options, SubmitPipeline.ClientFactory clients) {
        this.options = options;
        this.clients = clients;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredOutputs() {
        return Set.of("region", "endpoints");
    }

    /** The instances to send: a JSON array, or an object with an {@code instances} array (a Vertex request body). */
    public static List<Value> instances(Optional<Path> file) {
        String text;
        String where = file.map(Path::toString).orElse("the default instances");
        try {
            text = file.isPresent() ? Files.readString(file.get()) : DEFAULT_INSTANCES;
        } catch (IOException e) {
            throw new UserError(UserError.USAGE, "--instances " + where + ": cannot read (" + e.getClass().getSimpleName() + ")");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (IOException e) {
            throw new UserError(UserError.USAGE, "--instances " + where + ": not JSON");
        }
        JsonNode list = node != null && node.isObject() ? node.path("instances") : node;
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new UserError(UserError.USAGE, "--instances " + where
                    + ": expected a non-empty JSON array of instances, or {\"instances\": [...]}");
        }
        List<Value> values = new ArrayList<>();
        list.forEach(n -> values.add(ParameterType.toValue(n)));
        return values;
    }

    @Override
    public HookResult run(StackOutputs outputs) {
        long start = System.nanoTime();
        Map<String, String> endpoints = outputs.endpoints();
        if (endpoints.isEmpty()) {
            return HookResult.skip(NAME, "the stack has no endpoints", SubmitPipeline.since(start));
        }
        List<Value> instances = instances(options.instancesFile());
        GoogleClients g = clients.forRegion(outputs.text("region"));
        List<String> failed = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        try (EndpointServiceClient endpointService = EndpointServiceClient.create(endpointSettings(g));
             PredictionServiceClient prediction = PredictionServiceClient.create(predictionSettings(g))) {
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                String verdict = check(e.getKey(), e.getValue(), instances, endpointService, prediction);
                (verdict.startsWith("skip:") ? skipped : verdict.startsWith("fail:") ? failed : passed)
                        .add(verdict.substring(verdict.indexOf(':') + 1).trim());
            }
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "cannot create the Vertex AI clients for " + g.endpoint() + ": " + e.getMessage());
        }
        List<String> all = new ArrayList<>(failed);
        all.addAll(skipped);
        all.addAll(passed);
        String reason = String.join("; ", all);
        if (!failed.isEmpty()) {
            return HookResult.fail(NAME, reason, SubmitPipeline.since(start));
        }
        return passed.isEmpty() ? HookResult.skip(NAME, reason, SubmitPipeline.since(start))
                : HookResult.pass(NAME, reason, SubmitPipeline.since(start));
    }

    /** "pass: ...", "skip: ..." or "fail: ..." for one endpoint. */
    private String check(String name, String resource, List<Value> instances, EndpointServiceClient endpointService,
                         PredictionServiceClient prediction) {
        String noModel = options.noModel() == NoModel.skip ? "skip: " : "fail: ";
        try {
            Endpoint endpoint = endpointService.getEndpoint(resource);
            if (endpoint.getDeployedModelsCount() == 0) {
                return noModel + name + " has no deployed model";
            }
            long t0 = System.nanoTime();
            PredictResponse resp = prediction.predict(PredictRequest.newBuilder().setEndpoint(resource)
                    .addAllInstances(instances).build());
            Duration latency = Duration.ofNanos(System.nanoTime() - t0);
            if (resp.getPredictionsCount() != instances.size()) {
                return "fail: " + name + " answered " + resp.getPredictionsCount() + " predictions for "
                        + instances.size() + " instances";
            }
            if (latency.compareTo(options.latencyBudget()) > 0) {
                return "fail: " + name + " took " + latency.toMillis() + " ms, budget " + options.latencyBudget().toMillis() + " ms";
            }
            return "pass: " + name + " " + resp.getPredictionsCount() + " predictions in " + latency.toMillis()
                    + " ms (model " + resp.getDeployedModelId() + ")";
        } catch (FailedPreconditionException e) {
            return noModel + name + " cannot serve (FAILED_PRECONDITION: " + HookRunner.firstLine(e.getMessage()) + ")";
        } catch (ApiException e) {
            return "fail: " + name + " " + e.getStatusCode().getCode() + ": " + HookRunner.firstLine(e.getMessage());
        }
    }

    static EndpointServiceSettings endpointSettings(GoogleClients g) throws IOException {
        EndpointServiceSettings.Builder b = EndpointServiceSettings.newBuilder().setEndpoint(g.endpoint())
                .setTransportChannelProvider(g.channel()).setCredentialsProvider(g.credentials());
        g.retry(b.getEndpointSettings());
        return b.build();
    }

    static PredictionServiceSettings predictionSettings(GoogleClients g) throws IOException {
        PredictionServiceSettings.Builder b = PredictionServiceSettings.newBuilder().setEndpoint(g.endpoint())
                .setTransportChannelProvider(g.channel()).setCredentialsProvider(g.credentials());
        g.retry(b.predictSettings());
        return b.build();
    }
}
