package dev.headway.infra.serving;

import com.pulumi.core.Output;
import com.pulumi.gcp.monitoring.AlertPolicy;
import com.pulumi.gcp.monitoring.AlertPolicyArgs;
import com.pulumi.gcp.monitoring.NotificationChannel;
import com.pulumi.gcp.monitoring.NotificationChannelArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyAlertStrategyArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdDenominatorAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyDocumentationArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.config.Settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Cloud Monitoring alert policies for the serving path and the feed, sent to an email channel when
 * {@code headway:alerts.notificationEmail} is set: endpoint error rate and p99 latency (on this
 * stack's endpoints), Dataflow system lag (on this stack's jobs) and the feed subscription's
 * oldest unacked message.
 */
public final class Alerts extends ComponentResource {
    private static final String BY_ENDPOINT = "resource.label.endpoint_id";
    private static final String ENDPOINT = "resource.type = \"aiplatform.googleapis.com/Endpoint\"";
    private final Optional<NotificationChannel> channel;
    private final CustomResourceOptions options;
    private final AlertsArgs a;

    public Alerts(String name, AlertsArgs a, ComponentResourceOptions opts) {
        super("headway:serving:Alerts", name, opts);
        this.a = a;
        this.options = CustomResourceOptions.builder().parent(this).dependsOn(a.monitoringApi).build();
        this.channel = a.alerts.notificationEmail().map(email -> new NotificationChannel(a.names.of("alerts-email"),
                NotificationChannelArgs.builder()
                        .project(a.project)
                        .type("email")
                        .displayName("Headway " + a.names.env() + " on-call")
                        .description("Where Headway " + a.names.env() + " alerts go")
                        .labels(Map.of("email_address", email))
                        .userLabels(a.labels)
                        .build(), options));
        Settings.Alerts s = a.alerts;
        if (!a.endpointIds.isEmpty()) {
            String ids = a.endpointIds.values().stream().sorted().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
            String mine = " AND resource.label.endpoint_id = one_of(" + ids + ")";
            policy("endpoint-error-rate", "Endpoint error rate above " + s.endpointErrorRate(),
                    "Share of failed online predictions on a Headway endpoint over 5 minutes is above "
                            + s.endpointErrorRate() + ". Check the deployed model's container logs and recent deployments.",
                    Output.of(threshold(ENDPOINT + " AND metric.type = \"aiplatform.googleapis.com/prediction/online/error_count\"" + mine,
                            "ALIGN_RATE", "REDUCE_SUM", s.endpointErrorRate(), BY_ENDPOINT)
                            .denominatorFilter(ENDPOINT + " AND metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_count\"" + mine)
                            .denominatorAggregations(AlertPolicyConditionConditionThresholdDenominatorAggregationArgs.builder()
                                    .alignmentPeriod("60s").perSeriesAligner("ALIGN_RATE").crossSeriesReducer("REDUCE_SUM")
                                    .groupByFields(BY_ENDPOINT).build())
                            .build()));
            policy("endpoint-latency", "Endpoint p99 latency above " + s.endpointLatencyMs() + " ms",
                    "The 99th percentile of online prediction latency on a Headway endpoint is above "
                            + s.endpointLatencyMs() + " ms for 5 minutes. Check replica count and autoscaling.",
                    Output.of(threshold(ENDPOINT + " AND metric.type = \"aiplatform.googleapis.com/prediction/online/prediction_latencies\"" + mine,
                            "ALIGN_PERCENTILE_99", "REDUCE_MAX", s.endpointLatencyMs(), BY_ENDPOINT).build()));
        }
        policy("dataflow-lag", "Dataflow system lag above " + s.dataflowLagSeconds() + " s",
                "The streaming ingestion job is falling behind: system lag above " + s.dataflowLagSeconds()
                        + " s. Check worker count, errors in the job's logs and BigQuery write quota.",
                Output.of(threshold("resource.type = \"dataflow_job\" AND metric.type = \"dataflow.googleapis.com/job/system_lag\""
                        + " AND resource.label.job_name = starts_with(\"hw-" + a.names.env() + "-\")",
                        "ALIGN_MAX", "REDUCE_MAX", s.dataflowLagSeconds(), "resource.label.job_name").build()));
        policy("oldest-unacked", "Feed oldest unacked message above " + s.oldestUnackedSeconds() + " s",
                "Messages on the feed subscription wait more than " + s.oldestUnackedSeconds()
                        + " s: the Dataflow job is not consuming. Check that it runs and its dead-letter topic.",
                a.feedSubscription.applyValue(sub -> threshold("resource.type = \"pubsub_subscription\""
                        + " AND metric.type = \"pubsub.googleapis.com/subscription/oldest_unacked_message_age\""
                        + " AND resource.label.subscription_id = \"" + sub + "\"",
                        "ALIGN_MAX", "REDUCE_MAX", s.oldestUnackedSeconds(), "resource.label.subscription_id").build()));
        registerOutputs(Map.of("channel", channel.map(NotificationChannel::name).orElse(Output.of(""))));
    }

    private static AlertPolicyConditionConditionThresholdArgs.Builder threshold(String filter, String aligner,
                                                                                 String reducer, double value, String groupBy) {
        return AlertPolicyConditionConditionThresholdArgs.builder()
                .filter(filter)
                .comparison("COMPARISON_GT")
                .thresholdValue(value)
                .duration("300s")
                .aggregations(AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                        .alignmentPeriod("60s").perSeriesAligner(aligner).crossSeriesReducer(reducer)
                        .groupByFields(groupBy).build());
    }

    private void policy(String purpose, String title, String doc, Output<AlertPolicyConditionConditionThresholdArgs> condition) {
        String policyName = a.names.of(purpose);
        AlertPolicyArgs.Builder b = AlertPolicyArgs.builder()
                .project(a.project)
                .displayName("Headway " + a.names.env() + ": " + title)
                .combiner("OR")
                .conditions(condition.applyValue(c -> List.of(AlertPolicyConditionArgs.builder()
                        .displayName(title).conditionThreshold(c).build())))
                .documentation(AlertPolicyDocumentationArgs.builder().mimeType("text/markdown").content(doc).build())
                .alertStrategy(AlertPolicyAlertStrategyArgs.builder().autoClose("1800s").build())
                .userLabels(a.labels);
        channel.ifPresent(c -> b.notificationChannels(c.name().applyValue(List::of)));
        new AlertPolicy(policyName, b.build(), options);
    }
}
