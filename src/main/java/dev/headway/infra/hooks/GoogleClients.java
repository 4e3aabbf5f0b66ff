package dev.headway.infra.hooks;

import com.google.api.gax.core.CredentialsProvider;
import com.google.api.gax.core.GoogleCredentialsProvider;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.TransportChannelProvider;
import com.google.api.gax.rpc.UnaryCallSettings;
import dev.headway.infra.UserError;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the hooks reach Google APIs, one code path for production and tests: the default regional endpoint,
 * or an override ({@code host:port}, from {@code --vertex-endpoint} or {@code HEADWAY_VERTEX_ENDPOINT});
 * plaintext and no credentials only for a loopback host (an emulator or local fake), TLS and Application
 * Default Credentials otherwise. Transient errors are retried by the clients' own RetrySettings.
 */
public final class GoogleClients {
    /** Environment variable that overrides the Vertex AI endpoint ({@code host:port}). */
    public static final String VERTEX_ENDPOINT_ENV = "HEADWAY_VERTEX_ENDPOINT";
    /** The status codes retried for every call the hooks make. */
    public static final List<StatusCode.Code> TRANSIENT = List.of(StatusCode.Code.UNAVAILABLE, StatusCode.Code.DEADLINE_EXCEEDED);
    private static final List<String> CLOUD_PLATFORM = List.of("https://www.googleapis.com/auth/cloud-platform");

    private final String endpoint;
    private final boolean plaintext;
    private final Duration totalTimeout;

    private GoogleClients(String endpoint, boolean plaintext, Duration totalTimeout) {
        this.endpoint = endpoint;
        this.plaintext = plaintext;
        this.totalTimeout = totalTimeout;
    }

    /**
     * Vertex AI in {@code region}: {@code override} (a flag) first, then {@code HEADWAY_VERTEX_ENDPOINT} in
     * {@code env}, then {@code <region>-aiplatform.googleapis.com:443}.
     */
    public static GoogleClients vertex(String region, Optional<String> override, Map<String, String> env, Duration totalTimeout) {
        String chosen = override.filter(s -> !s.isBlank())
                .or(() -> Optional.ofNullable(env.get(VERTEX_ENDPOINT_ENV)).filter(s -> !s.isBlank()))
                .orElse(region + "-aiplatform.googleapis.com:443");
        return forEndpoint(chosen, totalTimeout);
    }

    /** An explicit {@code host:port}; plaintext when the host is a loopback address. */
    public static GoogleClients forEndpoint(String hostPort, Duration totalTimeout) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1 || !hostPort.substring(colon + 1).chars().allMatch(Character::isDigit)) {
            throw new UserError(UserError.USAGE, "endpoint \"" + hostPort + "\": expected host:port");
        }
        return new GoogleClients(hostPort, isLoopback(hostPort.substring(0, colon)), totalTimeout);
    }

    /** Pub/Sub: {@code PUBSUB_EMULATOR_HOST} when set (the emulator: plaintext, no credentials), else the real service. */
    public static GoogleClients pubsub(Map<String, String> env, Duration totalTimeout) {
        String emulator = env.get("PUBSUB_EMULATOR_HOST");
        if (emulator != null && !emulator.isBlank()) {
            GoogleClients parsed = forEndpoint(emulator.trim(), totalTimeout);
            return new GoogleClients(parsed.endpoint, true, totalTimeout);
        }
        return new GoogleClients("pubsub.googleapis.com:443", false, totalTimeout);
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false; // a DNS name other than localhost: never resolved to decide on plaintext
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public String endpoint() {
        return endpoint;
    }

    public boolean plaintext() {
        return plaintext;
    }

    public Duration totalTimeout() {
        return totalTimeout;
    }

    @SuppressWarnings("rawtypes") // gax's channel configurator is declared on the raw ManagedChannelBuilder
    public TransportChannelProvider channel() {
        InstantiatingGrpcChannelProvider.Builder b = InstantiatingGrpcChannelProvider.newBuilder().setEndpoint(endpoint);
        if (plaintext) {
            b.setChannelConfigurator(io.grpc.ManagedChannelBuilder::usePlaintext);
        }
        return b.build();
    }

    public CredentialsProvider credentials() {
        return plaintext ? NoCredentialsProvider.create()
                : GoogleCredentialsProvider.newBuilder().setScopesToApply(CLOUD_PLATFORM).build();
    }

    /** Exponential backoff from 100 ms to 5 s, attempts of at most 30 s, all within the total timeout. */
    public RetrySettings retrySettings() {
        Duration rpc = totalTimeout.compareTo(Duration.ofSeconds(30)) < 0 ? totalTimeout : Duration.ofSeconds(30);
        return RetrySettings.newBuilder()
                .setInitialRetryDelayDuration(Duration.ofMillis(100))
                .setRetryDelayMultiplier(2.0)
                .setMaxRetryDelayDuration(Duration.ofSeconds(5))
                .setInitialRpcTimeoutDuration(rpc)
                .setRpcTimeoutMultiplier(1.0)
                .setMaxRpcTimeoutDuration(rpc)
                .setTotalTimeoutDuration(totalTimeout)
                .build();
    }

    /** Sets the hooks' retry policy on one method's settings builder. */
    public void retry(UnaryCallSettings.Builder<?, ?> method) {
        method.setRetryableCodes(TRANSIENT.toArray(StatusCode.Code[]::new)).setRetrySettings(retrySettings());
    }
}
