package dev.headway.infra.hooks.kfp;

import com.google.auth.oauth2.GoogleCredentials;

import java.io.IOException;
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
 * loopback host and is sent no credentials. Otherwise Application Default Credentials are sent as a
 * bearer token.
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

    /** Downloads and parses the template; an HTTP error or a bad spec is an exception with one line. */
    public static PipelineSpec download(URI url, Duration timeout) throws IOException, InterruptedException {
        boolean loopback = "http".equals(url.getScheme()) && isLoopbackHost(url.getHost());
        if (!"https".equals(url.getScheme()) && !loopback) {
            throw new IOException("template URL " + url + ": plain http only to a loopback host");
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (!loopback) {
            GoogleCredentials creds = GoogleCredentials.getApplicationDefault()
                    .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
            creds.refreshIfExpired();
            req.header("Authorization", "Bearer " + creds.getAccessToken().getTokenValue());
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (resp.statusCode() != 200) {
            throw new IOException("template " + url + ": HTTP " + resp.statusCode());
        }
        return PipelineSpec.parse(url.toString(), resp.body());
    }

    private static boolean isLoopbackHost(String host) {
        return host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1"));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
