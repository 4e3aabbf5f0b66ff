package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.cloud.aiplatform.v1.BigQueryDestination;
import com.google.cloud.aiplatform.v1.DeployedModel;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.PredictRequestResponseLoggingConfig;
import com.google.cloud.aiplatform.v1.UpdateEndpointRequest;
import com.google.protobuf.util.JsonFormat;
import dev.headway.infra.serving.RequestResponseLogging;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.testing.ChildCli;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import dev.headway.infra.testing.StandInPulumi;
import dev.headway.infra.testing.Synth;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code endpoint-logging} with the real aiplatform EndpointServiceClient against {@link FakeVertex}, on stack
 * outputs shaped exactly as the program exports them ({@code src/test/resources/outputs/<stack>.json}, the synth's
 * outputs; {@link #theFixturesAreWhatTheProgramExports} keeps them so).
 */
class EndpointLoggingTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROD_GRU = "projects/headway-prod/locations/us-east1/endpoints/715574490";
    static final String PROD_LSTM = "projects/headway-prod/locations/us-east1/endpoints/952640189";
    static final String DEV_GRU = "projects/headway-dev/locations/us-east1/endpoints/172385842";
    static final String PROD_URI = "bq://headway-prod.hw_prod_monitoring.request_response_logging";
    static final String MASK = "predict_request_response_logging_config";

    FakeVertex vertex;

    @BeforeEach
    void start() throws IOException {
        vertex = FakeVertex.start();
    }

    @AfterEach
    void stop() {
        vertex.close();
    }

    static String fixture(String stack) throws IOException {
        return Files.readString(Path.of("src/test/resources/outputs/" + stack + ".json"));
    }

    static PredictRequestResponseLoggingConfig logging(boolean enabled, double rate, String uri) {
        return PredictRequestResponseLoggingConfig.newBuilder().setEnabled(enabled).setSamplingRate(rate)
                .setBigqueryDestination(BigQueryDestination.newBuilder().setOutputUri(uri)).build();
    }

    /** An endpoint as Vertex holds it: a model deployed, labels, and the given logging config (null: none). */
    private void endpoint(String name, PredictRequestResponseLoggingConfig config) {
        Endpoint.Builder e = Endpoint.newBuilder().setName(name).setDisplayName(name.substring(name.lastIndexOf('/') + 1))
                .putLabels("app", "headway").addDeployedModels(DeployedModel.newBuilder().setId("1234"));
        if (config != null) {
            e.setPredictRequestResponseLoggingConfig(config);
        }
        vertex.endpoints.put(name, e.build());
    }

    private CliRun hooks(String stack, String outputsJson, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("hooks", stack, "--only", EndpointLogging.NAME,
                "--outputs", CliRun.outputsFile(outputsJson).toString(), "--vertex-endpoint", vertex.hostPort(), "--timeout", "20"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static String without(String outputsJson, String output) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(outputsJson);
        root.remove(output);
        return JSON.writeValueAsString(root);
    }

    @Test
    void theFixturesAreWhatTheProgramExports() throws IOException {
        for (String stack : List.of("dev", "prod")) {
            Plan plan = Synth.stack(stack);
            JsonNode fixture = JSON.readTree(fixture(stack));
            assertEquals(plan.outputs().get(EndpointLogging.OUTPUT), fixture.get(EndpointLogging.OUTPUT), stack);
            assertEquals(plan.outputs().get("endpoints"), fixture.get("endpoints"), stack);
        }
        var wanted = EndpointLogging.wanted(StackOutputs.parse("prod", fixture("prod")));
        assertEquals(new RequestResponseLogging(PROD_GRU, true, 0.1, PROD_URI), wanted.get("headway-gru"));
        assertEquals(1.0, EndpointLogging.wanted(StackOutputs.parse("dev", fixture("dev"))).get("headway-gru").samplingRate(),
                "the integer 1 the engine prints reads back as the rate 1.0");
    }

    @Test
    void theFirstRunUpdatesExactlyTheEndpointsWhoseConfigDiffersAndTheSecondSendsNothing() throws IOException {
        endpoint(PROD_GRU, null);                                  // never configured
        endpoint(PROD_LSTM, logging(true, 0.1, PROD_URI));         // already as declared
        Endpoint gruBefore = vertex.endpoints.get(PROD_GRU);

        CliRun first = hooks("prod", fixture("prod"));
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().startsWith("PASS endpoint-logging") && first.out().contains("updated 1, already set 1"), first.out());
        assertEquals(1, vertex.updateRequests.size(), vertex.updateRequests.toString());
        UpdateEndpointRequest sent = vertex.updateRequests.get(0);
        assertEquals(PROD_GRU, sent.getEndpoint().getName());
        assertEquals(List.of(MASK), sent.getUpdateMask().getPathsList());
        assertEquals(logging(true, 0.1, PROD_URI), sent.getEndpoint().getPredictRequestResponseLoggingConfig());
        Endpoint gruAfter = vertex.endpoints.get(PROD_GRU);
        assertEquals(logging(true, 0.1, PROD_URI), gruAfter.getPredictRequestResponseLoggingConfig());
        assertEquals(gruBefore.toBuilder().clearPredictRequestResponseLoggingConfig().build(),
                gruAfter.toBuilder().clearPredictRequestResponseLoggingConfig().build(), "nothing but the logging config changed");

        CliRun second = hooks("prod", fixture("prod"));
        assertEquals(0, second.exit(), second.out() + second.err());
        assertTrue(second.out().contains("updated 0, already set 2"), second.out());
        assertEquals(1, vertex.updateRequests.size(), "a second run sends no update");
        assertEquals(4, vertex.calls("GetEndpoint"));
    }

    @Test
    void anyOfRateDestinationOrEnabledDifferingIsAnUpdate() throws IOException {
        endpoint(PROD_GRU, logging(true, 1.0, PROD_URI));                                           // dev's rate
        endpoint(PROD_LSTM, logging(true, 0.1, "bq://headway-prod.hw_prod_raw.request_response_logging")); // wrong dataset
        CliRun run = hooks("prod", fixture("prod"));
        assertEquals(0, run.exit(), run.out());
        assertTrue(run.out().contains("updated 2, already set 0"), run.out());
        assertEquals(logging(true, 0.1, PROD_URI), vertex.endpoints.get(PROD_GRU).getPredictRequestResponseLoggingConfig());
        assertEquals(logging(true, 0.1, PROD_URI), vertex.endpoints.get(PROD_LSTM).getPredictRequestResponseLoggingConfig());

        assertTrue(!EndpointLogging.matches(logging(false, 0.1, PROD_URI), new RequestResponseLogging(PROD_GRU, true, 0.1, PROD_URI)));
        assertTrue(EndpointLogging.matches(logging(true, 0.1, PROD_URI), new RequestResponseLogging(PROD_GRU, true, 0.1, PROD_URI)));
    }

    @Test
    void unavailableOnUpdateIsRetriedUntilTheConfigIsSet() throws IOException {
        endpoint(PROD_GRU, null);
        endpoint(PROD_LSTM, null);
        vertex.failNext("UpdateEndpoint", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE);  // refused
        vertex.failNext("UpdateEndpoint", Status.Code.UNAVAILABLE, FakeVertex.When.AFTER);   // applied, answer lost
        CliRun run = hooks("prod", fixture("prod"));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("updated 2, already set 0"), run.out());
        assertEquals(4, vertex.calls("UpdateEndpoint"), "gru: refused then applied with the answer lost, then again; lstm: once");
        for (UpdateEndpointRequest r : vertex.updateRequests) {
            assertEquals(List.of(MASK), r.getUpdateMask().getPathsList());
        }
        assertEquals(logging(true, 0.1, PROD_URI), vertex.endpoints.get(PROD_GRU).getPredictRequestResponseLoggingConfig());
        assertEquals(logging(true, 0.1, PROD_URI), vertex.endpoints.get(PROD_LSTM).getPredictRequestResponseLoggingConfig());

        CliRun again = hooks("prod", fixture("prod"));
        assertTrue(again.out().contains("updated 0, already set 2"), again.out());
        assertEquals(4, vertex.calls("UpdateEndpoint"));
    }

    @Test
    void aMissingEndpointFailsWithOneLineNamingItAndPulumiUp() throws IOException {
        endpoint(PROD_LSTM, logging(true, 0.1, PROD_URI));
        CliRun run = hooks("prod", fixture("prod"));
        assertEquals(1, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).startsWith("FAIL endpoint-logging") && lines.get(0).endsWith("updated 0, already set 1, failed 1:"), run.out());
        assertTrue(lines.get(1).strip().startsWith("headway-gru: endpoint " + PROD_GRU + " not found (NOT_FOUND); run `pulumi up` first"),
                run.out());
        assertEquals(2, vertex.calls("GetEndpoint"), "NOT_FOUND is not retried");
        assertEquals(0, vertex.calls("UpdateEndpoint"));
        assertEquals("", run.err());
    }

    @Test
    void anUpdateThatFailsIsOneLinePerEndpointAndTheReportHasThem() throws IOException {
        endpoint(PROD_GRU, null);
        endpoint(PROD_LSTM, null);
        vertex.failNext("UpdateEndpoint", Status.Code.PERMISSION_DENIED, FakeVertex.When.BEFORE);
        vertex.failNext("UpdateEndpoint", Status.Code.PERMISSION_DENIED, FakeVertex.When.BEFORE);
        Path report = Files.createTempFile("hooks", ".json");
        CliRun run = hooks("prod", fixture("prod"), "--report", report.toString());
        assertEquals(1, run.exit(), run.out());
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        assertTrue(lines.get(1).strip().startsWith("headway-gru: UpdateEndpoint PERMISSION_DENIED"), run.out());
        assertTrue(lines.get(2).strip().startsWith("headway-lstm: UpdateEndpoint PERMISSION_DENIED"), run.out());
        assertEquals(2, vertex.calls("UpdateEndpoint"), "PERMISSION_DENIED is not retried");
        JsonNode json = JSON.readTree(report.toFile());
        assertEquals("fail", json.path("hooks").path(0).path("status").asText());
        assertTrue(json.path("hooks").path(0).path("reason").asText().contains("headway-lstm: UpdateEndpoint PERMISSION_DENIED"));
    }

    @Test
    void noEndpointLoggingOutputOrAnEmptyOneIsASkip() throws IOException {
        CliRun absent = hooks("dev", without(fixture("dev"), EndpointLogging.OUTPUT));
        assertEquals(0, absent.exit(), absent.out() + absent.err());
        assertTrue(absent.out().startsWith("SKIP endpoint-logging") && absent.out().contains("exports no endpointLogging"), absent.out());
        CliRun empty = hooks("dev", "{\"region\": \"us-east1\", \"endpointLogging\": {}}");
        assertEquals(0, empty.exit(), empty.out() + empty.err());
        assertTrue(empty.out().startsWith("SKIP endpoint-logging") && empty.out().contains("endpointLogging is empty"), empty.out());
        assertEquals(0, vertex.calls("GetEndpoint") + vertex.calls("UpdateEndpoint"));
    }

    @Test
    void aMalformedEntryExits3WithOneLineAndNothingSent() throws IOException {
        String bad = fixture("dev").replace("\"samplingRate\": 1", "\"samplingRate\": \"all\"");
        CliRun run = hooks("dev", bad);
        assertEquals(3, run.exit(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("endpointLogging.headway-gru") && run.err().contains("samplingRate must be a number"), run.err());
        assertEquals(0, vertex.calls("GetEndpoint"));
    }

    @Test
    void dryRunPrintsTheUpdateRequestsAsProtobufJsonAndSendsNone() throws Exception {
        endpoint(PROD_GRU, null);
        endpoint(PROD_LSTM, logging(true, 0.1, PROD_URI));
        CliRun run = hooks("prod", fixture("prod"), "--dry-run");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        UpdateEndpointRequest.Builder printed = UpdateEndpointRequest.newBuilder();
        JsonFormat.parser().merge(lines.get(0), printed);
        assertEquals(new RequestResponseLogging(PROD_GRU, true, 0.1, PROD_URI).updateRequest(), printed.build());
        assertTrue(lines.get(1).startsWith("SKIP endpoint-logging") && lines.get(1).contains("dry run: 1 UpdateEndpointRequest(s) printed, already set 1"),
                run.out());
        assertEquals(0, vertex.calls("UpdateEndpoint"));
        assertTrue(!vertex.endpoints.get(PROD_GRU).hasPredictRequestResponseLoggingConfig());
    }

    @Test
    void itRunsBeforeSmokeEndpointWhateverTheOrderOfOnly() throws IOException {
        endpoint(DEV_GRU, null);
        CliRun run = CliRun.of("hooks", "dev", "--only", "smoke-endpoint,endpoint-logging", "--outputs",
                CliRun.outputsFile(fixture("dev")).toString(), "--vertex-endpoint", vertex.hostPort(), "--timeout", "20");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("PASS endpoint-logging") && lines.get(1).startsWith("PASS smoke-endpoint"), run.out());
        CliRun unknown = CliRun.of("hooks", "dev", "--only", "logging");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("(hooks: smoke-warehouse, smoke-streaming, endpoint-logging, smoke-endpoint, submit-pipeline)"),
                "all hooks, in the order up runs them: " + unknown.err());
    }

    @Test
    void upAppliesTheLoggingAfterASuccessfulUpdate() throws Exception {
        StandInPulumi pulumi = StandInPulumi.create(fixture("dev"));
        Path project = Files.createTempDirectory("project");
        for (String f : List.of("Pulumi.yaml", "Pulumi.dev.yaml")) {
            Files.copy(Path.of(f), project.resolve(f));
        }
        endpoint(DEV_GRU, null);
        CliRun r = ChildCli.run(project, Map.of("PATH", pulumi.dir() + File.pathSeparator + System.getenv("PATH")),
                "up", "dev", "--only", "endpoint-logging,smoke-endpoint", "--vertex-endpoint", vertex.hostPort(), "--timeout", "20");
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> out = r.out().lines().toList();
        int up = out.indexOf("up dev: succeeded");
        int logging = indexOfPrefix(out, "PASS endpoint-logging");
        int smoke = indexOfPrefix(out, "PASS smoke-endpoint");
        assertTrue(up >= 0 && up < logging && logging < smoke, r.out());
        assertTrue(out.get(logging).endsWith("updated 1, already set 0"), r.out());
        assertEquals(logging(true, 1.0, "bq://headway-dev.hw_dev_monitoring.request_response_logging"),
                vertex.endpoints.get(DEV_GRU).getPredictRequestResponseLoggingConfig());
    }

    private static String withLogging(String outputsJson, String entryName, String entryJson) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(outputsJson);
        if (entryName == null) {
            root.set(EndpointLogging.OUTPUT, JSON.readTree(entryJson));
        } else {
            ((ObjectNode) root.get(EndpointLogging.OUTPUT)).set(entryName, JSON.readTree(entryJson));
        }
        return JSON.writeValueAsString(root);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "        | []                                                              | is not a map of endpoint name to logging config",
            "headway-gru | 1                                                          | endpointLogging.headway-gru in ",
            "headway-gru | {\"endpoint\": \"endpoints/1\", \"enabled\": true, \"samplingRate\": 1, \"bigqueryDestination\": \"bq://p.d.t\"} | endpoint must be projects/P/locations/L/endpoints/ID, was endpoints/1",
    })
    void aMalformedOutputIsOneLineExit3AndNothingSent(String entry, String json, String message) throws IOException {
        // the CLI first holds outputs to what the stack declares; the hook still judges what it is handed
        EndpointLogging hook = new EndpointLogging(region -> GoogleClients.forEndpoint(vertex.hostPort(), java.time.Duration.ofSeconds(20)),
                false, new java.io.PrintWriter(new java.io.StringWriter()));
        dev.headway.infra.UserError e = org.junit.jupiter.api.Assertions.assertThrows(dev.headway.infra.UserError.class,
                () -> hook.run(StackOutputs.parse("outputs.json", withLogging(fixture("dev"), entry, json))));
        assertEquals(dev.headway.infra.UserError.ENVIRONMENT, e.exitCode());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith("stack output endpointLogging") && e.getMessage().contains(message), e.getMessage());
        assertEquals(0, vertex.calls("GetEndpoint"));
    }

    @Test
    void theHooksResultsCarryTheNameTheRunnerKnowsItBy() throws IOException {
        EndpointLogging hook = new EndpointLogging(region -> GoogleClients.forEndpoint(vertex.hostPort(), java.time.Duration.ofSeconds(20)),
                false, new java.io.PrintWriter(new java.io.StringWriter()));
        HookResult r = hook.run(StackOutputs.parse("dev", without(fixture("dev"), EndpointLogging.OUTPUT)));
        assertEquals(EndpointLogging.NAME, hook.name());
        assertEquals(hook.name(), r.hook());
    }

    @Test
    void withoutTheOutputNothingIsWanted() throws IOException {
        assertEquals(Map.of(), EndpointLogging.wanted(StackOutputs.parse("dev", without(fixture("dev"), EndpointLogging.OUTPUT))));
    }

    @Test
    void oneClientPerRegionAllClosedWhenTheHookEnds() throws Exception {
        String central = "projects/headway-prod/locations/us-central1/endpoints/1111";
        endpoint(PROD_GRU, null);
        endpoint(PROD_LSTM, logging(true, 0.1, PROD_URI));
        endpoint(central, null);
        String outputs = withLogging(fixture("prod"), "headway-central", "{\"endpoint\": \"" + central
                + "\", \"enabled\": true, \"samplingRate\": 0.1, \"bigqueryDestination\": \"" + PROD_URI + "\"}");
        List<String> regions = new ArrayList<>();
        java.io.StringWriter text = new java.io.StringWriter();
        EndpointLogging hook = new EndpointLogging(region -> {
            regions.add(region);
            return GoogleClients.forEndpoint(vertex.hostPort(), java.time.Duration.ofSeconds(20));
        }, false, new java.io.PrintWriter(text));
        HookResult r = hook.run(StackOutputs.parse("prod", outputs));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertEquals("updated 2, already set 1", r.reason());
        assertEquals(List.of("us-central1", "us-east1"), regions, "each endpoint's region is in its name; one client per region");
        assertTrue(vertex.connectionsClosed(java.time.Duration.ofSeconds(5)), "every client closed");
    }

    @Test
    void aDryRunsRequestsAreOutWhenTheHookReturns() throws Exception {
        endpoint(PROD_GRU, null);
        endpoint(PROD_LSTM, logging(true, 0.1, PROD_URI));
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        EndpointLogging hook = new EndpointLogging(region -> GoogleClients.forEndpoint(vertex.hostPort(), java.time.Duration.ofSeconds(20)),
                true, new java.io.PrintWriter(bytes, false, java.nio.charset.StandardCharsets.UTF_8));
        HookResult r = hook.run(StackOutputs.parse("prod", fixture("prod")));
        assertEquals(HookResult.Status.SKIP, r.status(), r.reason());
        String printed = bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("{\"endpoint\":{\"name\":\"" + PROD_GRU + "\""), "flushed by the hook: " + printed);
    }

    @Test
    void aGetEndpointErrorOtherThanNotFoundFailsNamingTheCallAndUnavailableIsRetried() throws IOException {
        endpoint(PROD_GRU, logging(true, 0.1, PROD_URI));
        endpoint(PROD_LSTM, logging(true, 0.1, PROD_URI));
        vertex.failNext("GetEndpoint", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE);
        CliRun retried = hooks("prod", fixture("prod"));
        assertEquals(0, retried.exit(), retried.out() + retried.err());
        assertTrue(retried.out().contains("updated 0, already set 2"), retried.out());
        assertEquals(3, vertex.calls("GetEndpoint"), "gru: UNAVAILABLE then the endpoint; lstm once");

        vertex.failNext("GetEndpoint", Status.Code.PERMISSION_DENIED, FakeVertex.When.BEFORE);
        CliRun denied = hooks("prod", fixture("prod"));
        assertEquals(1, denied.exit(), denied.out());
        assertTrue(denied.out().contains("updated 0, already set 1, failed 1:")
                && denied.out().contains("headway-gru: GetEndpoint PERMISSION_DENIED: "), denied.out());
        assertEquals(0, vertex.calls("UpdateEndpoint"));
    }

    @Test
    void anUpdateAnsweredWithAnotherConfigFailsSayingWhatCameBack() throws IOException {
        endpoint(PROD_GRU, null);
        endpoint(PROD_LSTM, null);
        vertex.updateAnswer = e -> e.getName().equals(PROD_GRU)
                ? e.toBuilder().setPredictRequestResponseLoggingConfig(logging(true, 0.5, PROD_URI)).build()
                : e.toBuilder().clearPredictRequestResponseLoggingConfig().build();
        CliRun run = hooks("prod", fixture("prod"));
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("updated 0, already set 0, failed 2:"), run.out());
        String wanted = ", wanted enabled=true samplingRate=0.1 destination=" + PROD_URI;
        assertTrue(run.out().contains("headway-gru: UpdateEndpoint answered enabled=true samplingRate=0.5 destination=" + PROD_URI + wanted),
                run.out());
        assertTrue(run.out().contains("headway-lstm: UpdateEndpoint answered enabled=false samplingRate=0.0 destination=none" + wanted),
                run.out());
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
