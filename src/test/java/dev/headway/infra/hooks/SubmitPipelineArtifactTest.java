package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.Artifact;
import com.google.cloud.aiplatform.v1.CreateArtifactRequest;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.FakeVertex;
import io.grpc.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --artifact NAME=URI}: registered in Vertex ML Metadata through the real client, then referenced by the job. */
class SubmitPipelineArtifactTest {
    static final String STORE = "projects/headway-dev/locations/us-east1/metadataStores/default";
    static final String URI = "gs://hw-dev-raw/feeds/2024-06-01/";
    FakeVertex vertex;
    Path outputs;

    @BeforeEach
    void start() throws IOException {
        vertex = FakeVertex.start();
        outputs = CliRun.outputsFile(CliRun.DEV_OUTPUTS);
    }

    @AfterEach
    void stop() {
        vertex.close();
    }

    private CliRun submit(String... extra) {
        List<String> args = new ArrayList<>(List.of("hooks", "dev", "--only", "submit-pipeline", "--outputs", outputs.toString(),
                "--vertex-endpoint", vertex.hostPort(), "--timeout", "20", "--template", PipelineSpecTest.DATASET_INPUT.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private PipelineJob onlyJob() {
        assertEquals(1, vertex.jobs.size(), vertex.jobs.keySet().toString());
        return vertex.jobs.values().iterator().next();
    }

    @Test
    void aUriIsRegisteredOnceAsADatasetAndTheJobReferencesItsId() {
        CliRun run = submit("--artifact", "raw_data=" + URI);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(1, vertex.artifacts.size());
        Artifact a = vertex.artifacts.values().iterator().next();
        String id = a.getName().substring((STORE + "/artifacts/").length());
        assertTrue(a.getName().startsWith(STORE + "/artifacts/"), a.getName());
        assertTrue(id.matches("dataset-[0-9a-f]{32}"), id);
        assertEquals(URI, a.getUri());
        assertEquals("raw_data", a.getDisplayName());
        assertEquals("system.Dataset", a.getSchemaTitle());
        assertEquals("0.0.1", a.getSchemaVersion());
        assertEquals(id, onlyJob().getRuntimeConfig().getInputArtifactsOrThrow("raw_data").getArtifactId());
        assertEquals(List.of("raw_data"), List.copyOf(onlyJob().getRuntimeConfig().getInputArtifactsMap().keySet()),
                "the optional baseline artifact is left out");
        assertTrue(run.out().contains("PASS submit-pipeline") && run.out().contains("raw_data=" + id + " (registered)"), run.out());
    }

    @Test
    void aRerunGetsAlreadyExistsAndReusesTheArtifactAndTheJob() {
        CliRun first = submit("--artifact", "raw_data=" + URI);
        CliRun second = submit("--artifact", "raw_data=" + URI);
        assertEquals(0, first.exit(), first.out() + first.err());
        assertEquals(0, second.exit(), second.out() + second.err());
        assertEquals(2, vertex.calls("CreateArtifact"));
        assertEquals(1, vertex.calls("GetArtifact"), "ALREADY_EXISTS is checked by reading the artifact back");
        assertEquals(1, vertex.artifacts.size());
        assertEquals(1, vertex.jobs.size());
        assertTrue(second.out().contains("(reused)") && second.out().contains("already submitted"), second.out());
    }

    @Test
    void aDifferentUriIsADifferentArtifactAndADifferentJob() {
        assertEquals(0, submit("--artifact", "raw_data=" + URI).exit());
        assertEquals(0, submit("--artifact", "raw_data=gs://hw-dev-raw/feeds/2024-06-02/").exit());
        assertEquals(2, vertex.artifacts.size());
        assertEquals(2, vertex.jobs.size());
        List<String> ids = vertex.jobs.values().stream()
                .map(j -> j.getRuntimeConfig().getInputArtifactsOrThrow("raw_data").getArtifactId()).toList();
        assertNotEquals(ids.get(0), ids.get(1));
    }

    @Test
    void unavailableAndALostAnswerOnCreateArtifactAreRetried() {
        vertex.failNext("CreateArtifact", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE)
                .failNext("CreateArtifact", Status.Code.DEADLINE_EXCEEDED, FakeVertex.When.AFTER);
        CliRun run = submit("--artifact", "raw_data=" + URI);
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(3, vertex.calls("CreateArtifact"), "UNAVAILABLE, then created but DEADLINE_EXCEEDED, then ALREADY_EXISTS");
        assertEquals(1, vertex.calls("GetArtifact"));
        assertEquals(1, vertex.artifacts.size());
        assertEquals(1, vertex.jobs.size());
        assertTrue(run.out().contains("(reused)"), run.out());
    }

    @Test
    void anIdTakenByAnotherUriIsAConflictAndNoJobIsSubmitted() {
        String id = dev.headway.infra.hooks.kfp.UriArtifact.idFor(URI, "system.Dataset");
        vertex.artifacts.put(STORE + "/artifacts/" + id, Artifact.newBuilder().setName(STORE + "/artifacts/" + id)
                .setUri("gs://somewhere/else").setSchemaTitle("system.Dataset").build());
        CliRun run = submit("--artifact", "raw_data=" + URI);
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("FAIL submit-pipeline") && run.out().contains("gs://somewhere/else"), run.out());
        assertEquals(0, vertex.calls("CreatePipelineJob"));
        assertEquals("gs://somewhere/else", vertex.artifacts.get(STORE + "/artifacts/" + id).getUri(), "never overwritten");
    }

    @Test
    void dryRunPrintsTheCreateArtifactAndTheJobRequestAndSendsNothing() throws Exception {
        CliRun run = submit("--artifact", "raw_data=" + URI, "--artifact", "baseline=bq://headway-dev.hw_dev_raw.baseline", "--dry-run");
        assertEquals(0, run.exit(), run.out() + run.err());
        List<JsonNode> printed = new ArrayList<>();
        new ObjectMapper().readerFor(JsonNode.class).<JsonNode>readValues(run.out().substring(0, run.out().lastIndexOf("\nSKIP ")))
                .forEachRemaining(printed::add);
        assertEquals(3, printed.size(), run.out());
        CreateArtifactRequest baseline = parse(printed.get(0), CreateArtifactRequest.newBuilder());
        CreateArtifactRequest raw = parse(printed.get(1), CreateArtifactRequest.newBuilder());
        CreatePipelineJobRequest job = parse(printed.get(2), CreatePipelineJobRequest.newBuilder());
        assertEquals(STORE, raw.getParent());
        assertEquals(URI, raw.getArtifact().getUri());
        assertEquals("raw_data", raw.getArtifact().getDisplayName());
        assertEquals("system.Dataset", raw.getArtifact().getSchemaTitle());
        assertEquals("0.0.1", raw.getArtifact().getSchemaVersion());
        assertEquals("system.Artifact", baseline.getArtifact().getSchemaTitle(), "no artifactType in the spec: the default");
        assertEquals("0.0.1", baseline.getArtifact().getSchemaVersion());
        assertEquals("bq://headway-dev.hw_dev_raw.baseline", baseline.getArtifact().getUri());
        var inputs = job.getPipelineJob().getRuntimeConfig().getInputArtifactsMap();
        assertEquals(raw.getArtifactId(), inputs.get("raw_data").getArtifactId());
        assertEquals(baseline.getArtifactId(), inputs.get("baseline").getArtifactId());
        assertTrue(run.out().contains("SKIP submit-pipeline") && run.out().contains("dry run: 2 CreateArtifact and job "
                + job.getPipelineJobId() + " printed, nothing sent"), run.out());
        assertEquals(0, vertex.calls("CreateArtifact"));
        assertEquals(0, vertex.calls("GetArtifact"));
        assertEquals(0, vertex.calls("CreatePipelineJob"));
    }

    @SuppressWarnings("unchecked")
    private static <M extends Message> M parse(JsonNode json, Message.Builder b) throws Exception {
        JsonFormat.parser().merge(json.toString(), b);
        return (M) b.build();
    }

    @Test
    void theIdFormNeedsNoCreateArtifact() {
        String name = STORE + "/artifacts/raw-2024";
        vertex.artifacts.put(name, Artifact.newBuilder().setName(name).setUri("gs://hw-dev-raw/2024").build());
        CliRun byId = submit("--artifact", "raw_data=raw-2024");
        CliRun byName = submit("--artifact", "raw_data=" + name);
        assertEquals(0, byId.exit(), byId.out() + byId.err());
        assertEquals(0, byName.exit(), byName.out() + byName.err());
        assertEquals(0, vertex.calls("CreateArtifact"));
        assertEquals("raw-2024", onlyJob().getRuntimeConfig().getInputArtifactsOrThrow("raw_data").getArtifactId(),
                "id and resource name are the same job");
        assertTrue(byName.out().contains("already submitted"), byName.out());
    }

    @Test
    void aMalformedValueAnUnknownNameAndAMissingArtifactExit2WithOneLine() {
        for (String[] bad : List.of(
                new String[]{"--artifact", "raw_data=Raw_Data"},
                new String[]{"--artifact", "raw_data=projects/other/locations/us-east1/metadataStores/default/artifacts/raw-1"},
                new String[]{"--artifact", "raw_data=gs://bucket/has space"},
                new String[]{"--artifact", "raw_data=" + URI, "--artifact", "raw=gs://b/o"},
                new String[]{})) {
            CliRun run = submit(bad);
            assertEquals(2, run.exit(), String.join(" ", bad) + ": " + run.out() + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains(bad.length == 0 ? "input artifact raw_data" : bad.length > 2 ? "--artifact raw:" : "input artifact raw_data:"),
                    run.err());
        }
        assertEquals(0, vertex.calls("CreateArtifact"));
        assertEquals(0, vertex.calls("CreatePipelineJob"));
    }

    @Test
    void aSpecWithoutRootArtifactsIsUnaffected() {
        CliRun run = CliRun.of("hooks", "dev", "--only", "submit-pipeline", "--outputs", outputs.toString(),
                "--vertex-endpoint", vertex.hostPort(), "--timeout", "20", "--template", PipelineSpecTest.TWO_STEP.toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertEquals(0, vertex.calls("CreateArtifact"));
        assertEquals(0, onlyJob().getRuntimeConfig().getInputArtifactsCount());
        assertEquals("Hello KFP!", onlyJob().getRuntimeConfig().getParameterValuesOrThrow("text").getStringValue());
        String pass = run.out().lines().filter(l -> l.startsWith("PASS submit-pipeline")).findFirst().orElseThrow();
        assertTrue(pass.endsWith(onlyJob().getName() + " (PIPELINE_STATE_QUEUED)"), "no artifact note: " + pass);
    }

    @Test
    void anIdTakenByTheSameUriUnderAnotherSchemaIsAConflict() {
        String id = dev.headway.infra.hooks.kfp.UriArtifact.idFor(URI, "system.Dataset");
        vertex.artifacts.put(STORE + "/artifacts/" + id, Artifact.newBuilder().setName(STORE + "/artifacts/" + id)
                .setUri(URI).setSchemaTitle("system.Model").build());
        CliRun run = submit("--artifact", "raw_data=" + URI);
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("already holds system.Model " + URI + ", not system.Dataset"), run.out());
        assertEquals(0, vertex.calls("CreatePipelineJob"));
    }

    @Test
    void readingAnExistingArtifactBackIsRetried() {
        assertEquals(0, submit("--artifact", "raw_data=" + URI).exit());
        vertex.failNext("GetArtifact", Status.Code.UNAVAILABLE, FakeVertex.When.BEFORE);
        CliRun rerun = submit("--artifact", "raw_data=" + URI);
        assertEquals(0, rerun.exit(), rerun.out() + rerun.err());
        assertEquals(2, vertex.calls("GetArtifact"), "UNAVAILABLE, then the artifact");
        assertTrue(rerun.out().contains("(reused)"), rerun.out());
    }
}
