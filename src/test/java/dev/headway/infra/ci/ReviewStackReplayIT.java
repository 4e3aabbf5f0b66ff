package dev.headway.infra.ci;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays the {@code deploy} job of {@code .github/workflows/review-stack.yml} for a {@code pull_request}
 * event of action {@code labeled} with the label {@code review-stack} (docs.github.com/en/webhooks/
 * webhook-events-and-payloads#pull_request), with {@link WorkflowReplay}: a scratch repository whose pull
 * request edits the review template, checked out as the merge ({@code refs/pull/N/merge}). The offline steps
 * run for real (the build copies this build's jar; the stack file from the template; {@code check}); the
 * {@code up} step needs Pulumi Cloud and Google, so the test stands in for it (its outcome and {@code rc}
 * output only: its files are absent, and the report falls back as the workflow says); the report step then
 * writes the comment the sticky-comment action would post. The job's own {@code if:} is held by
 * ReviewStackWorkflowTest.
 */
class ReviewStackReplayIT {
    private static final int PR = 42;
    private static final String SANDBOX = "headway-sandbox";

    @TempDir
    Path dir;

    private record Replay(Path checkout, WorkflowReplay.Result result) {
        String file(String name) throws java.io.IOException {
            Path p = checkout.resolve(name);
            return Files.exists(p) ? Files.readString(p) : null;
        }
    }

    private Replay replay(Map<String, String> vars, String upRc) throws Exception {
        Path checkout = Files.createTempDirectory(dir, "pr");
        GitRepo repo = GitRepo.init(checkout);
        String base = WorkflowReplay.baseCommit(repo, ".github/workflows/review-stack.yml");
        repo.git("checkout", "-q", "-b", "change");
        String template = Files.readString(checkout.resolve("stacks/review.template.yaml"));
        String edited = template.replace("endpointLatencyMs: 5000", "endpointLatencyMs: 4000");
        assertFalse(edited.equals(template), "the pull request edits the review template");
        repo.write("stacks/review.template.yaml", edited);
        String head = repo.commitAll("review stacks: tighter latency alert");
        repo.git("checkout", "-q", "--detach", base);
        repo.git("merge", "-q", "--no-ff", "-m", "Merge " + head + " into " + base, "change");

        Map<String, String> context = new HashMap<>(Map.of(
                "github.event_name", "pull_request",
                "github.event.action", "labeled",
                "github.event.label.name", "review-stack",
                "github.repository", "headway-transit/headway-infra",
                "github.ref", "refs/pull/" + PR + "/merge",
                "github.event.pull_request.number", String.valueOf(PR),
                "github.event.pull_request.base.sha", base,
                "github.event.pull_request.head.sha", head,
                "github.event.pull_request.head.repo.full_name", "headway-transit/headway-infra"));
        context.putAll(vars);

        WorkflowReplay replay = new WorkflowReplay(checkout, context).standIn("up", "success", Map.of("rc", upRc));
        WorkflowReplay.Result result = replay.job(".github/workflows/review-stack.yml", "deploy");
        return new Replay(checkout, result);
    }

    @Test
    void aLabelledPullRequestGetsItsStackFileACleanCheckAndAComment() throws Exception {
        Replay r = replay(Map.of("vars.REVIEW_PROJECT", SANDBOX), "0");
        assertEquals(List.of(), r.result().failed(), "every step of the deploy job passes");
        assertEquals(List.of("Build", "Stack file from the review template, and the offline check", "Report in the pull request"),
                r.result().ran(), "the offline steps ran, up was stood in, the failing step was skipped");

        String stackFile = r.file("Pulumi.pr-" + PR + ".yaml");
        assertTrue(stackFile != null && stackFile.contains("  gcp:project: " + SANDBOX + "\n"), "the stack file names the sandbox: " + stackFile);
        assertTrue(stackFile.contains("endpointLatencyMs: 4000"), "the pull request's template is what is deployed");
        assertTrue(stackFile.contains("headway:ci:\n    enabled: false"), "no CI identity of its own");

        // check passed (the step would have failed); the plan of that file has none of the CI outputs
        String plan = WorkflowReplay.run(r.checkout(), Map.of(), "java", "-jar", WorkflowReplay.JAR.toString(), "synth", "pr-" + PR, "--format", "json");
        var outputs = new ObjectMapper().readTree(plan).get("outputs");
        assertEquals(SANDBOX, outputs.get("project").asText());
        assertFalse(outputs.has("workloadIdentityProvider") || outputs.has("deployerServiceAccount") || outputs.has("previewerServiceAccount"), outputs.toString());

        String comment = r.file("comment.md");
        assertTrue(comment.startsWith("## Review stack `pr-" + PR + "` in `" + SANDBOX + "`\n"), comment);
        assertTrue(comment.contains("\nDeployed; post-deploy hooks passed.\n"), comment);
        assertTrue(comment.contains("Destroyed when this pull request closes, the label is removed, or after 72 h."), "REVIEW_TTL_HOURS unset: 72\n" + comment);
        assertTrue(comment.contains("<details><summary>hooks</summary>") && comment.contains("<details><summary>stack outputs</summary>"), comment);
        assertTrue(comment.contains("(no log: up did not start)"), "no up.txt: the report step still succeeds\n" + comment);
        assertTrue(comment.length() < 65_536, "under GitHub's comment limit");
    }

    @Test
    void failedHooksAreReportedAndFailTheJob() throws Exception {
        Replay r = replay(Map.of("vars.REVIEW_PROJECT", SANDBOX, "vars.REVIEW_TTL_HOURS", "24"), "3");
        assertTrue(r.file("comment.md").contains("**up or hooks failed** (exit 3)."), r.file("comment.md"));
        assertTrue(r.file("comment.md").contains("or after 24 h."), r.file("comment.md"));
        assertEquals(1, r.result().failed().size(), r.result().failed().toString());
        assertTrue(r.result().failed().get(0).startsWith("Fail when up or the hooks failed exited 1"), r.result().failed().toString());
    }

    /** Without the sandbox variable nothing is written, nothing authenticates, no comment is posted. */
    @Test
    void withoutTheSandboxProjectTheJobStopsBeforeAnyCredential() throws Exception {
        Replay r = replay(Map.of("vars.REVIEW_PROJECT", ""), "0");
        assertEquals(1, r.result().failed().size(), r.result().failed().toString());
        assertTrue(r.result().failed().get(0).contains("exited 2: vars.REVIEW_PROJECT is not set"), r.result().failed().toString());
        assertEquals("skipped", r.result().outcomes().get("up"), "up (after the auth step) does not run");
        assertEquals(null, r.file("comment.md"), "the report step is skipped with up");
        assertEquals(null, r.file("Pulumi.pr-" + PR + ".yaml"));
    }
}
