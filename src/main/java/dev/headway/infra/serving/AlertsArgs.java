package dev.headway.infra.serving;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.ComponentArgs;

import java.util.Map;

/** Inputs of {@link Alerts}: the common ones ({@link ComponentArgs}: user labels) and these. */
public final class AlertsArgs extends ComponentArgs {
    final Settings.Alerts alerts;
    final Map<String, String> endpointIds;
    final Output<String> feedSubscription;
    final Resource monitoringApi;

    private AlertsArgs(Builder b) {
        super(b);
        this.alerts = required(b.alerts, "alerts");
        this.endpointIds = Map.copyOf(b.endpointIds);
        this.feedSubscription = required(b.feedSubscription, "feedSubscription");
        this.monitoringApi = required(b.monitoringApi, "monitoringApi");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Thresholds and the channel from {@code headway:alerts}. */
    public static AlertsArgs from(Settings s, Map<String, String> endpointIds, Output<String> feedSubscription,
                                  Resource monitoringApi) {
        return builder().settings(s, "alerts").alerts(s.alerts()).endpointIds(endpointIds)
                .feedSubscription(feedSubscription).monitoringApi(monitoringApi).build();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private Settings.Alerts alerts;
        private Map<String, String> endpointIds = Map.of();
        private Output<String> feedSubscription;
        private Resource monitoringApi;

        /** Thresholds, and the email channel when {@code notificationEmail} is set. Required. */
        public Builder alerts(Settings.Alerts alerts) {
            this.alerts = alerts;
            return this;
        }

        /** Endpoint name to numeric id; default none (then no endpoint policies are declared). */
        public Builder endpointIds(Map<String, String> endpointIds) {
            this.endpointIds = endpointIds;
            return this;
        }

        /** The subscription Dataflow reads, watched for its oldest unacked message. Required. */
        public Builder feedSubscription(Output<String> subscription) {
            this.feedSubscription = subscription;
            return this;
        }

        /** The Cloud Monitoring API's enablement. Required. */
        public Builder monitoringApi(Resource api) {
            this.monitoringApi = api;
            return this;
        }

        public AlertsArgs build() {
            return new AlertsArgs(this);
        }
    }
}
