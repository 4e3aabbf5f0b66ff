package dev.headway.infra.ci;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

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

/**
 * Replays one job of a workflow file as GitHub runs it, in a scratch checkout: every {@code run:} step in
 * order, with the job's and the step's {@code env:}, {@code if:} and {@code id:}. As GitHub does,
 * {@code ${{ }}} expressions are substituted in the text before the shell sees it
 * (docs.github.com/en/actions/learn-github-actions/expressions), from the context the caller gives (the
 * {@code github} context of the event, {@code vars}); a step without {@code shell:} runs as
 * {@code bash -e {0}} (workflow syntax, {@code defaults.run.shell}); {@code $GITHUB_OUTPUT} lines become
 * {@code steps.<id>.outputs}. An {@code if:} without a status function is {@code success() && ...}
 * (expressions, "Status check functions"): after a failed step only {@code always()} / {@code failure()}
 * steps run. {@code uses:} steps are not run (checkout is the caller's; setup actions install tools this
 * machine has; auth and comment actions are GitHub's). A step that needs the cloud is not run either: the
 * caller names it with {@link #standIn} and gives its outcome and outputs. An expression this replay cannot
 * evaluate fails the test, naming it. {@code HEADWAY_REPLAY_JAR} names the jar this build made, which the
 * workflows' build steps copy instead of running Maven inside Maven.
 */
final class WorkflowReplay {
    static final Path JAR = Path.of("target/headway-infra.jar").toAbsolutePath();

    /**
     * The base commit of a replayed pull request: {@code workflow}, every {@code Pulumi*.yaml} stack file and
     * the {@code stacks/} directory (plans, usage, the review template) as they are in this repository.
     */
    static String baseCommit(dev.headway.infra.testing.GitRepo repo, String workflow) throws Exception {
        List<String> copied = new ArrayList<>(List.of(workflow));
        try (var listing = Files.list(Path.of(""))) {
            listing.map(f -> f.getFileName().toString()).filter(n -> n.matches("Pulumi(\\..+)?\\.yaml")).forEach(copied::add);
        }
        try (var listing = Files.list(Path.of("stacks"))) {
            listing.filter(Files::isRegularFile).forEach(f -> copied.add("stacks/" + f.getFileName()));
        }
        for (String f : copied) {
            repo.write(f, Files.readString(Path.of(f)));
        }
        return repo.commitAll("base");
    }
    private static final Pattern EXPR = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");

    private final Path dir;
    private final Map<String, String> context;
    private final Map<String, Map<String, String>> standIns = new HashMap<>();
    private final Map<String, String> standInOutcomes = new HashMap<>();

    /** What a job's replay left: each step's outputs and outcome by id, the failed steps (name, exit, output), the steps run. */
    record Result(Map<String, Map<String, String>> outputs, Map<String, String> outcomes, List<String> failed, List<String> ran) {
    }

    record Exec(int code, String out) {
    }

    /** {@code context}: expression to value, e.g. {@code github.event.pull_request.number} or {@code vars.REVIEW_PROJECT}. */
    WorkflowReplay(Path checkout, Map<String, String> context) {
        this.dir = checkout;
        this.context = Map.copyOf(context);
    }

    /** The step with this id is not run here (it needs the cloud); it ends with {@code outcome} and {@code outputs}. */
    WorkflowReplay standIn(String stepId, String outcome, Map<String, String> outputs) {
        standIns.put(stepId, Map.copyOf(outputs));
        standInOutcomes.put(stepId, outcome);
        return this;
    }

    Result job(String workflowFile, String jobName) throws IOException, InterruptedException {
        JsonNode job = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve(workflowFile).toFile()).path("jobs").path(jobName);
        assertFalse(job.isMissingNode(), "no job " + jobName + " in " + workflowFile);
        Map<String, Map<String, String>> outputs = new LinkedHashMap<>();
        Map<String, String> outcomes = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        Map<String, String> jobEnv = new HashMap<>();
        job.path("env").fields().forEachRemaining(e -> jobEnv.put(e.getKey(), substitute(e.getValue().asText(), outputs, outcomes)));
        for (JsonNode step : job.path("steps")) {
            String id = step.path("id").asText(null);
            String name = step.path("name").asText(step.path("run").asText(step.path("uses").asText()));
            if (!step.has("run")) {
                continue;
            }
            if (!condition(step.path("if").asText(""), !failed.isEmpty(), outputs, outcomes)) {
                if (id != null) {
                    outcomes.put(id, "skipped");
                }
                continue;
            }
            if (id != null && standIns.containsKey(id)) {
                outputs.put(id, standIns.get(id));
                outcomes.put(id, standInOutcomes.get(id));
                if (standInOutcomes.get(id).equals("failure")) {
                    failed.add(name + " (stand-in) failed");
                }
                continue;
            }
            assertFalse(step.has("shell") && !step.path("shell").asText().equals("bash"), "replay runs bash steps only: " + step);
            Path outputFile = Files.createTempFile(dir.getParent(), "github-output", ".txt");
            Map<String, String> env = new HashMap<>(Map.of("GITHUB_OUTPUT", outputFile.toString(), "GITHUB_WORKSPACE", dir.toString(),
                    "GITHUB_EVENT_NAME", context.getOrDefault("github.event_name", ""), "GITHUB_REPOSITORY", context.getOrDefault("github.repository", ""),
                    "CI", "true", "HEADWAY_REPLAY_JAR", JAR.toString()));
            env.putAll(jobEnv);
            step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), substitute(e.getValue().asText(), outputs, outcomes)));
            Path script = Files.createTempFile(dir.getParent(), "step", ".sh");
            Files.writeString(script, substitute(step.path("run").asText(), outputs, outcomes));
            Exec r = exec(dir, env, "bash", "-e", script.toString());
            ran.add(name);
            if (r.code != 0) {
                failed.add(name + " exited " + r.code + ": " + r.out);
            }
            if (id != null) {
                outcomes.put(id, r.code == 0 ? "success" : "failure");
                Map<String, String> out = new HashMap<>();
                for (String line : Files.readAllLines(outputFile)) {
                    int eq = line.indexOf('=');
                    if (eq > 0) {
                        out.put(line.substring(0, eq), line.substring(eq + 1));
                    }
                }
                outputs.put(id, out);
            }
        }
        return new Result(outputs, outcomes, failed, ran);
    }

    /**
     * {@code if:} in the forms these workflows use: {@code &&} of status functions ({@code always()},
     * {@code success()}, {@code failure()}) and comparisons of a context value with a literal.
     */
    private boolean condition(String expr, boolean anyFailed, Map<String, Map<String, String>> outputs, Map<String, String> outcomes) {
        Matcher m = EXPR.matcher(expr.strip());
        String e = m.matches() ? m.group(1) : expr.strip();
        boolean status = !e.matches(".*\\b(always|success|failure|cancelled)\\(\\).*");
        boolean result = !status || !anyFailed;
        if (e.isEmpty()) {
            return result;
        }
        for (String term : e.split("\\s*&&\\s*")) {
            switch (term) {
                case "always()" -> { }
                case "success()" -> result &= !anyFailed;
                case "failure()" -> result &= anyFailed;
                default -> {
                    Matcher cmp = Pattern.compile("([\\w.-]+)\\s*(==|!=)\\s*'([^']*)'").matcher(term);
                    if (!cmp.matches()) {
                        throw new AssertionError("the replay cannot evaluate if: " + expr + "; teach WorkflowReplay this form");
                    }
                    boolean equal = value(cmp.group(1), outputs, outcomes).equals(cmp.group(3));
                    result &= cmp.group(2).equals("==") == equal;
                }
            }
        }
        return result;
    }

    private String substitute(String text, Map<String, Map<String, String>> outputs, Map<String, String> outcomes) {
        Matcher m = EXPR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(value(m.group(1), outputs, outcomes)));
        }
        return m.appendTail(sb).toString();
    }

    private String value(String path, Map<String, Map<String, String>> outputs, Map<String, String> outcomes) {
        if (context.containsKey(path)) {
            return context.get(path);
        }
        Matcher or = Pattern.compile("([\\w.-]+)\\s*\\|\\|\\s*'([^']*)'").matcher(path);
        if (or.matches()) {
            // a || 'b': a when it is truthy (not empty), else b
            String a = context.getOrDefault(or.group(1), "");
            return a.isEmpty() ? or.group(2) : a;
        }
        Matcher s = Pattern.compile("steps\\.([\\w-]+)\\.(outputs\\.([\\w-]+)|outcome)").matcher(path);
        if (s.matches()) {
            if (s.group(3) == null) {
                return outcomes.getOrDefault(s.group(1), "");
            }
            // GitHub: an output a step did not set is the empty string
            return outputs.getOrDefault(s.group(1), Map.of()).getOrDefault(s.group(3), "");
        }
        throw new AssertionError("the replay cannot evaluate ${{ " + path + " }}; give it in the replay's context");
    }

    static String run(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
        Exec r = exec(dir, env, cmd);
        assertEquals(0, r.code, String.join(" ", cmd) + ": " + r.out);
        return r.out;
    }

    /** Runs {@code cmd} in {@code dir} with this JVM's java first on the PATH; bounded at 180 s. */
    static Exec exec(Path dir, Map<String, String> env, String... cmd) throws IOException, InterruptedException {
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
        return new Exec(p.exitValue(), p.exitValue() == 0 ? stdout : stdout + Files.readString(err, StandardCharsets.UTF_8));
    }
}
