package dev.headway.infra.ci;

import dev.headway.infra.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays {@code .github/workflows/preview.yml} on a pull request, as GitHub runs it: a scratch
 * repository with a base commit on {@code main} and a pull-request commit that changes prod config
 * and refreshes the plans (as the README asks), checked out as {@code actions/checkout} checks out a
 * {@code pull_request} event (the merge of the head into the base, {@code refs/pull/N/merge}).
 *
 * <p>The steps come from the workflow file (so this test follows it): the {@code build} job, replayed
 * by {@link WorkflowReplay} with the {@code github} context of a pull_request event
 * (docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request).
 */
class PreviewReplayIT {
    private static final Path JAR = WorkflowReplay.JAR;
    private static final int PR = 42;

    @TempDir
    Path dir;

    private record Replay(String comment, List<String> failed, String base) {
    }

    /**
     * A base commit with the repository's stack files and plans; a pull-request commit that applies
     * {@code edit} to Pulumi.prod.yaml, refreshes the prod plan with the jar and adds {@code files};
     * the build job's run steps, replayed on the merge.
     */
    private Replay replay(java.util.function.UnaryOperator<String> edit, Map<String, String> files, List<String> labels) throws Exception {
        Path dir = Files.createTempDirectory(this.dir, "pr");
        GitRepo repo = GitRepo.init(dir);
        String base = WorkflowReplay.baseCommit(repo, ".github/workflows/preview.yml");

        repo.git("checkout", "-q", "-b", "change");
        Path prodConfig = dir.resolve("Pulumi.prod.yaml");
        String config = Files.readString(prodConfig);
        String edited = edit.apply(config);
        assertFalse(edited.equals(config), "the scenario edits prod config");
        Files.writeString(prodConfig, edited);
        Files.writeString(dir.resolve("stacks/prod.plan.json"), run(dir, Map.of(), "java", "-jar", JAR.toString(), "synth", "prod", "--format", "json"));
        for (Map.Entry<String, String> f : files.entrySet()) {
            repo.write(f.getKey(), f.getValue());
        }
        String head = repo.commitAll("prod change; plans refreshed");

        repo.git("checkout", "-q", "--detach", base);
        repo.git("merge", "-q", "--no-ff", "-m", "Merge " + head + " into " + base, "change");
        String merge = repo.git("rev-parse", "HEAD");

        Map<String, String> github = new HashMap<>(Map.of(
                "github.event_name", "pull_request",
                "github.repository", "headway-transit/headway-infra",
                "github.sha", merge,
                "github.ref", "refs/pull/" + PR + "/merge",
                "github.base_ref", "main",
                "github.head_ref", "change",
                "github.event.pull_request.number", String.valueOf(PR),
                "github.event.pull_request.base.sha", base,
                "github.event.pull_request.head.sha", head,
                "github.event.pull_request.head.repo.full_name", "headway-transit/headway-infra"));
        // join(github.event.pull_request.labels.*.name, ',') over the event's label objects
        github.put("join(github.event.pull_request.labels.*.name, ',')", String.join(",", labels));

        WorkflowReplay.Result result = new WorkflowReplay(dir, github).job(".github/workflows/preview.yml", "build");
        List<String> failed = result.failed();
        return new Replay(Files.readString(dir.resolve("comment.md")), failed, base);
    }

    @Test
    void aPullRequestThatChangesProdConfigAndRefreshesThePlansGetsACommentNamingTheChange() throws Exception {
        Replay r = replay(c -> c.replace("machineType: e2-small", "machineType: e2-medium"), Map.of(), List.of());
        assertEquals(List.of(), r.failed(), "every step of the build job passes on a clean change");
        String comment = r.comment();
        assertTrue(comment.length() < 65_536, "under GitHub's comment limit");
        assertTrue(comment.startsWith("## headway-infra"), comment.substring(0, Math.min(300, comment.length())));
        assertTrue(comment.lines().anyMatch(l -> l.contains("`machineType`") && l.contains("\"e2-small\"") && l.contains("\"e2-medium\"")),
                "the comment names the changed property with before and after:\n" + comment);
        assertTrue(comment.contains("| `prod` | 0 to add, 1 to change"), comment);
        assertTrue(comment.contains("| `dev` | no changes"), comment);
        assertTrue(comment.contains(r.base().substring(0, 12)), "the comment says which base it compared with");
    }

    /** maxWorkers is ForceNew on the Flex Template job: the streaming job is replaced, which the change must acknowledge. */
    @Test
    void replacingTheStreamingJobFailsUntilTheChangeAcknowledgesIt() throws Exception {
        java.util.function.UnaryOperator<String> edit = c -> c.replace("maxWorkers: 5", "maxWorkers: 8");
        Replay open = replay(edit, Map.of(), List.of());
        assertEquals(1, open.failed().size(), "the last step fails: " + open.failed());
        assertTrue(open.failed().get(0).contains("unacknowledged data loss"), open.failed().toString());
        assertTrue(open.comment().contains("**1 not acknowledged**"), open.comment());
        assertTrue(open.comment().contains("**replaces** dataflow.FlexTemplateJob `hw-prod-feed-to-bigquery` (because `maxWorkers` changed)"),
                open.comment());
        String urn = open.comment().lines().filter(l -> l.contains("**not acknowledged**")).findFirst().orElseThrow()
                .replaceAll(".*`(urn:[^`]+)`.*", "$1");

        Replay acked = replay(edit, Map.of(".headway/ack.yaml", "acknowledgements:\n  - urn: \"" + urn + "\"\n"
                + "    reason: \"more workers; the job drains on replace\"\n"), List.of());
        assertEquals(List.of(), acked.failed());
        assertTrue(acked.comment().contains("acknowledged: more workers; the job drains on replace"), acked.comment());
    }

    private static String run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        return WorkflowReplay.run(dir, env, cmd);
    }
}
