package dev.headway.infra.serving;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertsTest {
    static final String POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";

    @Test
    void prodHasFourPoliciesWithConfiguredThresholdsSentToTheEmailChannel() {
        Plan plan = Synth.stack("prod");
        PlannedResource channel = plan.get("gcp:monitoring/notificationChannel:NotificationChannel", "hw-prod-alerts-email");
        assertEquals("email", channel.input("type").asText());
        assertEquals("mlops-oncall@headway.dev", channel.input("labels.email_address").asText());
        assertEquals(4, plan.ofType(POLICY).size());
        Map<String, Double> thresholds = Map.of("hw-prod-endpoint-error-rate", 0.02, "hw-prod-endpoint-latency", 300.0,
                "hw-prod-dataflow-lag", 300.0, "hw-prod-oldest-unacked", 600.0);
        String monitoring = plan.get("gcp:projects/service:Service", "api-monitoring").urn();
        thresholds.forEach((name, value) -> {
            PlannedResource p = plan.get(POLICY, name);
            assertEquals(value, p.input("conditions[0].conditionThreshold.thresholdValue").asDouble(), name);
            assertEquals(channel.urn(), p.propertyDependencies().get("notificationChannels").get(0), name);
            assertTrue(p.input("documentation.content").asText().length() > 40, name);
            assertEquals("prod", p.input("userLabels.env").asText());
            assertTrue(p.dependsOn().contains(monitoring), name);
        });
        PlannedResource latency = plan.get(POLICY, "hw-prod-endpoint-latency");
        assertEquals("ALIGN_PERCENTILE_99", latency.input("conditions[0].conditionThreshold.aggregations[0].perSeriesAligner").asText());
        String filter = latency.input("conditions[0].conditionThreshold.filter").asText();
        for (String id : EndpointIds.of("headway-prod", "prod", java.util.List.of("headway-gru", "headway-lstm")).values()) {
            assertTrue(filter.contains("\"" + id + "\""), filter);
        }
        PlannedResource errors = plan.get(POLICY, "hw-prod-endpoint-error-rate");
        assertTrue(errors.input("conditions[0].conditionThreshold.denominatorFilter").asText().contains("prediction_count"));
        assertTrue(plan.get(POLICY, "hw-prod-oldest-unacked").input("conditions[0].conditionThreshold.filter").asText()
                .contains("resource.label.subscription_id = \"hw-prod-feed-dataflow\""));
        assertTrue(plan.get(POLICY, "hw-prod-dataflow-lag").input("conditions[0].conditionThreshold.filter").asText()
                .contains("dataflow.googleapis.com/job/system_lag"));
    }

    @Test
    void withoutEmailOrEndpointsThereIsNoChannelAndNoEndpointPolicies() {
        Plan plan = Synth.stack("dev", Map.of(
                "headway:alerts", "{\"endpointErrorRate\": 0.1}",
                "headway:serving", "{\"firestoreLocation\": \"nam5\"}"));
        assertTrue(plan.ofType("gcp:monitoring/notificationChannel:NotificationChannel").isEmpty());
        assertEquals(2, plan.ofType(POLICY).size());
        assertTrue(plan.get(POLICY, "hw-dev-dataflow-lag").input("notificationChannels").isMissingNode());
    }
}
