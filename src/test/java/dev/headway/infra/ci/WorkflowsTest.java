package dev.headway.infra.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The GitHub workflows parse, and keep the shape CI depends on: triggers, OIDC, keyless auth, pinned actions. */
class WorkflowsTest {
    static final Path DIR = Path.of(".github", "workflows");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern PINNED = Pattern.compile("[\\w.-]+/[\\w.-]+@(v\\d+(\\.\\d+)*|[0-9a-f]{40})");

    static JsonNode load(String file) throws IOException {
        return YAML.readTree(Files.readString(DIR.resolve(file)));
    }

    @Test
    void previewRunsOnPullRequestsPerEnvironment() throws IOException {
        JsonNode wf = load("preview.yml");
        assertTrue(wf.path("on").has("pull_request"), wf.path("on").toString());
        assertEquals("write", wf.path("permissions").path("id-token").asText());
        assertEquals("read", wf.path("permissions").path("contents").asText());
        assertEquals("write", wf.path("permissions").path("pull-requests").asText());
        JsonNode job = wf.path("jobs").path("preview");
        assertEquals("[\"dev\",\"prod\"]", job.path("strategy").path("matrix").path("env").toString());
        List<String> runs = runs(job);
        assertTrue(runs.stream().anyMatch(r -> r.contains("mvn -B verify")));
        assertTrue(runs.stream().anyMatch(r -> r.contains("headway-infra.jar diff \"${{ matrix.env }}\" --format markdown")));
        assertTrue(runs.stream().anyMatch(r -> r.contains("headway-infra.jar check \"${{ matrix.env }}\"")));
        JsonNode java = step(job, "actions/setup-java@");
        assertEquals("17", java.path("with").path("java-version").asText());
        assertEquals("maven", java.path("with").path("cache").asText());
        assertTrue(step(job, "marocchino/sticky-pull-request-comment@").path("with").path("header").asText().contains("${{ matrix.env }}"));
        JsonNode auth = step(job, "google-github-actions/auth@");
        assertKeyless(auth);
        assertTrue(auth.path("with").path("service_account").asText().contains("PREVIEWER_SA"));
        JsonNode pulumi = step(job, "pulumi/actions@");
        assertEquals("preview", pulumi.path("with").path("command").asText());
        assertTrue(pulumi.path("with").path("comment-on-pr").asBoolean());
        assertTrue(pulumi.path("with").path("stack-name").asText().endsWith("/headway/${{ matrix.env }}"));
        assertTrue(index(job, "google-github-actions/auth@") > index(job, "marocchino/sticky-pull-request-comment@"),
                "the offline comment does not wait for cloud access");
    }

    @Test
    void deployUpsDevFromMainAndProdBehindApproval() throws IOException {
        JsonNode wf = load("deploy.yml");
        assertEquals("[\"main\"]", wf.path("on").path("push").path("branches").toString());
        assertTrue(wf.path("on").has("workflow_dispatch"));
        assertEquals("write", wf.path("permissions").path("id-token").asText());
        JsonNode dev = wf.path("jobs").path("deploy-dev");
        JsonNode prod = wf.path("jobs").path("deploy-prod");
        assertEquals("production", prod.path("environment").asText());
        assertTrue(prod.path("if").asText().contains("workflow_dispatch") && prod.path("if").asText().contains("refs/heads/main"));
        assertEquals("pulumi-dev", dev.path("concurrency").path("group").asText());
        assertEquals("pulumi-prod", prod.path("concurrency").path("group").asText());
        for (JsonNode job : List.of(dev, prod)) {
            assertFalse(job.path("concurrency").path("cancel-in-progress").asBoolean(true), "never cancel a running up");
            JsonNode auth = step(job, "google-github-actions/auth@");
            assertKeyless(auth);
            assertTrue(auth.path("with").path("service_account").asText().contains("DEPLOYER_SA"));
            assertEquals("up", step(job, "pulumi/actions@").path("with").path("command").asText());
            assertTrue(index(job, "pulumi/actions@") < indexOfRun(job, "headway-infra.jar hooks"), "hooks run after up");
            assertEquals("${{ secrets.PULUMI_ACCESS_TOKEN }}", job.path("env").path("PULUMI_ACCESS_TOKEN").asText());
        }
    }

    @Test
    void everyActionIsPinnedAndNoKeyOrSecretIsInline() throws IOException {
        try (var files = Files.list(DIR)) {
            for (Path f : files.toList()) {
                String text = Files.readString(f);
                assertFalse(text.contains("credentials_json"), f + " uses a key");
                assertFalse(text.matches("(?s).*(PULUMI_CONFIG_PASSPHRASE|PULUMI_ACCESS_TOKEN):\\s*[^$\\s].*"), f + " has an inline secret");
                JsonNode wf = YAML.readTree(text);
                wf.path("jobs").forEach(job -> job.path("steps").forEach(s -> {
                    if (s.has("uses")) {
                        assertTrue(PINNED.matcher(s.path("uses").asText()).matches(), f + ": unpinned " + s.path("uses").asText());
                    }
                }));
            }
        }
    }

    private static void assertKeyless(JsonNode auth) {
        assertTrue(auth.path("with").has("workload_identity_provider"), auth.toString());
        assertFalse(auth.path("with").has("credentials_json"), auth.toString());
    }

    private static JsonNode step(JsonNode job, String usesPrefix) {
        for (JsonNode s : job.path("steps")) {
            if (s.path("uses").asText().startsWith(usesPrefix)) {
                return s;
            }
        }
        throw new AssertionError("no step uses " + usesPrefix);
    }

    private static int index(JsonNode job, String usesPrefix) {
        for (int i = 0; i < job.path("steps").size(); i++) {
            if (job.path("steps").get(i).path("uses").asText().startsWith(usesPrefix)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfRun(JsonNode job, String text) {
        for (int i = 0; i < job.path("steps").size(); i++) {
            if (job.path("steps").get(i).path("run").asText().contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> runs(JsonNode job) {
        List<String> out = new ArrayList<>();
        job.path("steps").forEach(s -> out.add(s.path("run").asText()));
        return out;
    }
}
