package dev.headway.infra.serving;

import com.google.cloud.aiplatform.v1.BigQueryDestination;
import com.google.cloud.aiplatform.v1.Endpoint;
import com.google.cloud.aiplatform.v1.PredictRequestResponseLoggingConfig;
import com.google.cloud.aiplatform.v1.UpdateEndpointRequest;
import com.google.protobuf.FieldMask;

import java.util.Map;
import java.util.TreeMap;

/**
 * An endpoint's request-response logging into BigQuery: a share of requests and responses written
 * to {@code bq://<project>.<monitoring dataset>.request_response_logging}.
 *
 * <p>The pinned provider (pulumi-gcp 7.0.0) has no {@code predictRequestResponseLoggingConfig} on
 * {@code vertex.AiEndpoint} (later provider releases added it), so the stack exports this config
 * ({@code endpointLogging}) and it is applied through the Vertex AI API: {@link #updateRequest}
 * is the {@code EndpointService.UpdateEndpoint} call that sets exactly this field.
 */
public record RequestResponseLogging(String endpoint, boolean enabled, double samplingRate, String outputUri) {
    public static final String TABLE = "request_response_logging";
    public static final String FIELD = "predict_request_response_logging_config";
    private static final String ENDPOINT = "endpoint";
    private static final String ENABLED = "enabled";
    private static final String SAMPLING_RATE = "samplingRate";
    private static final String DESTINATION = "bigqueryDestination";

    public RequestResponseLogging {
        if (samplingRate < 0 || samplingRate > 1) {
            throw new IllegalArgumentException("samplingRate must be within [0, 1], was " + samplingRate);
        }
        if (!outputUri.startsWith("bq://")) {
            throw new IllegalArgumentException("outputUri must be a bq:// URI, was " + outputUri);
        }
    }

    /** {@code bq://<project>.<dataset>.request_response_logging}. */
    public static String outputUri(String project, String dataset) {
        return "bq://" + project + "." + dataset + "." + TABLE;
    }

    /** The UpdateEndpoint request that turns this logging on for {@link #endpoint()} (a full resource name). */
    public UpdateEndpointRequest updateRequest() {
        return UpdateEndpointRequest.newBuilder()
                .setEndpoint(Endpoint.newBuilder()
                        .setName(endpoint)
                        .setPredictRequestResponseLoggingConfig(PredictRequestResponseLoggingConfig.newBuilder()
                                .setEnabled(enabled)
                                .setSamplingRate(samplingRate)
                                .setBigqueryDestination(BigQueryDestination.newBuilder().setOutputUri(outputUri))))
                .setUpdateMask(FieldMask.newBuilder().addPaths(FIELD))
                .build();
    }

    /** As a stack output value. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new TreeMap<>();
        m.put(ENDPOINT, endpoint);
        m.put(ENABLED, enabled);
        m.put(SAMPLING_RATE, samplingRate);
        m.put(DESTINATION, outputUri);
        return m;
    }

    /**
     * The inverse of {@link #toMap}: one entry of the {@code endpointLogging} stack output as read back
     * (a JSON number may come back as an integer). A missing or mistyped field: IllegalArgumentException
     * naming it.
     */
    public static RequestResponseLogging fromMap(Map<String, ?> m) {
        Object rate = m.get(SAMPLING_RATE);
        if (!(rate instanceof Number n)) {
            throw new IllegalArgumentException(SAMPLING_RATE + " must be a number, was " + rate);
        }
        Object enabled = m.get(ENABLED);
        if (!(enabled instanceof Boolean b)) {
            throw new IllegalArgumentException(ENABLED + " must be true or false, was " + enabled);
        }
        return new RequestResponseLogging(text(m, ENDPOINT), b, n.doubleValue(), text(m, DESTINATION));
    }

    private static String text(Map<String, ?> m, String key) {
        if (!(m.get(key) instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(key + " must be a non-empty string, was " + m.get(key));
        }
        return s;
    }
}
