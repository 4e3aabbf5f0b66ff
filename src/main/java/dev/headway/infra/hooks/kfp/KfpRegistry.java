package dev.headway.infra.hooks.kfp;

import com.google.auth.oauth2.GoogleCredentials;

import dev.headway.infra.config.Documents;
import dev.headway.infra.hooks.GoogleClients;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Downloads a compiled pipeline from an Artifact Registry KFP repository, by the URL scheme the KFP SDK's
 * {@code RegistryClient} uses: {@code https://<region>-kfp.pkg.dev/<project>/<repo>/<package>/<tag>}
 * (the KFP SDK tags every upload {@code latest}, so that tag is the newest template). The base
 * ({@code https://<region>-kfp.pkg.dev}) can be overridden; an {@code http://} base is allowed only on a
 * loopback host and is sent no credentials. Otherwise it must be a Google host, and Application Default
 * Credentials are sent as a bearer token.
 */
public final class KfpRegistry {
    /** Overrides {@code https://<region>-kfp.pkg.dev}. */
    public static final String BASE_URL_ENV = "HEADWAY_KFP_REGISTRY_URL";

    private static final Pattern RESOURCE = Pattern.compile("projects/([^/]+)/locations/([^/]+)/repositories/([^/]+)/?");
    private static final Pattern HOST_URL = Pattern.compile("https://([a-z0-9-]+)-kfp\\.pkg\\.dev/([^/]+)/([^/]+)/?");

    private KfpRegistry() {
    }

    /** A repository: project, location, repository id. */
    public record Repo(String project, String location, String repository) {
        /**
         * From the {@code pipelineTemplateRepo} output: the resource name
         * ({@code projects/P/locations/L/repositories/R}) or the KFP host URL ({@code https://L-kfp.pkg.dev/P/R}).
         */
        public static Repo parse(String output) {
            Matcher m = RESOURCE.matcher(output);
            if (m.matches()) {
                return new Repo(m.group(1), m.group(2), m.group(3));
            }
            m = HOST_URL.matcher(output);
            if (m.matches()) {
                return new Repo(m.group(2), m.group(1), m.group(3));
            }
            throw new IllegalArgumentException("pipelineTemplateRepo \"" + output
                    + "\": expected projects/P/locations/L/repositories/R or https://L-kfp.pkg.dev/P/R");
        }
    }

    /** The download URL of {@code pkg} at {@code tag}; {@code baseUrl} null means the real registry. */
    public static URI templateUrl(Repo repo, String pkg, String tag, String baseUrl) {
        String base = baseUrl == null || baseUrl.isBlank() ? "https://" + repo.location() + "-kfp.pkg.dev" : stripSlash(baseUrl);
        return URI.create(base + "/" + repo.project() + "/" + repo.repository() + "/" + pkg + "/" + tag);
    }

    /**
     * Downloads and parses the template; an HTTP error or a bad spec is an exception with one line. The URL and
     * every redirect must be https to a Google host (credentials sent) or http to a loopback host (none sent):
     * {@link GoogleClients#checkUrl}. The whole exchange, the body read included, ends by {@code timeout}: a
     * server that trickles a byte a second is cut off, and a body past {@link Documents#MAX_BYTES} is refused.
     */
    public static PipelineSpec download(URI url, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        URI at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            boolean loopback = GoogleClients.checkUrl("template URL", at.toString());
            HttpRequest.Builder req = HttpRequest.newBuilder(at).timeout(remaining(deadline, at)).GET();
            if (!loopback) {
                GoogleCredentials creds = GoogleCredentials.getApplicationDefault()
                        .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
                creds.refreshIfExpired();
                req.header("Authorization", "Bearer " + creds.getAccessToken().getTokenValue());
            }
            HttpResponse<InputStream> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = resp.statusCode();
            if (status >= 300 && status < 400 && resp.headers().firstValue("Location").isPresent()) {
                resp.body().close();
                at = at.resolve(resp.headers().firstValue("Location").get());
                continue;
            }
            String body = readBody(resp.body(), deadline, at);
            if (status != 200) {
                throw new IOException("template " + at + ": HTTP " + status);
            }
            return PipelineSpec.parse(at.toString(), body);
        }
        throw new IOException("template " + url + ": more than " + MAX_REDIRECTS + " redirects");
    }

    private static final int MAX_REDIRECTS = 3;

    private static Duration remaining(long deadline, URI at) throws HttpTimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new HttpTimeoutException("template " + at + ": no complete answer in time");
        }
        return Duration.ofNanos(left);
    }

    /** Reads at most {@link Documents#MAX_BYTES}; a watchdog closes the stream at the deadline, which ends a blocked read. */
    private static String readBody(InputStream in, long deadline, URI at) throws IOException {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kfp-download-deadline");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean expired = new AtomicBoolean();
        watchdog.schedule(() -> {
            expired.set(true);
            try {
                in.close();
            } catch (IOException e) {
                // closing is all we wanted
            }
        }, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        try (in) {
            byte[] bytes = in.readNBytes(Documents.MAX_BYTES + 1);
            if (expired.get()) {
                throw new HttpTimeoutException("template " + at + ": the body did not arrive in time");
            }
            if (bytes.length > Documents.MAX_BYTES) {
                throw new IOException("template " + at + ": larger than " + Documents.MAX_BYTES / (1024 * 1024) + " MiB");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            if (expired.get()) {
                throw new HttpTimeoutException("template " + at + ": the body did not arrive in time");
            }
            throw e;
        } finally {
            watchdog.shutdownNow();
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
