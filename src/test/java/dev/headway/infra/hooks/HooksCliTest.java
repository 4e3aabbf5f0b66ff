package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.DeployedModel;
import com.google.cloud.aiplatform.v1.Endpoint;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hooks command's exit codes, lines and report, through HeadwayCli.run. */
class HooksCliTest {
    FakeVertex vertex;

    @BeforeEach
    void start() throws IOException {
        vertex = FakeVertex.start();
        vertex.endpoints.put(SmokeEndpointTest.GRU, Endpoint.newBuilder().setName(SmokeEndpointTest.GRU)
                .addDeployedModels(DeployedModel.newBuilder().setId("1234")).build());
    }

    @AfterEach
    void stop() {
        vertex.close();
    }

    private CliRun hooks(Path outputs, String... extra) {
        var args = new java.util.ArrayList<>(java.util.List.of("hooks", "dev", "--outputs", outputs.toString(),
                "--only", "smoke-endpoint,submit-pipeline", "--vertex-endpoint", vertex.hostPort(), "--timeout", "20",
                "--template", PipelineSpecTest.TWO_STEP.toString()));
        args.addAll(java.util.List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void allPassExits0WithOneLinePerHookAndAJsonReport() throws IOException {
        Path report = Files.createTempDirectory("report").resolve("ci/hooks.json");
        CliRun run = hooks(CliRun.outputsFile(CliRun.DEV_OUTPUTS), "--report", report.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(2, run.out().lines().count(), run.out());
        assertTrue(run.out().lines().toList().get(0).startsWith("PASS smoke-endpoint"), run.out());
        assertTrue(run.out().lines().toList().get(1).startsWith("PASS submit-pipeline"), run.out());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("dev", json.path("stack").asText());
        assertEquals("smoke-endpoint", json.path("hooks").path(0).path("hook").asText());
        assertEquals("pass", json.path("hooks").path(1).path("status").asText());
        assertEquals(2, json.path("summary").path("pass").asInt());
        assertEquals(0, json.path("summary").path("exitCode").asInt());
    }

    @Test
    void anyFailureExits1AndIsInTheReport() throws IOException {
        vertex.endpoints.clear();
        Path report = Files.createTempFile("hooks", ".json");
        CliRun run = hooks(CliRun.outputsFile(CliRun.DEV_OUTPUTS), "--report", report.toString());
        assertEquals(1, run.exit(), run.out());
        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertEquals("fail", json.path("hooks").path(0).path("status").asText());
        assertEquals(1, json.path("summary").path("exitCode").asInt());
    }

    @Test
    void aMissingOutputsFileExits3WithOneLine() {
        CliRun run = hooks(Path.of("no/such/outputs.json"));
        assertEquals(3, run.exit());
        assertEquals("headway-infra: stack outputs no/such/outputs.json: cannot read (no such file)", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void unreadableOutputsExit3() throws IOException {
        CliRun run = hooks(CliRun.outputsFile("[1, 2"));
        assertEquals(3, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    @Test
    void aMissingRequiredOutputExits3AndNothingIsSent() throws IOException {
        String without = CliRun.DEV_OUTPUTS.replace("\"pipelineServiceAccount\": \"hw-dev-pipelines@headway-dev.iam.gserviceaccount.com\",", "");
        CliRun run = hooks(CliRun.outputsFile(without));
        assertEquals(3, run.exit(), run.out());
        assertTrue(run.err().contains("lack pipelineServiceAccount"), run.err());
        assertEquals(0, vertex.calls("GetEndpoint") + vertex.calls("Predict") + vertex.calls("CreatePipelineJob"));
    }

    @Test
    void anUnknownHookIsAUsageError() throws IOException {
        CliRun run = CliRun.of("hooks", "dev", "--outputs", CliRun.outputsFile(CliRun.DEV_OUTPUTS).toString(), "--only", "smoke-everything");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("--only smoke-everything: no such hook"), run.err());
        CliRun flag = CliRun.of("hooks", "dev", "--no-model", "maybe");
        assertEquals(2, flag.exit());
    }

    @Test
    void aPlaintextEndpointIsOnlyUsedForLoopback() {
        assertTrue(GoogleClients.forEndpoint("127.0.0.1:9000", java.time.Duration.ofSeconds(1)).plaintext());
        assertTrue(GoogleClients.forEndpoint("localhost:9000", java.time.Duration.ofSeconds(1)).plaintext());
        assertTrue(GoogleClients.forEndpoint("[::1]:9000", java.time.Duration.ofSeconds(1)).plaintext());
        assertTrue(!GoogleClients.forEndpoint("us-east1-aiplatform.googleapis.com:443", java.time.Duration.ofSeconds(1)).plaintext());
        // neither plaintext nor credentials for other hosts: Application Default Credentials go only to Google (issue 15)
        for (String elsewhere : java.util.List.of("10.0.0.5:443", "evil.example.com:443", "googleapis.com.evil.example:443")) {
            assertThrows(dev.headway.infra.UserError.class, () -> GoogleClients.forEndpoint(elsewhere, java.time.Duration.ofSeconds(1)), elsewhere);
        }
        assertEquals("europe-west4-aiplatform.googleapis.com:443", GoogleClients.vertex("europe-west4", java.util.Optional.empty(),
                java.util.Map.of(), java.time.Duration.ofSeconds(1)).endpoint());
        assertEquals("127.0.0.1:7", GoogleClients.vertex("europe-west4", java.util.Optional.empty(),
                java.util.Map.of(GoogleClients.VERTEX_ENDPOINT_ENV, "127.0.0.1:7"), java.time.Duration.ofSeconds(1)).endpoint());
    }
}
