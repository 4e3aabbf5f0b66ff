package dev.headway.infra.hooks;

import com.google.cloud.aiplatform.v1.DeployedModel;
import com.google.cloud.aiplatform.v1.Endpoint;
import dev.headway.infra.testing.ChildCli;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import dev.headway.infra.testing.StandInPulumi;
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
 * preview/up/destroy/refresh through the real Automation API classes, in a child JVM whose PATH starts with
 * a stand-in {@code pulumi} (the SDK runs "pulumi" from PATH and has no option for another path).
 */
class EngineCommandsTest {
    StandInPulumi pulumi;
    Path project;
    FakeVertex vertex;

    record Result(int exit, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        pulumi = StandInPulumi.create(CliRun.DEV_OUTPUTS);
        project = Files.createTempDirectory("project");
        for (String f : List.of("Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml")) {
            Files.copy(Path.of(f), project.resolve(f));
        }
        Files.copy(Path.of("Pulumi.prod.yaml"), project.resolve("Pulumi.live.yaml")); // a prod stack by config, not by name
        vertex = FakeVertex.start();
        vertex.endpoints.put(SmokeEndpointTest.GRU, Endpoint.newBuilder().setName(SmokeEndpointTest.GRU)
                .addDeployedModels(DeployedModel.newBuilder().setId("1234")).build());
    }

    @AfterEach
    void tearDown() {
        vertex.close();
    }

    private Result cliWithPath(String path, String... args) throws Exception {
        CliRun r = ChildCli.run(project, Map.of("PATH", path), args);
        return new Result(r.exit(), r.out(), r.err());
    }

    private Result cli(String... args) throws Exception {
        return cliWithPath(pulumi.dir() + File.pathSeparator + System.getenv("PATH"), args);
    }

    private String[] hookArgs(String... first) {
        List<String> a = new ArrayList<>(List.of(first));
        a.addAll(List.of("--only", "smoke-endpoint,submit-pipeline", "--vertex-endpoint", vertex.hostPort(),
                "--template", PipelineSpecTest.TWO_STEP.toAbsolutePath().toString(), "--timeout", "20"));
        return a.toArray(String[]::new);
    }

    @Test
    void upUpdatesThroughTheAutomationApiThenRunsTheHooksOnTheStacksOutputs() throws Exception {
        Result r = cli(hookArgs("up", "dev"));
        assertEquals(0, r.exit(), r.out() + r.err());
        List<String> calls = pulumi.calls();
        assertEquals("version", calls.get(0));
        assertTrue(calls.contains("stack select --stack dev --non-interactive"), calls.toString());
        assertTrue(calls.contains("up --yes --skip-preview --exec-kind auto.local --non-interactive"), calls.toString());
        assertTrue(calls.indexOf("up --yes --skip-preview --exec-kind auto.local --non-interactive")
                < calls.lastIndexOf("stack output --json --show-secrets --stack dev --non-interactive"), calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.startsWith("stack history --json")),
                "the SDK cannot decode the endpoints map output; success is read from the stack history: " + calls);
        assertTrue(r.out().contains("Resources: 3 created, 40 unchanged"), "engine output streamed: " + r.out());
        assertTrue(r.out().contains("up dev: succeeded"), r.out());
        assertTrue(r.out().contains("PASS smoke-endpoint"), r.out());
        assertTrue(r.out().contains("PASS submit-pipeline"), r.out());
        assertEquals(1, vertex.jobs.size());
        assertTrue(vertex.jobs.keySet().iterator().next().startsWith("projects/headway-dev/locations/us-east1/pipelineJobs/simple-two-step-pipeline-"),
                "the job went to the project and region of the stack's outputs: " + vertex.jobs.keySet());
    }

    @Test
    void aFailedUpRunsNoHooksAndExits1() throws Exception {
        pulumi.fail("up");
        Result r = cli(hookArgs("up", "dev"));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("up dev failed") && r.err().contains("permission denied"), r.err());
        assertEquals(0, vertex.calls("GetEndpoint") + vertex.calls("CreatePipelineJob"));
        assertTrue(pulumi.calls().stream().noneMatch(c -> c.startsWith("stack output")), pulumi.calls().toString());
    }

    @Test
    void previewPrintsTheSummaryFromTheEngineEvents() throws Exception {
        Result r = cli("preview", "dev");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("preview dev: {CREATE=2, SAME=41}") || r.out().contains("preview dev: {SAME=41, CREATE=2}"), r.out());
        assertTrue(pulumi.calls().stream().anyMatch(c -> c.startsWith("preview --exec-kind auto.local --non-interactive --event-log ")),
                pulumi.calls().toString());
    }

    @Test
    void destroyOfAProdStackNeedsConfirmationAndTouchesNothingWithout() throws Exception {
        for (String stack : List.of("prod", "live")) {
            Result r = cli("destroy", stack);
            assertEquals(2, r.exit(), r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("--confirm " + stack), r.err());
            Result wrong = cli("destroy", stack, "--confirm", "dev");
            assertEquals(2, wrong.exit());
        }
        assertEquals(List.of(), pulumi.calls(), "refused before any pulumi call");
        Result ok = cli("destroy", "prod", "--confirm", "prod", "--vertex-endpoint", vertex.hostPort());
        assertEquals(0, ok.exit(), ok.out() + ok.err());
        assertTrue(pulumi.calls().contains("destroy --yes --skip-preview --exec-kind auto.local --non-interactive"), pulumi.calls().toString());
        assertTrue(ok.out().contains("destroy prod: SUCCEEDED"), ok.out());
    }

    @Test
    void devDestroyAndRefreshNeedNoConfirmation() throws Exception {
        Result d = cli("destroy", "dev", "--vertex-endpoint", vertex.hostPort());
        assertEquals(0, d.exit(), d.out() + d.err());
        Result r = cli("refresh", "dev");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(pulumi.calls().contains("refresh --yes --skip-preview --exec-kind auto.local --non-interactive"), pulumi.calls().toString());
    }

    @Test
    void withoutPulumiOnPathEveryEngineCommandExits3WithOneLine() throws Exception {
        for (String command : List.of("preview", "up", "refresh")) {
            Result r = cliWithPath(project.resolve("empty-bin").toString(), command, "dev");
            assertEquals(3, r.exit(), command + ": " + r.out() + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().contains("pulumi: the Pulumi CLI is not on PATH"), r.err());
        }
    }

    @Test
    void hooksWithoutAnOutputsFileReadThemFromTheStack() throws Exception {
        Result r = cli(hookArgs("hooks", "dev"));
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(pulumi.calls().contains("stack output --json --show-secrets --stack dev --non-interactive"), pulumi.calls().toString());
        assertTrue(r.out().contains("PASS smoke-endpoint"), r.out());
    }
}
