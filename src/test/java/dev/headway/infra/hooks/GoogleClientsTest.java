package dev.headway.infra.hooks;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.retrying.RetrySettings;
import com.google.api.gax.rpc.StatusCode;
import com.google.api.gax.rpc.UnaryCallSettings;
import dev.headway.infra.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the hooks' calls go and how long they may take: credentials only to Google's hosts, plaintext only to a
 * loopback host, every call retried only on transient codes and bounded by the total timeout.
 */
class GoogleClientsTest {
    private static final Duration T = Duration.ofSeconds(20);

    private static String usage(Runnable r) {
        UserError e = assertThrows(UserError.class, r::run);
        assertEquals(UserError.USAGE, e.exitCode(), e.getMessage());
        return e.getMessage();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", ":443", "127.0.0.1:", "127.0.0.1:1234567", "127.0.0.1:65536", "127.0.0.1:8o", "127.0.0.1:-1"})
    void anEndpointMustBeHostColonPort(String hostPort) {
        assertEquals("endpoint \"" + hostPort + "\": expected host:port", usage(() -> GoogleClients.forEndpoint(hostPort, T)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:65535", "127.0.0.1:1", "[::1]:8085"})
    void anyPortUpTo65535IsAPort(String hostPort) {
        assertEquals(hostPort, GoogleClients.forEndpoint(hostPort, T).endpoint());
    }

    @Test
    void anEndpointElsewhereIsRefusedSayingWhereCredentialsGo() {
        assertEquals("endpoint \"evil.example.com:443\": credentials are sent only to *.googleapis.com"
                + " (or use a loopback host, plaintext and no credentials)", usage(() -> GoogleClients.forEndpoint("evil.example.com:443", T)));
    }

    @Test
    void aLoopbackEndpointGetsNoCredentialsAndAGoogleOneGetsTls() {
        GoogleClients local = GoogleClients.forEndpoint("127.0.0.1:9000", T);
        assertTrue(local.plaintext());
        assertTrue(local.credentials() instanceof NoCredentialsProvider);
        GoogleClients google = GoogleClients.forEndpoint("us-east1-aiplatform.googleapis.com:443", T);
        assertFalse(google.plaintext());
        assertFalse(google.credentials() instanceof NoCredentialsProvider);
        assertEquals(T, google.totalTimeout());
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, true", "127.1.2.3, true", "localhost, true", "LOCALHOST, true", "[::1], true", "::1, true",
            "10.0.0.5, false", "[::2], false", "[localhost], false", "[127.0.0.1], false", "localhost.evil.example, false", "example.com, false", "999.1.1.1, false",
    })
    void onlyALoopbackAddressOrLocalhostIsLoopbackAndNoNameIsResolved(String host, boolean loopback) {
        assertEquals(loopback, GoogleClients.isLoopback(host));
    }

    @ParameterizedTest
    @CsvSource({
            "us-east1-aiplatform.googleapis.com, true", "PUBSUB.GOOGLEAPIS.COM, true", "us-east1-kfp.pkg.dev, true",
            "googleapis.com, false", "googleapis.com.evil.example, false", "evil-googleapis.com, false", "a.pkg.dev.evil, false",
    })
    void credentialsGoOnlyToGoogleHosts(String host, boolean google) {
        assertEquals(google, GoogleClients.isGoogleHost(host));
    }

    @Test
    void noHostIsNotAGoogleHost() {
        assertFalse(GoogleClients.isGoogleHost(null));
    }

    @Test
    void theVertexEndpointIsTheFlagThenTheEnvironmentThenTheRegionalDefault() {
        Map<String, String> env = Map.of(GoogleClients.VERTEX_ENDPOINT_ENV, "127.0.0.1:7");
        assertEquals("127.0.0.1:8", GoogleClients.vertex("us-east1", Optional.of("127.0.0.1:8"), env, T).endpoint());
        assertEquals("127.0.0.1:7", GoogleClients.vertex("us-east1", Optional.of(" "), env, T).endpoint());
        assertEquals("us-east1-aiplatform.googleapis.com:443",
                GoogleClients.vertex("us-east1", Optional.empty(), Map.of(GoogleClients.VERTEX_ENDPOINT_ENV, ""), T).endpoint());
        assertFalse(GoogleClients.vertex("us-east1", Optional.empty(), Map.of(), T).plaintext());
    }

    @Test
    void pubSubUsesTheEmulatorWhenSetAndSendsItNoCredentials() {
        GoogleClients emulator = GoogleClients.pubsub(Map.of("PUBSUB_EMULATOR_HOST", " pubsub-emulator:8085 "), T);
        assertEquals("pubsub-emulator:8085", emulator.endpoint());
        assertTrue(emulator.plaintext());
        GoogleClients real = GoogleClients.pubsub(Map.of("PUBSUB_EMULATOR_HOST", " "), T);
        assertEquals("pubsub.googleapis.com:443", real.endpoint());
        assertFalse(real.plaintext());
        assertEquals("endpoint \"pubsub-emulator\": expected host:port",
                usage(() -> GoogleClients.pubsub(Map.of("PUBSUB_EMULATOR_HOST", "pubsub-emulator"), T)));
    }

    @ParameterizedTest
    @CsvSource({
            "http://127.0.0.1:9000/x, true",
            "http://localhost:9000, true",
            "https://bigquery.googleapis.com, false",
            "https://us-east1-kfp.pkg.dev/p/r, false",
    })
    void aUrlOverrideIsHttpsToGoogleOrHttpToLoopback(String url, boolean loopback) {
        assertEquals(loopback, GoogleClients.checkUrl("--registry-url", url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://bigquery.googleapis.com", "https://127.0.0.1:9000", "https://evil.example.com", "ftp://127.0.0.1/"})
    void anyOtherUrlIsAUsageErrorNamingTheFlag(String url) {
        assertEquals("--registry-url \"" + url + "\": credentials go only to https://*.googleapis.com or https://*.pkg.dev;"
                + " plain http only to a loopback host", usage(() -> GoogleClients.checkUrl("--registry-url", url)));
    }

    @Test
    void aMalformedUrlIsAUsageError() {
        assertTrue(usage(() -> GoogleClients.checkUrl("--bigquery-endpoint", "http://a b")).startsWith("--bigquery-endpoint \"http://a b\": not a URL ("));
        assertEquals("--bigquery-endpoint \"localhost:9000\": expected http(s)://host[:port]",
                usage(() -> GoogleClients.checkUrl("--bigquery-endpoint", "localhost:9000")));
        assertEquals("--bigquery-endpoint \"//127.0.0.1:9000/x\": expected http(s)://host[:port]",
                usage(() -> GoogleClients.checkUrl("--bigquery-endpoint", "//127.0.0.1:9000/x")));
        assertEquals("--bigquery-endpoint \"/path\": expected http(s)://host[:port]",
                usage(() -> GoogleClients.checkUrl("--bigquery-endpoint", "/path")));
    }

    @Test
    void attemptsAreAtMost30sAndAllOfThemWithinTheTotalTimeout() {
        RetrySettings longRun = GoogleClients.forEndpoint("127.0.0.1:1", Duration.ofSeconds(120)).retrySettings();
        assertEquals(Duration.ofSeconds(30), longRun.getInitialRpcTimeoutDuration());
        assertEquals(Duration.ofSeconds(30), longRun.getMaxRpcTimeoutDuration());
        assertEquals(Duration.ofSeconds(120), longRun.getTotalTimeoutDuration());
        assertEquals(Duration.ofMillis(100), longRun.getInitialRetryDelayDuration());
        assertEquals(Duration.ofSeconds(5), longRun.getMaxRetryDelayDuration());
        assertEquals(2.0, longRun.getRetryDelayMultiplier());
        RetrySettings shortRun = GoogleClients.forEndpoint("127.0.0.1:1", Duration.ofSeconds(3)).retrySettings();
        assertEquals(Duration.ofSeconds(3), shortRun.getInitialRpcTimeoutDuration());
        assertEquals(Duration.ofSeconds(3), shortRun.getMaxRpcTimeoutDuration());
        assertEquals(Duration.ofSeconds(30), GoogleClients.forEndpoint("127.0.0.1:1", Duration.ofSeconds(30))
                .retrySettings().getMaxRpcTimeoutDuration());
    }

    @Test
    void onlyUnavailableAndDeadlineExceededAreRetried() {
        UnaryCallSettings.Builder<Object, Object> method = UnaryCallSettings.newUnaryCallSettingsBuilder();
        GoogleClients clients = GoogleClients.forEndpoint("127.0.0.1:1", T);
        clients.retry(method);
        assertEquals(Set.of(StatusCode.Code.UNAVAILABLE, StatusCode.Code.DEADLINE_EXCEEDED), method.getRetryableCodes());
        assertEquals(clients.retrySettings(), method.getRetrySettings());
    }

    @Test
    void anInterceptedConnectionKeepsItsEndpointAndTimeout() {
        GoogleClients clients = GoogleClients.forEndpoint("127.0.0.1:1", T).intercepted(new io.grpc.ClientInterceptor() {
            @Override
            public <Q, A> io.grpc.ClientCall<Q, A> interceptCall(io.grpc.MethodDescriptor<Q, A> m, io.grpc.CallOptions o, io.grpc.Channel next) {
                return next.newCall(m, o);
            }
        });
        assertEquals("127.0.0.1:1", clients.endpoint());
        assertTrue(clients.plaintext());
        assertEquals(T, clients.totalTimeout());
    }
}
