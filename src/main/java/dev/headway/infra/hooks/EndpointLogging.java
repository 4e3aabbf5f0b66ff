package dev.headway.infra.hooks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.EndpointServiceClient;
import com.google.cloud.aiplatform.v1.EndpointServiceSettings;
import com.google.cloud.aiplatform.v1.PredictRequestResponseLoggingConfig;
import com.google.cloud.aiplatform.v1.UpdateEndpointRequest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.headway.infra.UserError;
import dev.headway.infra.serving.RequestResponseLogging;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code endpoint-logging}: makes each endpoint's request-response logging what the stack declares. The pinned
 * provider (pulumi-gcp 7.0.0) cannot set {@code predictRequestResponseLoggingConfig} on {@code vertex.AiEndpoint},
 * so the program exports the wanted config as {@code endpointLogging} ({@link RequestResponseLogging#toMap}) and
 * this hook converges on it: GetEndpoint, compare enabled / sampling rate / BigQuery destination, and only when
 * they differ UpdateEndpoint with the mask {@code predict_request_response_logging_config} (a PATCH of one field:
 * retrying it on UNAVAILABLE is safe, and a second run sends nothing). With {@code dryRun} the reads are made and
 * the UpdateEndpointRequests that would be sent are printed, one protobuf JSON object a line; nothing is updated.
 */
public final class EndpointLogging implements Hook {
    public static final String NAME = "endpoint-logging";
    /** The stack output this hook applies. */
    public static final String OUTPUT = "endpointLogging";
    private static final Pattern ENDPOINT = Pattern.compile("projects/[^/]+/locations/[^/]+/endpoints/[^/]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double RATE_TOLERANCE = 1e-9;

    private final SubmitPipeline.ClientFactory clients;
    private final boolean dryRun;
    private final PrintWriter out;

    public EndpointLogging(SubmitPipeline.ClientFactory clients, boolean dryRun, PrintWriter out) {
        this.clients = clients;
        this.dryRun = dryRun;
        this.out = out;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** None: without {@code endpointLogging} the hook is a skip, and each endpoint's region is in its name. */
    @Override
    public Set<String> requiredOutputs() {
        return Set.of();
    }

    /** The {@code endpointLogging} output, endpoint name to wanted config, sorted; a malformed one: exit 3. */
    public static Map<String, RequestResponseLogging> wanted(StackOutputs outputs) {
        JsonNode node = outputs.get(OUTPUT);
        if (node == null) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new UserError(UserError.ENVIRONMENT, "stack output " + OUTPUT + " is not a map of endpoint name to "
                    + "logging config in " + outputs.source());
        }
        Map<String, RequestResponseLogging> wanted = new TreeMap<>();
        node.properties().forEach(e -> {
            String where = "stack output " + OUTPUT + "." + e.getKey() + " in " + outputs.source() + ": ";
            if (!e.getValue().isObject()) {
                throw new UserError(UserError.ENVIRONMENT, where + "expected {endpoint, enabled, samplingRate, bigqueryDestination}");
            }
            RequestResponseLogging r;
            try {
                r = RequestResponseLogging.fromMap(JSON.convertValue(e.getValue(), new TypeReference<Map<String, Object>>() { }));
            } catch (IllegalArgumentException ex) {
                throw new UserError(UserError.ENVIRONMENT, where + ex.getMessage());
            }
            if (!ENDPOINT.matcher(r.endpoint()).matches()) {
                throw new UserError(UserError.ENVIRONMENT, where + "endpoint must be projects/P/locations/L/endpoints/ID, was " + r.endpoint());
            }
            wanted.put(e.getKey(), r);
        });
        return wanted;
    }

    @Override
    public HookResult run(StackOutputs outputs) {
        long start = System.nanoTime();
        if (!outputs.has(OUTPUT)) {
            return HookResult.skip(NAME, "the stack exports no " + OUTPUT + ": nothing to apply", SubmitPipeline.since(start));
        }
        Map<String, RequestResponseLogging> wanted = wanted(outputs);
        if (wanted.isEmpty()) {
            return HookResult.skip(NAME, OUTPUT + " is empty: the stack has no endpoints", SubmitPipeline.since(start));
        }
        int updated = 0;
        int alreadySet = 0;
        List<String> failed = new ArrayList<>();
        List<String> printed = new ArrayList<>();
        Map<String, EndpointServiceClient> byRegion = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, RequestResponseLogging> e : wanted.entrySet()) {
                EndpointServiceClient client = client(byRegion, region(e.getValue().endpoint()));
                switch (converge(e.getKey(), e.getValue(), client, failed, printed)) {
                    case UPDATED -> updated++;
                    case ALREADY_SET -> alreadySet++;
                    case FAILED, PRINTED -> { }
                }
            }
        } finally {
            byRegion.values().forEach(EndpointServiceClient::close);
        }
        printed.forEach(out::println);
        out.flush();
        String counts = "updated " + updated + ", already set " + alreadySet;
        if (!failed.isEmpty()) {
            return HookResult.fail(NAME, counts + ", failed " + failed.size() + ":\n    " + String.join("\n    ", failed),
                    SubmitPipeline.since(start));
        }
        if (dryRun) {
            return HookResult.skip(NAME, "dry run: " + printed.size() + " UpdateEndpointRequest(s) printed, already set "
                    + alreadySet + ", nothing sent", SubmitPipeline.since(start));
        }
        return HookResult.pass(NAME, counts, SubmitPipeline.since(start));
    }

    private enum Outcome { UPDATED, ALREADY_SET, FAILED, PRINTED }

    private Outcome converge(String name, RequestResponseLogging want, EndpointServiceClient client,
                             List<String> failed, List<String> printed) {
        Endpoint current;
        try {
            current = client.getEndpoint(want.endpoint());
        } catch (NotFoundException e) {
            failed.add(name + ": endpoint " + want.endpoint() + " not found (NOT_FOUND); run `pulumi up` first "
                    + "(headway-infra up creates it, then runs this hook)");
            return Outcome.FAILED;
        } catch (ApiException e) {
            failed.add(name + ": GetEndpoint " + e.getStatusCode().getCode() + ": " + HookRunner.firstLine(e.getMessage()));
            return Outcome.FAILED;
        }
        if (matches(current.getPredictRequestResponseLoggingConfig(), want)) {
            return Outcome.ALREADY_SET;
        }
        UpdateEndpointRequest request = want.updateRequest();
        if (dryRun) {
            printed.add(print(request));
            return Outcome.PRINTED;
        }
        try {
            Endpoint after = client.updateEndpoint(request);
            if (!matches(after.getPredictRequestResponseLoggingConfig(), want)) {
                failed.add(name + ": UpdateEndpoint answered " + describe(after.getPredictRequestResponseLoggingConfig())
                        + ", wanted " + describe(want));
                return Outcome.FAILED;
            }
            return Outcome.UPDATED;
        } catch (ApiException e) {
            failed.add(name + ": UpdateEndpoint " + e.getStatusCode().getCode() + ": " + HookRunner.firstLine(e.getMessage()));
            return Outcome.FAILED;
        }
    }

    /** Whether an endpoint's logging config already is the wanted one (the three fields the hook sets). */
    public static boolean matches(PredictRequestResponseLoggingConfig actual, RequestResponseLogging want) {
        return actual.getEnabled() == want.enabled()
                && Math.abs(actual.getSamplingRate() - want.samplingRate()) < RATE_TOLERANCE
                && actual.getBigqueryDestination().getOutputUri().equals(want.outputUri());
    }

    /** One request as compact protobuf JSON (one line). */
    public static String print(UpdateEndpointRequest request) {
        try {
            return JsonFormat.printer().omittingInsignificantWhitespace().print(request);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(PredictRequestResponseLoggingConfig c) {
        return "enabled=" + c.getEnabled() + " samplingRate=" + c.getSamplingRate() + " destination="
                + (c.getBigqueryDestination().getOutputUri().isEmpty() ? "none" : c.getBigqueryDestination().getOutputUri());
    }

    private static String describe(RequestResponseLogging w) {
        return "enabled=" + w.enabled() + " samplingRate=" + w.samplingRate() + " destination=" + w.outputUri();
    }

    /** The location segment of an endpoint name, {@code projects/P/locations/L/endpoints/ID}, as {@link #wanted} checked it. */
    private static String region(String endpoint) {
        return endpoint.split("/")[3];
    }

    private EndpointServiceClient client(Map<String, EndpointServiceClient> byRegion, String region) {
        EndpointServiceClient existing = byRegion.get(region);
        if (existing != null) {
            return existing;
        }
        GoogleClients g = clients.forRegion(region);
        try {
            EndpointServiceClient c = EndpointServiceClient.create(settings(g));
            byRegion.put(region, c);
            return c;
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "cannot create the Vertex AI client for " + g.endpoint() + ": " + e.getMessage());
        }
    }

    static EndpointServiceSettings settings(GoogleClients g) throws IOException {
        EndpointServiceSettings.Builder b = EndpointServiceSettings.newBuilder().setEndpoint(g.endpoint())
                .setTransportChannelProvider(g.channel()).setCredentialsProvider(g.credentials());
        g.retry(b.getEndpointSettings());
        g.retry(b.updateEndpointSettings());
        return b.build();
    }
}
