package dev.headway.infra.hooks;

import com.google.cloud.aiplatform.v1.DeployedModel;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.UndeployModelRequest;
import dev.headway.infra.testing.ChildCli;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import dev.headway.infra.testing.StandInPulumi;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Automation API path over a stack's life: {@code up} twice runs the hooks idempotently, {@code destroy}
 * undeploys what was deployed on the stack's endpoints before the engine runs, and moves the deployment suffix
 * on. The engine is a stand-in {@code pulumi}; Vertex AI is the in-process fake (which refuses what the API refuses).
 */
class DayTwoEngineTest {
    static final String GRU = "projects/headway-dev/locations/us-east1/endpoints/172385842";
    StandInPulumi pulumi;
    Path project;
    FakeVertex vertex;

    @BeforeEach
    void setUp() throws Exception {
        pulumi = StandInPulumi.create(Files.readString(Path.of("src/test/resources/outputs/dev.json")));
        project = Files.createTempDirectory("project");
        for (String f : List.of("Pulumi.yaml", "Pulumi.dev.yaml")) {
            Files.copy(Path.of(f), project.resolve(f));
        }
        vertex = FakeVertex.start();
        vertex.endpoints.put(GRU, Endpoint.newBuilder().setName(GRU)
                .addDeployedModels(DeployedModel.newBuilder().setId("111"))
                .addDeployedModels(DeployedModel.newBuilder().setId("222"))
                .putTrafficSplit("111", 90).putTrafficSplit("222", 10).build());
    }

    @AfterEach
    void tearDown() {
        vertex.close();
    }

    private CliRun cli(String... args) throws Exception {
        return ChildCli.run(project, Map.of("PATH", pulumi.dir() + File.pathSeparator + System.getenv("PATH")), args);
    }

    @Test
    void upTwiceRunsTheHooksIdempotently() throws Exception {
        CliRun first = cli("up", "dev", "--only", "endpoint-logging", "--vertex-endpoint", vertex.hostPort(), "--timeout", "20");
        assertEquals(0, first.exit(), first.out() + first.err());
        assertTrue(first.out().contains("updated 1, already set 0"), first.out());
        CliRun second = cli("up", "dev", "--only", "endpoint-logging", "--vertex-endpoint", vertex.hostPort(), "--timeout", "20");
        assertEquals(0, second.exit(), second.out() + second.err());
        assertTrue(second.out().contains("updated 0, already set 1"), second.out());
        assertEquals(1, vertex.updateRequests.size(), "the second up sends nothing");
        assertEquals(2, pulumi.calls().stream().filter(c -> c.startsWith("up ")).count());
    }

    @Test
    void destroyUndeploysEveryModelFirstThenMovesTheSuffixOn() throws Exception {
        CliRun r = cli("destroy", "dev", "--vertex-endpoint", vertex.hostPort(), "--timeout", "20");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("PASS undeploy-models") && r.out().contains("undeployed 2 model(s) from 1 endpoint(s)"), r.out());
        // the model with traffic goes first, its traffic handed to the one that stays; the last goes with an empty split
        List<UndeployModelRequest> sent = vertex.undeployRequests;
        assertEquals(List.of("111", "222"), sent.stream().map(UndeployModelRequest::getDeployedModelId).toList());
        assertEquals(Map.of("222", 100), sent.get(0).getTrafficSplitMap());
        assertEquals(Map.of(), sent.get(1).getTrafficSplitMap());
        assertEquals(0, vertex.endpoints.get(GRU).getDeployedModelsCount());

        List<String> calls = pulumi.calls();
        int output = calls.indexOf("stack output --json --show-secrets --stack dev --non-interactive");
        int destroy = calls.indexOf("destroy --yes --skip-preview --exec-kind auto.local --non-interactive");
        int config = indexOf(calls, "config set");
        assertTrue(output >= 0 && output < destroy && destroy < config, calls.toString());
        assertTrue(calls.get(config).contains("headway:deploymentSuffix") && calls.get(config).contains(" 1"), calls.get(config));
        assertTrue(r.out().contains("headway:deploymentSuffix (none) -> 1"), r.out());

        // a second destroy finds nothing deployed and sends nothing to Vertex AI
        CliRun again = cli("destroy", "dev", "--vertex-endpoint", vertex.hostPort(), "--timeout", "20");
        assertEquals(0, again.exit(), again.out() + again.err());
        assertEquals(2, vertex.undeployRequests.size());
    }

    @Test
    void aModelThatCannotBeUndeployedStopsTheDestroyBeforeTheEngine() throws Exception {
        vertex.failNext("UndeployModel", Status.Code.FAILED_PRECONDITION, FakeVertex.When.BEFORE);
        CliRun r = cli("destroy", "dev", "--vertex-endpoint", vertex.hostPort(), "--timeout", "20");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL undeploy-models"), r.out());
        assertEquals(1, r.err().lines().filter(l -> !l.startsWith("SLF4J")).count(), r.err());
        assertTrue(r.err().contains("not started, a model is still deployed"), r.err());
        assertFalse(pulumi.calls().stream().anyMatch(c -> c.startsWith("destroy")), pulumi.calls().toString());
    }

    @Test
    void theFakeRefusesToUndeployAModelThatStillHasTraffic() throws Exception {
        var g = GoogleClients.forEndpoint(vertex.hostPort(), java.time.Duration.ofSeconds(10));
        try (var client = com.google.cloud.aiplatform.v1.EndpointServiceClient.create(UndeployModels.settings(g))) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> client.undeployModelAsync(UndeployModelRequest.newBuilder().setEndpoint(GRU).setDeployedModelId("111").build()).get());
            assertTrue(e.getCause().getMessage().contains("FAILED_PRECONDITION"), e.getCause().getMessage());
        }
    }

    private static int indexOf(List<String> calls, String prefix) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
