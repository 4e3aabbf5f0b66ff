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
    void previewReviewsEveryStackAgainstTheMergeBaseAndPreviewsPerEnvironment() throws IOException {
        JsonNode wf = load("preview.yml");
        assertTrue(wf.path("on").has("pull_request"), wf.path("on").toString());
        assertEquals(0, wf.path("permissions").size(), "workflow-level permissions are empty; each job asks for its own");
        JsonNode build = wf.path("jobs").path("build");
        List<String> runs = runs(build);
        assertTrue(runs.stream().anyMatch(r -> r.contains("mvn -B verify")));
        assertTrue(runs.stream().anyMatch(r -> r.contains("npm ci --prefix tools/mermaid-check")), "the Mermaid checker is installed by a build step");
        assertTrue(runs.stream().anyMatch(r -> r.contains("headway-infra.jar review --base \"$BASE_SHA\"")));
        assertEquals("${{ github.event.pull_request.base.sha }}", stepRunning(build, "review --base").path("env").path("BASE_SHA").asText());
        assertEquals(0, step(build, "actions/checkout@").path("with").path("fetch-depth").asInt(1), "the merge base needs history");
        JsonNode java = step(build, "actions/setup-java@");
        assertEquals("17", java.path("with").path("java-version").asText());
        assertEquals("maven", java.path("with").path("cache").asText());
        assertTrue(step(build, "google-github-actions/setup-gcloud@").path("with").path("install_components").asText().contains("pubsub-emulator"),
                "the tests start gcloud's Pub/Sub emulator");
        assertTrue(step(build, "actions/upload-artifact@").path("with").path("path").asText().contains("comment.md"));

        JsonNode comment = wf.path("jobs").path("comment");
        assertEquals("build", comment.path("needs").asText());
        assertTrue(step(comment, "marocchino/sticky-pull-request-comment@").path("with").path("path").asText().equals("comment.md"));

        JsonNode preview = wf.path("jobs").path("pulumi-preview");
        assertEquals("[\"dev\",\"prod\"]", preview.path("strategy").path("matrix").path("env").toString());
        assertEquals("write", preview.path("permissions").path("id-token").asText());
        JsonNode auth = step(preview, "google-github-actions/auth@");
        assertKeyless(auth);
        assertTrue(auth.path("with").path("service_account").asText().contains("PREVIEWER_SA"));
        JsonNode pulumi = step(preview, "pulumi/actions@");
        assertEquals("preview", pulumi.path("with").path("command").asText());
        assertTrue(pulumi.path("with").path("stack-name").asText().endsWith("/headway/${{ matrix.env }}"));
    }

    /**
     * Issue 15: the job that runs the pull request's code (build, tests, synth) holds no secret and
     * cannot mint an OIDC token; the jobs that do hold them build and test nothing.
     */
    @Test
    void pullRequestCodeRunsWithoutSecretsAndTrustedJobsRunNoBuild() throws IOException {
        JsonNode wf = load("preview.yml");
        wf.path("jobs").fields().forEachRemaining(e -> {
            JsonNode job = e.getValue();
            String text = job.toString();
            boolean buildsOrTests = runs(job).stream().anyMatch(r -> r.matches("(?s).*\\b(mvn|npm|gradle)\\b.*"));
            boolean trusted = text.contains("secrets.") || job.path("permissions").path("id-token").asText().equals("write")
                    || job.path("permissions").path("pull-requests").asText().equals("write");
            assertFalse(buildsOrTests && trusted, e.getKey() + " runs the pull request's build and also holds secrets or write access");
            if (buildsOrTests) {
                assertEquals("{\"contents\":\"read\"}", job.path("permissions").toString(), e.getKey() + " may only read");
                assertFalse(step(job, "actions/checkout@").path("with").path("persist-credentials").asBoolean(true),
                        e.getKey() + " leaves no token in .git/config for the pull request's code");
            }
        });
        assertFalse(wf.path("on").has("pull_request_target"), "pull_request_target would hand secrets to fork code");
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
        // GitHub-hosted runners cannot reach a control plane that admits only the authorized networks (README,
        // "GKE control plane access"): prod runs where config says up runs from
        assertEquals("${{ vars.PROD_DEPLOY_RUNNER }}", prod.path("runs-on").asText());
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

    private static JsonNode stepRunning(JsonNode job, String text) {
        for (JsonNode s : job.path("steps")) {
            if (s.path("run").asText().contains(text)) {
                return s;
            }
        }
        throw new AssertionError("no step runs " + text);
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
