package dev.headway.infra.hooks;

import com.google.cloud.aiplatform.v1.DeployedModel;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.PredictResponse;
import com.google.protobuf.Value;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SmokeEndpointTest {
    static final String GRU = "projects/headway-dev/locations/us-east1/endpoints/1001";
    FakeVertex vertex;
    Path outputs;

    @BeforeEach
    void start() throws IOException {
        vertex = FakeVertex.start();
        outputs = CliRun.outputsFile(CliRun.DEV_OUTPUTS);
    }

    @AfterEach
    void stop() {
        vertex.close();
    }

    private void deployed(boolean withModel) {
        Endpoint.Builder e = Endpoint.newBuilder().setName(GRU).setDisplayName("headway-gru");
        if (withModel) {
            e.addDeployedModels(DeployedModel.newBuilder().setId("1234").setModel("projects/headway-dev/locations/us-east1/models/9"));
        }
        vertex.endpoints.put(GRU, e.build());
    }

    private CliRun smoke(String... extra) {
        List<String> args = new ArrayList<>(List.of("hooks", "dev", "--only", "smoke-endpoint", "--outputs", outputs.toString(),
                "--vertex-endpoint", vertex.hostPort(), "--timeout", "20"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aDeployedModelAnswersOnePredictionPerInstance() throws IOException {
        deployed(true);
        Path instances = Files.createTempFile("instances", ".json");
        Files.writeString(instances, "{\"instances\": [{\"recent_headways_s\": [300, 310]}, {\"recent_headways_s\": [600]}]}");
        vertex.failNext("GetEndpoint", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE);
        vertex.failNext("Predict", Status.Code.DEADLINE_EXCEEDED, FakeVertex.When.BEFORE);
        CliRun run = smoke("--instances", instances.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("PASS smoke-endpoint") && run.out().contains("s  headway-gru 2 predictions in "), run.out());
        try {
            assertTrue(vertex.connectionsClosed(java.time.Duration.ofSeconds(5)), "both clients closed");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertEquals(2, vertex.calls("GetEndpoint"), "UNAVAILABLE retried");
        assertEquals(2, vertex.calls("Predict"), "DEADLINE_EXCEEDED retried");
        var sent = vertex.predictRequests.get(vertex.predictRequests.size() - 1);
        assertEquals(GRU, sent.getEndpoint());
        assertEquals(2, sent.getInstancesCount());
        assertEquals(600.0, sent.getInstances(1).getStructValue().getFieldsOrThrow("recent_headways_s")
                .getListValue().getValues(0).getNumberValue());
    }

    @Test
    void aWrongNumberOfPredictionsFails() {
        deployed(true);
        vertex.predictor = req -> PredictResponse.newBuilder().build();
        CliRun run = smoke();
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("answered 0 predictions for 1 instances"), run.out());
    }

    @Test
    void anAnswerOverTheLatencyBudgetFails() {
        deployed(true);
        CliRun run = smoke("--latency-budget-ms", "0"); // no answer comes back in 0 ms
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("budget 0 ms"), run.out());
    }

    @Test
    void anEndpointWithoutModelIsASkipOrAFailureAsConfigured() {
        deployed(false);
        CliRun skip = smoke();
        assertEquals(0, skip.exit(), skip.out());
        assertTrue(skip.out().contains("SKIP smoke-endpoint") && skip.out().contains("no deployed model"), skip.out());
        CliRun fail = smoke("--no-model", "fail");
        assertEquals(1, fail.exit(), fail.out());
        assertTrue(fail.out().contains("FAIL smoke-endpoint"), fail.out());
        assertEquals(0, vertex.calls("Predict"));
    }

    @Test
    void failedPreconditionFromPredictCountsAsNoModel() {
        deployed(true);
        vertex.failNext("Predict", Status.Code.FAILED_PRECONDITION, FakeVertex.When.BEFORE);
        CliRun skip = smoke();
        assertEquals(0, skip.exit(), skip.out());
        assertTrue(skip.out().contains("FAILED_PRECONDITION"), skip.out());
        assertEquals(1, vertex.calls("Predict"), "FAILED_PRECONDITION is not retried");
    }

    @Test
    void aMissingEndpointFails() {
        CliRun run = smoke();
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("headway-gru NOT_FOUND"), run.out());
    }

    @Test
    void badInstancesAreAUsageError() throws IOException {
        Path instances = Files.createTempFile("instances", ".json");
        Files.writeString(instances, "[]");
        deployed(true);
        CliRun run = smoke("--instances", instances.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--instances"), run.err());
    }

    @Test
    void aStackWithoutEndpointsIsASkipAndSendsNothing() throws IOException {
        outputs = CliRun.outputsFile(CliRun.DEV_OUTPUTS.replaceFirst("\"endpoints\": \\{[^}]*}", "\"endpoints\": {}"));
        CliRun run = smoke();
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("SKIP smoke-endpoint") && run.out().contains("the stack has no endpoints"), run.out());
        assertEquals(0, vertex.calls("GetEndpoint") + vertex.calls("Predict"));
    }

    @Test
    void theHooksResultsCarryTheNameTheRunnerKnowsItBy() {
        SmokeEndpoint hook = new SmokeEndpoint(new SmokeEndpoint.Options(java.util.Optional.empty(), java.time.Duration.ofSeconds(5),
                SmokeEndpoint.NoModel.skip), region -> GoogleClients.forEndpoint(vertex.hostPort(), java.time.Duration.ofSeconds(20)));
        HookResult r = hook.run(StackOutputs.parse("dev", "{\"region\": \"us-east1\", \"endpoints\": {}}"));
        assertEquals(SmokeEndpoint.NAME, hook.name());
        assertEquals(hook.name(), r.hook());
    }
}
