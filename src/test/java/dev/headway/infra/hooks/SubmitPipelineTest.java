package dev.headway.infra.hooks;

import com.google.cloud.aiplatform.v1.Artifact;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.PipelineState;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import com.sun.net.httpserver.HttpServer;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubmitPipelineTest {
    FakeVertex vertex;
    Path outputs;

    @BeforeEach
    void start() throws IOException {
        vertex = FakeVertex.start();
        outputs = CliRun.outputsFile(CliRun.DEV_OUTPUTS);
        for (String id : List.of("raw-2024", "a1")) {
            String name = "projects/headway-dev/locations/us-east1/metadataStores/default/artifacts/" + id;
            vertex.artifacts.put(name, Artifact.newBuilder().setName(name).setUri("gs://hw-dev-raw/" + id)
                    .setSchemaTitle("system.Dataset").build());
        }
    }

    @AfterEach
    void stop() {
        vertex.close();
    }

    private CliRun submit(String... extra) {
        List<String> args = new ArrayList<>(List.of("hooks", "dev", "--only", "submit-pipeline", "--outputs", outputs.toString(),
                "--vertex-endpoint", vertex.hostPort(), "--timeout", "20", "--poll-interval-ms", "10"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static final String[] ALL_TYPES = {"--template", PipelineSpecTest.ALL_TYPES_YAML.toString(),
            "--param", "epochs=20", "--param", "routes=[\"A\",\"C\"]", "--param", "model_config={\"hidden\":32}",
            "--artifact", "training_data=raw-2024"};

    private static CreatePipelineJobRequest parseDryRun(String out) throws Exception {
        String json = out.substring(0, out.lastIndexOf("\nSKIP "));
        CreatePipelineJobRequest.Builder b = CreatePipelineJobRequest.newBuilder();
        JsonFormat.parser().merge(json, b);
        return b.build();
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(String[]::new);
    }

    @Test
    void dryRunPrintsATypedRequestThatParsesBackAndSendsNothing() throws Exception {
        CliRun run = submit(concat(ALL_TYPES, "--dry-run"));
        assertEquals(0, run.exit(), run.err());
        CreatePipelineJobRequest req = parseDryRun(run.out());
        assertEquals("projects/headway-dev/locations/us-east1", req.getParent());
        assertTrue(req.getPipelineJobId().matches("headway-training-[0-9a-f]{16}"), req.getPipelineJobId());
        var job = req.getPipelineJob();
        assertEquals("hw-dev-pipelines@headway-dev.iam.gserviceaccount.com", job.getServiceAccount());
        assertEquals("gs://headway-dev-hw-dev-pipeline-root/runs/headway-training", job.getRuntimeConfig().getGcsOutputDirectory());
        var values = job.getRuntimeConfig().getParameterValuesMap();
        assertEquals(Value.newBuilder().setStringValue("headway-dev").build(), values.get("project"), "filled from the project output");
        assertEquals(20.0, values.get("epochs").getNumberValue());
        assertEquals(Value.KindCase.NUMBER_VALUE, values.get("learning_rate").getKindCase());
        assertEquals(Value.KindCase.BOOL_VALUE, values.get("use_gpu").getKindCase());
        assertEquals(2, values.get("routes").getListValue().getValuesCount());
        assertEquals(32.0, values.get("model_config").getStructValue().getFieldsOrThrow("hidden").getNumberValue());
        assertEquals("raw-2024", job.getRuntimeConfig().getInputArtifactsOrThrow("training_data").getArtifactId());
        assertEquals("dev", job.getLabelsOrThrow("env"));
        assertEquals("headway", job.getLabelsOrThrow("app"));
        assertEquals("headway-training", job.getPipelineSpec().getFieldsOrThrow("pipelineInfo").getStructValue()
                .getFieldsOrThrow("name").getStringValue());
        assertEquals(0, vertex.calls("CreatePipelineJob"));
        assertTrue(run.out().contains("SKIP submit-pipeline"), run.out());
        assertTrue(run.out().contains("dry run: job " + req.getPipelineJobId() + " printed, nothing sent"),
                "an artifact given by id needs no CreateArtifact: " + run.out());
        assertFiguresBelow(run.out(), 60);
    }

    /** Every {@code 12.3s} figure printed (progress lines, the result line) is a plausible elapsed time. */
    static void assertFiguresBelow(String out, double seconds) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<![\\w.])(\\d+\\.\\d)s\\b").matcher(out);
        int found = 0;
        while (m.find()) {
            found++;
            assertTrue(Double.parseDouble(m.group(1)) < seconds, m.group() + " in " + out);
        }
        assertTrue(found > 0, "no elapsed figure in " + out);
    }

    @Test
    void theJobIdIsDeterministicAndChangesWithTheValuesAndTheStack() throws Exception {
        String a = parseDryRun(submit(concat(ALL_TYPES, "--dry-run")).out()).getPipelineJobId();
        String again = parseDryRun(submit(concat(ALL_TYPES, "--dry-run")).out()).getPipelineJobId();
        String other = parseDryRun(submit(concat(ALL_TYPES, "--dry-run", "--param", "epochs=21")).out()).getPipelineJobId();
        // the hooks check outputs against the stack they name: a stack "qa" on dev's file has qa's names
        Path qaOutputs = CliRun.outputsFile(CliRun.DEV_OUTPUTS.replace("hw-dev", "hw-qa").replace("hw_dev", "hw_qa")
                .replace("\"env\": \"dev\"", "\"env\": \"qa\""));
        CliRun qa = CliRun.of(concat(concat(new String[]{"hooks", "qa", "--only", "submit-pipeline",
                "--outputs", qaOutputs.toString(), "--config-file", "Pulumi.dev.yaml"}, ALL_TYPES), "--dry-run"));
        assertEquals(0, qa.exit(), qa.err());
        String otherStack = parseDryRun(qa.out()).getPipelineJobId();
        assertEquals(a, again);
        assertNotEquals(a, other);
        assertNotEquals(a, otherStack);
    }

    @Test
    void transientErrorsAreRetriedAndARetriedCreateLeavesExactlyOneJob() {
        vertex.failNext("CreatePipelineJob", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE)
                .failNext("CreatePipelineJob", Status.Code.DEADLINE_EXCEEDED, FakeVertex.When.AFTER);
        CliRun run = submit(ALL_TYPES);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(3, vertex.calls("CreatePipelineJob"), "UNAVAILABLE, then created but DEADLINE_EXCEEDED, then ALREADY_EXISTS");
        assertEquals(1, vertex.jobs.size());
        assertEquals(1, vertex.calls("GetPipelineJob"), "ALREADY_EXISTS is answered by fetching the existing job");
        assertTrue(run.out().contains("PASS submit-pipeline"), run.out());
    }

    @Test
    void aRerunFindsTheJobItMadeInsteadOfSubmittingTwice() {
        CliRun first = submit(ALL_TYPES);
        CliRun second = submit(ALL_TYPES);
        assertEquals(0, first.exit(), first.err());
        assertEquals(0, second.exit(), second.err());
        assertTrue(first.out().contains("submitted projects/headway-dev/locations/us-east1/pipelineJobs/headway-training-"), first.out());
        assertTrue(second.out().contains("already submitted"), second.out());
        assertEquals(1, vertex.jobs.size());
        assertEquals(2, vertex.calls("CreatePipelineJob"));
    }

    @Test
    void waitShowsStatesUntilTheJobEndsAndRetriesPolling() {
        vertex.stateScript.addAll(List.of(PipelineState.PIPELINE_STATE_RUNNING, PipelineState.PIPELINE_STATE_RUNNING,
                PipelineState.PIPELINE_STATE_SUCCEEDED));
        vertex.failNext("GetPipelineJob", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE);
        CliRun run = submit(concat(ALL_TYPES, "--wait"));
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("PIPELINE_STATE_QUEUED"), run.out());
        assertTrue(run.out().contains("PIPELINE_STATE_RUNNING"), run.out());
        assertTrue(run.out().contains("ended PIPELINE_STATE_SUCCEEDED"), run.out());
        assertEquals(4, vertex.calls("GetPipelineJob"), "one UNAVAILABLE retried, then RUNNING, RUNNING, SUCCEEDED");
        assertFiguresBelow(run.out(), 60);
    }

    private CliRun submitWith(String timeout, String pollMs, String... extra) {
        List<String> args = new ArrayList<>(List.of("hooks", "dev", "--only", "submit-pipeline", "--outputs", outputs.toString(),
                "--vertex-endpoint", vertex.hostPort(), "--timeout", timeout, "--poll-interval-ms", pollMs));
        args.addAll(List.of(ALL_TYPES));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void waitGivesUpAtTheWaitTimeoutAndPollsAtTheInterval() {
        vertex.stateScript.add(PipelineState.PIPELINE_STATE_RUNNING);
        CliRun run = submitWith("20", "100", "--wait", "--wait-timeout", "1");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("still PIPELINE_STATE_RUNNING after --wait-timeout 1s"), run.out());
        int polls = vertex.calls("GetPipelineJob");
        assertTrue(polls >= 2 && polls <= 15, "1 s at one poll per 100 ms, not a busy loop: " + polls + " polls");
    }

    @Test
    void waitingMayOutlastTheCallTimeoutUpToTheWaitTimeout() {
        // five RUNNING polls 800 ms apart: 4 s, past --timeout 1 plus the runner's grace, inside --wait-timeout 30
        for (int i = 0; i < 5; i++) {
            vertex.stateScript.add(PipelineState.PIPELINE_STATE_RUNNING);
        }
        vertex.stateScript.add(PipelineState.PIPELINE_STATE_SUCCEEDED);
        CliRun run = submitWith("1", "800", "--wait", "--wait-timeout", "30");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("ended PIPELINE_STATE_SUCCEEDED"), run.out());
    }

    @Test
    void aFailedJobsErrorIsTheReason() {
        vertex.failure = com.google.rpc.Status.newBuilder().setCode(13).setMessage("The DAG failed because some tasks failed: train").build();
        vertex.stateScript.add(PipelineState.PIPELINE_STATE_FAILED);
        CliRun run = submit(concat(ALL_TYPES, "--wait"));
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("ended PIPELINE_STATE_FAILED: The DAG failed because some tasks failed: train"), run.out());
    }

    @Test
    void aParamOutputFillsAParameterFromTheNamedStackOutput() throws Exception {
        CliRun run = submit("--template", PipelineSpecTest.TWO_STEP.toString(), "--param-output", "text=env", "--dry-run");
        assertEquals(0, run.exit(), run.err());
        assertEquals("dev", parseDryRun(run.out()).getPipelineJob().getRuntimeConfig().getParameterValuesOrThrow("text").getStringValue(),
                "text is filled from the env output instead of its default");
    }

    @Test
    void theTemplateRepositoryOutputIsRequiredOnlyWithoutATemplate() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode json = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(CliRun.DEV_OUTPUTS);
        assertTrue(json.remove("pipelineTemplateRepo") != null, "the dev outputs name the template repository");
        outputs = CliRun.outputsFile(json.toString());
        CliRun withTemplate = submit(concat(ALL_TYPES, "--dry-run"));
        assertEquals(0, withTemplate.exit(), withTemplate.err());
        CliRun newest = submit("--template-package", "headway-training", "--dry-run");
        assertEquals(3, newest.exit(), newest.out() + newest.err());
        assertTrue(newest.err().contains("lack pipelineTemplateRepo"), newest.err());
    }

    @Test
    void aJobThatFailsFailsTheHook() {
        vertex.stateScript.addAll(List.of(PipelineState.PIPELINE_STATE_RUNNING, PipelineState.PIPELINE_STATE_FAILED));
        CliRun run = submit(concat(ALL_TYPES, "--wait"));
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().contains("FAIL submit-pipeline"), run.out());
    }

    @Test
    void retriesStopAtTheTotalTimeout() {
        for (int i = 0; i < 200; i++) {
            vertex.failNext("CreatePipelineJob", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE);
        }
        long t0 = System.nanoTime();
        CliRun run = CliRun.of(concat(concat(new String[]{"hooks", "dev", "--only", "submit-pipeline", "--outputs", outputs.toString(),
                "--vertex-endpoint", vertex.hostPort(), "--timeout", "2"}, ALL_TYPES)));
        long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL submit-pipeline") && run.out().contains("UNAVAILABLE"), run.out());
        assertTrue(vertex.calls("CreatePipelineJob") > 2, "retried: " + vertex.calls("CreatePipelineJob"));
        assertTrue(seconds < 10, "bounded by --timeout 2, took " + seconds + "s");
        assertEquals(0, vertex.jobs.size());
    }

    @Test
    void aMissingRequiredParameterExits2NamingItAndSendsNothing() {
        CliRun run = submit("--template", PipelineSpecTest.ALL_TYPES_YAML.toString(), "--artifact", "training_data=a1");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("parameter epochs"), run.err());
        assertEquals(0, vertex.calls("CreatePipelineJob"));
        CliRun bad = submit(concat(ALL_TYPES, "--param", "use_gpu=maybe"));
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("parameter use_gpu (BOOLEAN)"), bad.err());
    }

    @Test
    void withoutATemplateTheNewestIsDownloadedFromTheKfpRepository() throws Exception {
        HttpServer registry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> paths = new ArrayList<>();
        byte[] body = Files.readAllBytes(PipelineSpecTest.TWO_STEP);
        registry.createContext("/", ex -> {
            paths.add(ex.getRequestURI().getPath());
            boolean ok = ex.getRequestURI().getPath().equals("/headway-dev/hw-dev-pipelines/simple-two-step-pipeline/latest");
            ex.sendResponseHeaders(ok ? 200 : 404, ok ? body.length : -1);
            if (ok) {
                ex.getResponseBody().write(body);
            }
            ex.close();
        });
        registry.start();
        try {
            String base = "http://127.0.0.1:" + registry.getAddress().getPort();
            CliRun run = submit("--registry-url", base, "--template-package", "simple-two-step-pipeline", "--dry-run");
            assertEquals(0, run.exit(), run.err());
            CreatePipelineJobRequest req = parseDryRun(run.out());
            assertEquals("simple-two-step-pipeline", req.getPipelineJob().getDisplayName());
            assertEquals("Hello KFP!", req.getPipelineJob().getRuntimeConfig().getParameterValuesOrThrow("text").getStringValue());
            assertEquals(List.of("/headway-dev/hw-dev-pipelines/simple-two-step-pipeline/latest"), paths);

            CliRun missing = submit("--registry-url", base, "--template-package", "no-such-pipeline");
            assertEquals(1, missing.exit());
            assertTrue(missing.out().contains("FAIL submit-pipeline") && missing.out().contains("HTTP 404"), missing.out());
        } finally {
            registry.stop(0);
        }
    }

    @Test
    void aRequiredParameterMappedToAnUnsetOutputSaysWhichOutput() {
        CliRun run = submit("--template", PipelineSpecTest.ALL_TYPES_YAML.toString(), "--artifact", "training_data=a1",
                "--param-output", "epochs=trainingEpochs", "--dry-run");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("parameter epochs") && run.err().endsWith("(stack output trainingEpochs is not set)\n"), run.err());
        CliRun unmapped = submit("--template", PipelineSpecTest.ALL_TYPES_YAML.toString(), "--artifact", "training_data=a1", "--dry-run");
        assertTrue(!unmapped.err().contains("stack output"), unmapped.err());
    }

    @Test
    void anInputArtifactCanComeFromAStackOutputButOnlyFromAText() throws Exception {
        CliRun run = submit("--template", PipelineSpecTest.DATASET_INPUT.toString(), "--param-output", "raw_data=env", "--dry-run");
        assertEquals(0, run.exit(), run.out() + run.err());
        String out = run.out();
        String job = out.substring(out.lastIndexOf("\n{") + 1, out.lastIndexOf("\nSKIP "));
        CreatePipelineJobRequest.Builder b = CreatePipelineJobRequest.newBuilder();
        JsonFormat.parser().merge(job, b);
        assertEquals("dev", b.getPipelineJob().getRuntimeConfig().getInputArtifactsOrThrow("raw_data").getArtifactId(),
                "the env output's value, an artifact id");

        CliRun map = submit("--template", PipelineSpecTest.DATASET_INPUT.toString(), "--param-output", "raw_data=endpoints", "--dry-run");
        assertEquals(2, map.exit(), map.out() + map.err());
        assertTrue(map.err().contains("input artifact raw_data"), map.err());
    }

    @Test
    void anUnknownArtifactNamesThoseTheSpecHasOrNone() {
        CliRun run = submit("--template", PipelineSpecTest.TWO_STEP.toString(), "--artifact", "raw_data=a1", "--dry-run");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("has no such input artifact (it has: none)"), run.err());
    }
}
