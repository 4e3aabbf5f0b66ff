package dev.headway.infra.ci;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.UserError;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.policy.PolicySuite;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code review-stack.yml}: a labelled pull request gets pr-<number> in the sandbox, destroyed on close or by the sweep. */
class ReviewStackWorkflowTest {
    @TempDir
    Path dir;

    @Test
    void deploysLabelledPullRequestsOfThisRepositoryOnly() throws IOException {
        JsonNode wf = WorkflowsTest.load("review-stack.yml");
        JsonNode on = wf.path("on");
        for (String type : List.of("labeled", "unlabeled", "synchronize", "reopened", "closed")) {
            assertTrue(on.path("pull_request").path("types").toString().contains(type), type);
        }
        assertTrue(on.path("schedule").get(0).path("cron").asText().matches("\\S+ \\S+ \\S+ \\S+ \\S+"));
        assertEquals("read", wf.path("permissions").path("contents").asText());
        assertFalse(wf.path("permissions").has("id-token"), "only the jobs that deploy may mint a token");

        JsonNode deploy = wf.path("jobs").path("deploy");
        String condition = deploy.path("if").asText();
        assertTrue(condition.contains("'review-stack'") && condition.contains("head.repo.full_name == github.repository"), condition);
        assertTrue(condition.contains("!= 'closed'"), condition);
        assertEquals("pr-${{ github.event.pull_request.number }}", deploy.path("env").path("STACK").asText());
        assertEquals("review", deploy.path("environment").asText());
        assertFalse(deploy.path("concurrency").path("cancel-in-progress").asBoolean(true), "never cancel a running up");
        int build = indexOfRun(deploy, "mvn -B -q package");
        int template = indexOfRun(deploy, "stacks/review.template.yaml");
        int auth = index(deploy, "google-github-actions/auth@");
        int up = indexOfRun(deploy, "headway-infra.jar up \"$STACK\"");
        assertTrue(build < template && template < auth && auth < up, "build and check before any credential, then up");
        assertTrue(run(deploy, template).contains("headway-infra.jar check \"$STACK\""), "the policy check gates the deploy");
        assertTrue(step(deploy, auth).path("with").path("service_account").asText().contains("REVIEW_DEPLOYER_SA"));
        assertFalse(step(deploy, auth).path("with").has("credentials_json"));
        assertTrue(run(deploy, up).contains("--only smoke-warehouse,smoke-streaming,endpoint-logging,smoke-endpoint"), "hooks after up");
        assertEquals("${{ secrets.PULUMI_ACCESS_TOKEN }}", step(deploy, up).path("env").path("PULUMI_ACCESS_TOKEN").asText());
        assertFalse(step(deploy, build).has("env"), "the build holds no secret");
        assertTrue(index(deploy, "marocchino/sticky-pull-request-comment@") > up, "reports in the pull request");
    }

    @Test
    void destroysOnCloseOnUnlabelAndAfterTheTimeLimit() throws IOException {
        JsonNode wf = WorkflowsTest.load("review-stack.yml");
        JsonNode destroy = wf.path("jobs").path("destroy");
        String condition = destroy.path("if").asText();
        assertTrue(condition.contains("== 'closed'") && condition.contains("'unlabeled'"), condition);
        assertEquals(wf.path("jobs").path("deploy").path("concurrency").path("group").asText(),
                destroy.path("concurrency").path("group").asText(), "deploy and destroy of one pull request never overlap");
        assertTrue(step(destroy, 0).path("with").path("ref").asText().contains("base.sha"), "destroy runs none of the pull request's code");
        int d = indexOfRun(destroy, "pulumi destroy");
        assertTrue(run(destroy, d).contains("--remove"), "the stack goes too");

        JsonNode sweep = wf.path("jobs").path("sweep");
        assertTrue(sweep.path("if").asText().contains("schedule"));
        String script = run(sweep, indexOfRun(sweep, "pulumi destroy"));
        assertTrue(script.contains("review:created") && script.contains("TTL_HOURS") && script.contains("gh pr view"), script);
        assertTrue(script.contains("timeout 60 gh"), "every network call is bounded");
        assertTrue(sweep.path("env").path("TTL_HOURS").asText().contains("vars.REVIEW_TTL_HOURS"));
    }

    /** The workflow's own command turns the template into the stack file; it synthesizes and checks clean. */
    @Test
    void theStackFileTheWorkflowWritesChecksClean() throws Exception {
        Path file = writeStackFile("headway-sandbox-2");
        Plan plan = Synth.run("pr-42", ConfigFile.read(file));
        assertEquals("headway-sandbox-2", plan.project());
        assertEquals(List.of(), PolicySuite.standard().check(plan));
        Path prod = writeStackFile("headway-prod");
        UserError refused = assertThrows(UserError.class, () -> Synth.run("pr-42", ConfigFile.read(prod)));
        assertTrue(refused.getMessage().contains("a sandbox project for review stack \"pr-42\""), refused.getMessage());
    }

    /** Runs the workflow's sed line as bash would, with STACK and REVIEW_PROJECT set. */
    private Path writeStackFile(String project) throws Exception {
        JsonNode deploy = WorkflowsTest.load("review-stack.yml").path("jobs").path("deploy");
        String sed = run(deploy, indexOfRun(deploy, "stacks/review.template.yaml")).lines()
                .filter(l -> l.strip().startsWith("sed ")).findFirst().orElseThrow().strip();
        Files.createDirectories(dir.resolve("stacks"));
        Files.copy(Path.of("stacks/review.template.yaml"), dir.resolve("stacks/review.template.yaml"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ProcessBuilder pb = new ProcessBuilder("bash", "-c", sed).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("STACK", "pr-42");
        pb.environment().put("REVIEW_PROJECT", project);
        Process p = pb.start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "sed finished");
        assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes()));
        Path out = dir.resolve("Pulumi.pr-42.yaml");
        assertTrue(Files.readString(out).contains("  gcp:project: " + project + "\n"));
        return out;
    }

    private static JsonNode step(JsonNode job, int i) {
        return job.path("steps").get(i);
    }

    private static String run(JsonNode job, int i) {
        return step(job, i).path("run").asText();
    }

    private static int index(JsonNode job, String usesPrefix) {
        List<JsonNode> steps = new ArrayList<>();
        job.path("steps").forEach(steps::add);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).path("uses").asText().startsWith(usesPrefix)) {
                return i;
            }
        }
        throw new AssertionError("no step uses " + usesPrefix);
    }

    private static int indexOfRun(JsonNode job, String text) {
        for (int i = 0; i < job.path("steps").size(); i++) {
            if (job.path("steps").get(i).path("run").asText().contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no step runs " + text);
    }

    /**
     * README's sandbox provider (a gcloud command, not a stack) accepts exactly what this workflow is: this
     * repository by the ids CI already trusts, review-stack.yml, its triggers, and jobs in the environment
     * every job of it runs in. A renamed environment, workflow or trigger fails here, not at the first deploy.
     */
    @Test
    void readmesSandboxProviderAcceptsThisWorkflowOnly() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("--attribute-condition=\"([^\"]+)\"").matcher(readme);
        List<String> conditions = new ArrayList<>();
        while (m.find()) {
            conditions.add(m.group(1));
        }
        assertEquals(1, conditions.size(), "one sandbox provider condition in README: " + conditions);
        String condition = conditions.get(0);
        var ci = Synth.settings("dev", java.util.Map.of()).ci().orElseThrow();
        assertTrue(condition.contains("assertion.repository_id == '" + ci.repositoryId() + "'")
                && condition.contains("assertion.repository_owner_id == '" + ci.repositoryOwnerId() + "'"), condition);
        assertTrue(condition.contains("assertion.job_workflow_ref.startsWith('" + ci.githubRepository() + "/.github/workflows/review-stack.yml@')"), condition);

        JsonNode wf = WorkflowsTest.load("review-stack.yml");
        java.util.Set<String> environments = new java.util.TreeSet<>();
        wf.path("jobs").forEach(job -> environments.add(job.path("environment").asText("(none)")));
        assertEquals(java.util.Set.of("review"), environments, "every job runs in the environment the provider requires");
        assertTrue(condition.contains("assertion.environment == 'review'"), condition);
        java.util.Set<String> triggers = new java.util.TreeSet<>();
        wf.path("on").fieldNames().forEachRemaining(triggers::add);
        String events = condition.replaceAll(".*assertion\\.event_name in \\[([^\\]]*)].*", "$1");
        assertEquals(triggers, new java.util.TreeSet<>(List.of(events.replace("'", "").split(",\\s*"))), condition);
        assertTrue(readme.contains("workloadIdentityPools/hw-review-ci/attribute.environment/review"),
                "only the provider's review principals may act as the sandbox deployer");
    }
}
