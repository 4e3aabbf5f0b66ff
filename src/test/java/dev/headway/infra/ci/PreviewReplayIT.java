package dev.headway.infra.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.headway.infra.testing.GitRepo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replays {@code .github/workflows/preview.yml} on a pull request, as GitHub runs it: a scratch
 * repository with a base commit on {@code main} and a pull-request commit that changes prod config
 * and refreshes the plans (as the README asks), checked out as {@code actions/checkout} checks out a
 * {@code pull_request} event (the merge of the head into the base, {@code refs/pull/N/merge}).
 *
 * <p>The steps come from the workflow file (so this test follows it): every {@code run:} step of the
 * job that writes the comment, in order, with its {@code env:}, {@code if:} and {@code id:}. As
 * GitHub does, {@code ${{ }}} expressions are substituted in the text before the shell sees it
 * (docs.github.com/en/actions/learn-github-actions/expressions), with the {@code github} context
 * of a pull_request event (docs.github.com/en/webhooks/webhook-events-and-payloads#pull_request);
 * a step without {@code shell:} runs as {@code bash -e {0}} (workflow syntax, {@code defaults.run.shell});
 * {@code $GITHUB_OUTPUT} lines become {@code steps.<id>.outputs}. {@code uses:} steps are not run
 * (checkout is done here; setup actions install tools this machine already has; the artifact and
 * comment steps are GitHub's). An expression this replay cannot evaluate fails the test, naming it.
 * The build step copies the jar this build made ({@code HEADWAY_REPLAY_JAR}) instead of running
 * Maven again inside Maven.
 */
class PreviewReplayIT {
    private static final Path JAR = Path.of("target/headway-infra.jar").toAbsolutePath();
    private static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
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
        // what the review reads: every stack file, the stacks/ directory (plans, usage), the workflow
        List<String> copied = new ArrayList<>(List.of(".github/workflows/preview.yml"));
        try (var listing = Files.list(Path.of(""))) {
            listing.map(f -> f.getFileName().toString()).filter(n -> n.matches("Pulumi(\\..+)?\\.yaml")).forEach(copied::add);
        }
        try (var listing = Files.list(Path.of("stacks"))) {
            listing.filter(Files::isRegularFile).forEach(f -> copied.add("stacks/" + f.getFileName()));
        }
        for (String f : copied) {
            repo.write(f, Files.readString(Path.of(f)));
        }
        String base = repo.commitAll("base");

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

        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve(".github/workflows/preview.yml").toFile())
                .path("jobs").path("build");
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        for (JsonNode step : job.path("steps")) {
            if (!step.has("run")) {
                continue;
            }
            if (step.has("if") && !condition(step.path("if").asText(), github, outputs)) {
                continue;
            }
            assertFalse(step.has("shell") && !step.path("shell").asText().equals("bash"), "replay runs bash steps only: " + step);
            Path outputFile = Files.createTempFile(dir.getParent(), "github-output", ".txt");
            Map<String, String> env = new HashMap<>(Map.of("GITHUB_OUTPUT", outputFile.toString(), "GITHUB_WORKSPACE", dir.toString(),
                    "GITHUB_EVENT_NAME", "pull_request", "CI", "true", "HEADWAY_REPLAY_JAR", JAR.toString()));
            step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), substitute(e.getValue().asText(), github, outputs)));
            Path script = Files.createTempFile(dir.getParent(), "step", ".sh");
            Files.writeString(script, substitute(step.path("run").asText(), github, outputs));
            Result r = exec(dir, env, "bash", "-e", script.toString());
            if (r.code != 0) {
                failed.add(step.path("name").asText(step.path("run").asText()) + " exited " + r.code + ": " + r.out);
            }
            if (step.has("id")) {
                Map<String, String> out = new HashMap<>();
                for (String line : Files.readAllLines(outputFile)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        out.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                outputs.put(step.path("id").asText(), out);
            }
        }
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

    /** {@code if:} as GitHub evaluates the forms this workflow uses: a comparison of a context value with a literal. */
    private static boolean condition(String expr, Map<String, String> github, Map<String, Map<String, String>> steps) {
        Matcher m = EXPR.matcher(expr);
        String e = m.matches() ? m.group(1) : expr.strip();
        Matcher cmp = Pattern.compile("([\\w.-]+)\\s*(==|!=)\\s*'([^']*)'").matcher(e);
        if (!cmp.matches()) {
            throw new AssertionError("the replay cannot evaluate if: " + expr + "; teach PreviewReplayIT this form");
        }
        boolean equal = value(cmp.group(1), github, steps).equals(cmp.group(3));
        return cmp.group(2).equals("==") == equal;
    }

    private static String substitute(String text, Map<String, String> github, Map<String, Map<String, String>> steps) {
        Matcher m = EXPR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), github, steps)));
        }
        return m.appendTail(sb).toString();
    }

    private static String value(String path, Map<String, String> github, Map<String, Map<String, String>> steps) {
        if (github.containsKey(path)) {
            return github.get(path);
        }
        Matcher s = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(path);
        if (s.matches()) {
            // GitHub: an output a step did not set is the empty string
            return steps.getOrDefault(s.group(1), Map.of()).getOrDefault(s.group(2), "");
        }
        throw new AssertionError("the replay cannot evaluate ${{ " + path + " }}; add it to the pull_request context in PreviewReplayIT");
    }

    private record Result(int code, String out) {
    }

    private static String run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        Result r = exec(dir, env, cmd);
        assertEquals(0, r.code, String.join(" ", cmd) + ": " + r.out);
        return r.out;
    }

    private static Result exec(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().putAll(env);
        pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator + System.getenv("PATH"));
        Path out = Files.createTempFile(dir.getParent(), "out", ".txt");
        Path err = Files.createTempFile(dir.getParent(), "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", cmd) + " did not finish in 180 s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        return new Result(p.exitValue(), p.exitValue() == 0 ? stdout : stdout + Files.readString(err, StandardCharsets.UTF_8));
    }
}
