package dev.headway.infra.serving;

import com.google.cloud.aiplatform.v1.UpdateEndpointRequest;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EndpointsTest {
    static final String ENDPOINT = "gcp:vertex/aiEndpoint:AiEndpoint";

    @Test
    void twentyEndpointsGetTwentyDistinctValidStableIds() {
        String list = IntStream.range(0, 20)
                .mapToObj(i -> "{\"name\": \"model-" + i + "\", \"description\": \"model " + i + "\", \"samplingRate\": 0.5}")
                .collect(Collectors.joining(",", "[", "]"));
        Map<String, String> config = Map.of("headway:serving", "{\"firestoreLocation\": \"nam5\", \"endpoints\": " + list + "}");
        Plan plan = Synth.stack("prod", config);
        List<PlannedResource> endpoints = plan.ofType(ENDPOINT);
        assertEquals(20, endpoints.size());
        Set<String> ids = new HashSet<>();
        for (PlannedResource e : endpoints) {
            String id = e.input("name").asText();
            assertTrue(EndpointIds.VALID.matcher(id).matches(), id);
            assertTrue(id.length() <= 9 && id.charAt(0) != '0', id);
            ids.add(id);
        }
        assertEquals(20, ids.size());
        assertEquals(20, plan.outputs().get("endpoints").size());
        // Stable: a second synth gives the same ids.
        Set<String> again = Synth.stack("prod", config).ofType(ENDPOINT).stream().map(e -> e.input("name").asText())
                .collect(Collectors.toSet());
        assertEquals(ids, again);
    }

    @Test
    void idsDependOnProjectEnvAndNameButNotOnOrder() {
        String a = EndpointIds.of("headway-prod", "prod", "headway-gru");
        assertEquals(a, EndpointIds.of("headway-prod", "prod", List.of("headway-lstm", "headway-gru")).get("headway-gru"));
        assertTrue(!a.equals(EndpointIds.of("headway-dev", "dev", "headway-gru")));
        assertTrue(!a.equals(EndpointIds.of("headway-prod", "prod", "headway-lstm")));
    }

    @Test
    void collidingIdsStopTheRun() {
        // Birthday search for two names sharing an id in the 9-digit space (about 30k names expected).
        Map<String, String> seen = new HashMap<>();
        List<String> pair = new ArrayList<>();
        for (int i = 0; pair.isEmpty() && i < 2_000_000; i++) {
            String name = "e" + i;
            String other = seen.putIfAbsent(EndpointIds.of("p-project", "dev", name), name);
            if (other != null) {
                pair.add(other);
                pair.add(name);
            }
        }
        assertEquals(2, pair.size(), "a collision exists in a 9-digit space");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> EndpointIds.of("p-project", "dev", pair));
        assertTrue(e.getMessage().contains(pair.get(0)) && e.getMessage().contains(pair.get(1)), e.getMessage());
    }

    @Test
    void endpointsCarryNameDescriptionRegionLabelsAndDependOnVertexApi() {
        Plan plan = Synth.stack("prod");
        PlannedResource gru = plan.get(ENDPOINT, "hw-prod-headway-gru");
        assertEquals("headway-gru", gru.input("displayName").asText());
        assertEquals("GRU headway model", gru.input("description").asText());
        assertEquals("us-east1", gru.input("location").asText());
        assertEquals("serving", gru.input("labels.component").asText());
        assertTrue(gru.dependsOn().contains(plan.get("gcp:projects/service:Service", "api-aiplatform").urn()));
        assertEquals("projects/headway-prod/locations/us-east1/endpoints/" + gru.input("name").asText(),
                plan.outputs().get("endpoints").get("headway-gru").asText());
    }

    @Test
    void requestResponseLoggingGoesToTheMonitoringDatasetAtTheConfiguredRate() {
        Plan plan = Synth.stack("prod");
        var logging = plan.outputs().get("endpointLogging");
        assertEquals(2, logging.size());
        var gru = logging.get("headway-gru");
        assertTrue(gru.get("enabled").asBoolean());
        assertEquals(0.1, gru.get("samplingRate").asDouble());
        assertEquals("bq://headway-prod.hw_prod_monitoring.request_response_logging", gru.get("bigqueryDestination").asText());
        assertEquals(plan.outputs().get("endpoints").get("headway-gru").asText(), gru.get("endpoint").asText());

        Plan dev = Synth.stack("dev");
        assertEquals(1.0, dev.outputs().get("endpointLogging").get("headway-gru").get("samplingRate").asDouble());

        UpdateEndpointRequest request = new RequestResponseLogging(gru.get("endpoint").asText(), true,
                gru.get("samplingRate").asDouble(), gru.get("bigqueryDestination").asText()).updateRequest();
        assertEquals(List.of("predict_request_response_logging_config"), request.getUpdateMask().getPathsList());
        assertEquals(gru.get("endpoint").asText(), request.getEndpoint().getName());
        assertEquals(0.1, request.getEndpoint().getPredictRequestResponseLoggingConfig().getSamplingRate());
        assertEquals("bq://headway-prod.hw_prod_monitoring.request_response_logging",
                request.getEndpoint().getPredictRequestResponseLoggingConfig().getBigqueryDestination().getOutputUri());
    }
}
