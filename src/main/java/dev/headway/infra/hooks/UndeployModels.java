package dev.headway.infra.hooks;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.aiplatform.v1.DeployedModel;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.EndpointServiceClient;
import com.google.cloud.aiplatform.v1.EndpointServiceSettings;
import com.google.cloud.aiplatform.v1.UndeployModelRequest;
import dev.headway.infra.UserError;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code undeploy-models}, run by {@code headway-infra destroy} before the engine: Vertex AI refuses to delete an
 * endpoint that still has a deployed model (FAILED_PRECONDITION), and terraform-provider-google-beta v5.0.0's
 * delete of {@code google_vertex_ai_endpoint} sends a plain DELETE (docs/lifecycle.md). So every model deployed on
 * an endpoint in the stack's {@code endpoints} output is undeployed first, whoever deployed it (a pipeline run, a
 * person). Each UndeployModel names a traffic split without the model (all of it to the next model left, empty
 * for the last one): "A DeployedModel will be successfully undeployed only if it doesn't have any traffic assigned
 * to it when this method executes, or if this field unassigns any traffic to it"
 * (https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/undeployModel).
 * A second run finds nothing deployed and sends nothing; an endpoint that no longer exists is skipped.
 */
public final class UndeployModels implements Hook {
    public static final String NAME = "undeploy-models";
    private static final Pattern ENDPOINT = Pattern.compile("projects/[^/]+/locations/([^/]+)/endpoints/[^/]+");

    private final SubmitPipeline.ClientFactory clients;

    public UndeployModels(SubmitPipeline.ClientFactory clients) {
        this.clients = clients;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredOutputs() {
        return Set.of();
    }

    @Override
    public HookResult run(StackOutputs outputs) {
        long start = System.nanoTime();
        Map<String, String> endpoints = outputs.has("endpoints") ? outputs.endpoints() : Map.of();
        if (endpoints.isEmpty()) {
            return HookResult.skip(NAME, "the stack has no endpoints", SubmitPipeline.since(start));
        }
        int undeployed = 0;
        List<String> failed = new ArrayList<>();
        for (Map.Entry<String, String> e : endpoints.entrySet()) {
            Matcher m = ENDPOINT.matcher(e.getValue());
            if (!m.matches()) {
                failed.add(e.getKey() + ": not an endpoint resource name: " + e.getValue());
                continue;
            }
            GoogleClients g = clients.forRegion(m.group(1));
            try (EndpointServiceClient client = EndpointServiceClient.create(settings(g))) {
                undeployed += undeployAll(e.getKey(), e.getValue(), client, g, failed);
            } catch (IOException ex) {
                throw new UserError(UserError.ENVIRONMENT, "cannot create the Vertex AI client for " + g.endpoint() + ": " + ex.getMessage());
            }
        }
        String counts = "undeployed " + undeployed + " model(s) from " + endpoints.size() + " endpoint(s)";
        return failed.isEmpty() ? HookResult.pass(NAME, counts, SubmitPipeline.since(start))
                : HookResult.fail(NAME, counts + ", failed " + failed.size() + ":\n    " + String.join("\n    ", failed), SubmitPipeline.since(start));
    }

    private static int undeployAll(String name, String endpoint, EndpointServiceClient client, GoogleClients g, List<String> failed) {
        Endpoint current;
        try {
            current = client.getEndpoint(endpoint);
        } catch (NotFoundException e) {
            return 0; // already gone: nothing blocks its delete
        } catch (ApiException e) {
            failed.add(name + ": GetEndpoint " + e.getStatusCode().getCode() + ": " + HookRunner.firstLine(e.getMessage()));
            return 0;
        }
        List<String> left = new ArrayList<>(current.getDeployedModelsList().stream().map(DeployedModel::getId).toList());
        int n = 0;
        while (!left.isEmpty()) {
            String id = left.remove(0);
            UndeployModelRequest.Builder req = UndeployModelRequest.newBuilder().setEndpoint(endpoint).setDeployedModelId(id);
            if (!left.isEmpty()) {
                req.putTrafficSplit(left.get(0), 100);
            }
            try {
                client.undeployModelAsync(req.build()).get(g.totalTimeout().toMillis(), TimeUnit.MILLISECONDS);
                n++;
            } catch (ExecutionException e) {
                failed.add(name + ": UndeployModel " + id + ": " + HookRunner.firstLine(String.valueOf(e.getCause().getMessage())));
                return n;
            } catch (TimeoutException e) {
                failed.add(name + ": UndeployModel " + id + " did not finish within " + g.totalTimeout().toSeconds() + " s");
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(name + ": interrupted");
                return n;
            }
        }
        return n;
    }

    static EndpointServiceSettings settings(GoogleClients g) throws IOException {
        EndpointServiceSettings.Builder b = EndpointServiceSettings.newBuilder().setEndpoint(g.endpoint())
                .setTransportChannelProvider(g.channel()).setCredentialsProvider(g.credentials());
        g.retry(b.getEndpointSettings());
        return b.build();
    }
}
