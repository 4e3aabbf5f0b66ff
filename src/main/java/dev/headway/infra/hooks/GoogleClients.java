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
    private final List<io.grpc.ClientInterceptor> interceptors;

    private GoogleClients(String endpoint, boolean plaintext, Duration totalTimeout) {
        this(endpoint, plaintext, totalTimeout, List.of());
    }

    private GoogleClients(String endpoint, boolean plaintext, Duration totalTimeout, List<io.grpc.ClientInterceptor> interceptors) {
        this.endpoint = endpoint;
        this.plaintext = plaintext;
        this.totalTimeout = totalTimeout;
        this.interceptors = List.copyOf(interceptors);
    }

    /** The same connection with a gRPC interceptor on every call (tests inject lost answers with it). */
    public GoogleClients intercepted(io.grpc.ClientInterceptor interceptor) {
        List<io.grpc.ClientInterceptor> all = new java.util.ArrayList<>(interceptors);
        all.add(interceptor);
        return new GoogleClients(endpoint, plaintext, totalTimeout, all);
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

    /**
     * An explicit {@code host:port}: plaintext and no credentials when the host is a loopback address, else TLS
     * and Application Default Credentials, which go only to Google's hosts ({@link #isGoogleHost}).
     */
    public static GoogleClients forEndpoint(String hostPort, Duration totalTimeout) {
        String host = host(hostPort);
        boolean loopback = isLoopback(host);
        if (!loopback && !isGoogleHost(host)) {
            throw new UserError(UserError.USAGE, "endpoint \"" + hostPort + "\": credentials are sent only to *.googleapis.com"
                    + " (or use a loopback host, plaintext and no credentials)");
        }
        return new GoogleClients(hostPort, loopback, totalTimeout);
    }

    private static String host(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1 || hostPort.length() - colon > 6
                || !hostPort.substring(colon + 1).chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(hostPort.substring(colon + 1)) > 65535) {
            throw new UserError(UserError.USAGE, "endpoint \"" + hostPort + "\": expected host:port");
        }
        return hostPort.substring(0, colon);
    }

    /**
     * Hosts that may receive Application Default Credentials: Google's API hosts and Artifact Registry's
     * package hosts ({@code <region>-kfp.pkg.dev}). A look-alike ({@code googleapis.com.evil.example}) is not one.
     */
    public static boolean isGoogleHost(String host) {
        String h = host == null ? "" : host.toLowerCase(java.util.Locale.ROOT);
        return h.matches("([a-z0-9-]+\\.)+(googleapis\\.com|pkg\\.dev)");
    }

    /**
     * A URL override ({@code --bigquery-endpoint}, {@code --registry-url}, a redirect): {@code https} to a Google
     * host (credentials sent), or {@code http} to a loopback host (none sent). Returns whether it is loopback;
     * anything else, a malformed URL included, is a usage error naming {@code what}.
     */
    public static boolean checkUrl(String what, String url) {
        java.net.URI uri;
        try {
            uri = new java.net.URI(url);
        } catch (java.net.URISyntaxException e) {
            throw new UserError(UserError.USAGE, what + " \"" + url + "\": not a URL (" + e.getReason() + ")");
        }
        String host = uri.getHost();
        if (host == null || uri.getScheme() == null) {
            throw new UserError(UserError.USAGE, what + " \"" + url + "\": expected http(s)://host[:port]");
        }
        if ("http".equals(uri.getScheme()) && isLoopback(host)) {
            return true;
        }
        if ("https".equals(uri.getScheme()) && isGoogleHost(host)) {
            return false;
        }
        throw new UserError(UserError.USAGE, what + " \"" + url + "\": credentials go only to https://*.googleapis.com or"
                + " https://*.pkg.dev; plain http only to a loopback host");
    }

    /** Pub/Sub: {@code PUBSUB_EMULATOR_HOST} when set (the emulator: plaintext, no credentials), else the real service. */
    public static GoogleClients pubsub(Map<String, String> env, Duration totalTimeout) {
        String emulator = env.get("PUBSUB_EMULATOR_HOST");
        if (emulator != null && !emulator.isBlank()) {
            // the emulator is sent no credentials, so it may be on any host
            host(emulator.trim());
            return new GoogleClients(emulator.trim(), true, totalTimeout);
        }
        return new GoogleClients("pubsub.googleapis.com:443", false, totalTimeout);
    }

    static boolean isLoopback(String host) {
        // InetAddress.getByName takes an IPv6 literal with or without brackets ("[::1]", RFC 2732; "::1", RFC 2373):
        // https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/net/InetAddress.html#getByName(java.lang.String)
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false; // a DNS name other than localhost: never resolved to decide on plaintext
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
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
        if (!interceptors.isEmpty()) {
            b.setInterceptorProvider(() -> interceptors);
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
