package dev.headway.infra.hooks;

import com.google.cloud.aiplatform.v1.DeployedModel;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.UndeployModelRequest;
import dev.headway.infra.testing.FakeVertex;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code undeploy-models} against the fake Vertex AI, which refuses what Vertex refuses (a model with traffic,
 * a split naming a model that goes): every model goes, a rerun sends nothing, a failure is named.
 */
class UndeployModelsTest {
    private static final String GRU = "projects/headway-dev/locations/us-east1/endpoints/1001";
    private static final String LSTM = "projects/headway-dev/locations/us-east1/endpoints/1002";

    private FakeVertex vertex;
    private final List<String> regions = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        vertex = FakeVertex.start();
    }

    @AfterEach
    void stop() {
        vertex.close();
    }

    private HookResult run(String outputs) {
        UndeployModels hook = new UndeployModels(region -> {
            regions.add(region);
            return GoogleClients.forEndpoint(vertex.hostPort(), Duration.ofSeconds(10));
        });
        return hook.run(StackOutputs.parse("outputs.json", outputs));
    }

    private static String endpoints(String... nameAndResource) {
        StringBuilder b = new StringBuilder("{\"endpoints\": {");
        for (int i = 0; i < nameAndResource.length; i += 2) {
            b.append(i == 0 ? "" : ", ").append('"').append(nameAndResource[i]).append("\": \"").append(nameAndResource[i + 1]).append('"');
        }
        return b.append("}}").toString();
    }

    private void deploy(String endpoint, Map<String, Integer> split) {
        Endpoint.Builder e = Endpoint.newBuilder().setName(endpoint);
        split.keySet().stream().sorted().forEach(id -> e.addDeployedModels(DeployedModel.newBuilder().setId(id)));
        vertex.endpoints.put(endpoint, e.putAllTrafficSplit(split).build());
    }

    @Test
    void everyModelIsUndeployedEachGivingItsTrafficToTheNextAndARerunSendsNothing() {
        deploy(GRU, Map.of("111", 90, "222", 10));
        deploy(LSTM, Map.of("333", 100));
        HookResult r = run(endpoints("headway-gru", GRU, "headway-lstm", LSTM));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertEquals("undeployed 3 model(s) from 2 endpoint(s)", r.reason());
        assertEquals(List.of("us-east1", "us-east1"), regions, "each endpoint's client is for its own region");
        assertEquals(List.of(
                UndeployModelRequest.newBuilder().setEndpoint(GRU).setDeployedModelId("111").putTrafficSplit("222", 100).build(),
                UndeployModelRequest.newBuilder().setEndpoint(GRU).setDeployedModelId("222").build(),
                UndeployModelRequest.newBuilder().setEndpoint(LSTM).setDeployedModelId("333").build()), vertex.undeployRequests);
        assertEquals(0, vertex.endpoints.get(GRU).getDeployedModelsCount());

        HookResult again = run(endpoints("headway-gru", GRU, "headway-lstm", LSTM));
        assertEquals("undeployed 0 model(s) from 2 endpoint(s)", again.reason());
        assertEquals(HookResult.Status.PASS, again.status());
        assertEquals(3, vertex.undeployRequests.size(), "nothing more sent");
    }

    @Test
    void aTransientErrorIsRetried() {
        deploy(GRU, Map.of("111", 100));
        vertex.failNext("GetEndpoint", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE);
        HookResult r = run(endpoints("headway-gru", GRU));
        assertEquals("undeployed 1 model(s) from 1 endpoint(s)", r.reason());
        assertEquals(2, vertex.calls("GetEndpoint"));
    }

    @Test
    void aStackWithoutEndpointsIsSkipped() {
        assertEquals("undeploy-models", new UndeployModels(region -> null).name(), "its name for --only and the report");
        assertEquals(HookResult.skip("undeploy-models", "the stack has no endpoints", Duration.ZERO).reason(), run("{}").reason());
        assertEquals(HookResult.Status.SKIP, run("{\"endpoints\": {}}").status());
        assertEquals(List.of(), regions);
    }

    @Test
    void anEndpointThatIsAlreadyGoneIsNothingToUndeploy() {
        HookResult r = run(endpoints("headway-gru", GRU));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertEquals("undeployed 0 model(s) from 1 endpoint(s)", r.reason());
    }

    @Test
    void aValueThatIsNotAnEndpointResourceNameFailsAndTheOthersStillGo() {
        deploy(GRU, Map.of("111", 100));
        HookResult r = run(endpoints("headway-gru", GRU, "headway-x", "projects/p/endpoints/1"));
        assertEquals(HookResult.Status.FAIL, r.status());
        assertEquals("undeployed 1 model(s) from 2 endpoint(s), failed 1:\n    headway-x: not an endpoint resource name: projects/p/endpoints/1",
                r.reason());
        assertEquals(List.of("us-east1"), regions);
    }

    @Test
    void anEndpointThatCannotBeReadIsAFailureNamingTheCall() {
        deploy(GRU, Map.of("111", 100));
        vertex.failNext("GetEndpoint", Status.Code.PERMISSION_DENIED, FakeVertex.When.BEFORE);
        HookResult r = run(endpoints("headway-gru", GRU));
        assertEquals(HookResult.Status.FAIL, r.status());
        assertTrue(r.reason().startsWith("undeployed 0 model(s) from 1 endpoint(s), failed 1:\n    headway-gru: GetEndpoint PERMISSION_DENIED: "),
                r.reason());
        assertEquals(0, vertex.undeployRequests.size());
    }

    @Test
    void aRefusedUndeployStopsThatEndpointAndIsNamed() {
        deploy(GRU, Map.of("111", 50, "222", 50));
        vertex.failNext("UndeployModel", Status.Code.FAILED_PRECONDITION, FakeVertex.When.BEFORE);
        HookResult r = run(endpoints("headway-gru", GRU));
        assertEquals(HookResult.Status.FAIL, r.status());
        assertTrue(r.reason().startsWith("undeployed 0 model(s) from 1 endpoint(s), failed 1:\n    headway-gru: UndeployModel 111: "),
                r.reason());
        assertTrue(r.reason().contains("FAILED_PRECONDITION"), r.reason());
        assertEquals(1, r.reason().lines().count() - 1, "one failure line");
        assertEquals(2, vertex.endpoints.get(GRU).getDeployedModelsCount(), "the second model is not tried");
    }

    @Test
    void aRefusalAfterOneUndeployCountsTheOneThatWent() {
        deploy(GRU, Map.of("111", 40, "222", 30, "333", 30));
        vertex.passNext("UndeployModel").failNext("UndeployModel", Status.Code.FAILED_PRECONDITION, FakeVertex.When.BEFORE);
        HookResult r = run(endpoints("headway-gru", GRU));
        assertEquals(HookResult.Status.FAIL, r.status());
        assertTrue(r.reason().startsWith("undeployed 1 model(s) from 1 endpoint(s), failed 1:\n    headway-gru: UndeployModel 222: "),
                r.reason());
        assertEquals(2, vertex.endpoints.get(GRU).getDeployedModelsCount(), "222 and 333 stay");
    }
}
