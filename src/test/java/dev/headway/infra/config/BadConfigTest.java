package dev.headway.infra.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.MainAccess;
import dev.headway.infra.cli.HeadwayCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Everything a user can get wrong in a stack file, each through the real CLI ({@code synth dev
 * --config-file F}): exit 2, one line on stderr naming the key, no stack trace, nothing declared.
 */
class BadConfigTest {
    /** A malformed stack file and the key (or token) its one error line must name. */
    record Bad(String what, String yaml, String names) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static final String DEV = read(Path.of("Pulumi.dev.yaml"));

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The committed dev file with one edit; fails if the text to replace is not there (so no case is vacuous). */
    private static String edit(String old, String replacement) {
        if (!DEV.contains(old)) {
            throw new IllegalStateException("Pulumi.dev.yaml has no \"" + old + "\"");
        }
        return DEV.replace(old, replacement);
    }

    /** The committed dev file with one more top-level config line. */
    private static String add(String line) {
        return DEV.replace("config:\n", "config:\n  " + line + "\n");
    }

    private static Bad bad(String what, String yaml, String names) {
        return new Bad(what, yaml, names);
    }

    static List<Bad> cases() {
        String gke = "    maxGpus: 1\n    gke:\n      enabled: true\n";
        return List.of(
                // the document
                bad("YAML that is a list", "- gcp:project\n- headway\n", "config:"),
                bad("YAML that is a scalar", "just some text\n", "config:"),
                bad("an empty file", "", "config:"),
                bad("config: that is a list", "config:\n  - gcp:project: x\n", "config"),
                bad("a misspelled top-level key", DEV.replace("config:\n", "confg:\n"), "confg"),
                bad("a key written twice", edit("    maxGpus: 1\n", "    maxGpus: 1\n    maxGpus: 2\n"), "maxGpus"),
                bad("text that is not YAML", "config:\n  gcp:project: [unclosed\n", "line"),
                // issue 15: each of these was accepted silently or crashed (exit 70, OOM, StackOverflowError)
                bad("a second YAML document", DEV + "---\nconfig:\n  headway:env: prod\n", "more than one YAML document"),
                bad("a YAML alias", edit("    machineType: e2-micro", "    machineType: &img e2-micro")
                        .replace("    workerMachineType: e2-standard-2", "    workerMachineType: *img"), "alias *img"),
                bad("the same key spelled headway:config:", add("headway:config:poller: {running: false}"), "headway:config:poller"),
                bad("nesting 900 deep", "config:\n  headway:labels: " + "[".repeat(900) + "]".repeat(900) + "\n", "deeper than"),
                bad("a secure gcp:project", edit("gcp:project: headway-dev", "gcp:project:\n    secure: v1:AAAABBBB"), "gcp:project"),
                bad("a memory size past Long", edit("memory: 2Gi", "memory: 99999999999999999999Gi"), "headway:batch.memory"),
                bad("a plaintext gcp:credentials", add("gcp:credentials: '{\"type\": \"service_account\"}'"), "gcp:credentials"),
                bad("authorized networks covering the internet", edit(gke.substring(0, gke.indexOf("    gke")), gke
                        + "      masterAuthorizedNetworks: [0.0.0.0/1, 128.0.0.0/1]\n"), "headway:training.gke.masterAuthorizedNetworks"),
                bad("no repository id for CI", edit("    repositoryId: \"714250931\"\n", ""), "headway:ci.repositoryId"),
                // keys and namespaces
                bad("a key without namespace", add("poller: {}"), "poller"),
                bad("a misspelled namespace", add("headwya:team: ml"), "headwya:team"),
                bad("an unknown gcp provider key", add("gcp:regoin: us-east1"), "gcp:regoin"),
                bad("an unknown project key", add("headway:polller: {}"), "headway:polller"),
                bad("an unknown nested key", edit("    machineType: e2-micro", "    machineTyp: e2-micro"), "headway:poller.machineTyp"),
                bad("an unknown key in a list item", edit("        samplingRate: 1.0", "        samplingrate: 1.0"), "headway:serving.endpoints[0].samplingrate"),
                bad("a non-string key in a map", edit("    running: true", "    1: true"), "headway:poller.1"),
                // required values and enums
                bad("gcp:project missing", edit("  gcp:project: headway-dev\n", ""), "gcp:project"),
                bad("a malformed project id", edit("gcp:project: headway-dev", "gcp:project: Headway_Dev"), "gcp:project"),
                bad("an unknown region", edit("gcp:region: us-east1", "gcp:region: us-east9"), "gcp:region"),
                bad("tier missing", edit("  headway:tier: dev\n", ""), "headway:tier"),
                bad("tier not dev or prod", edit("headway:tier: dev", "headway:tier: staging"), "headway:tier"),
                bad("env other than the stack's name", edit("headway:tier: dev", "headway:tier: dev\n  headway:env: prod"), "headway:env"),
                bad("prod tier in a dev project", edit("headway:tier: dev", "headway:tier: prod"), "headway:tier"),
                bad("an accelerator that does not exist", edit("acceleratorType: NVIDIA_TESLA_A100", "acceleratorType: NVIDIA_TESLA_A10"), "headway:training.acceleratorType"),
                bad("a Cloud Run cpu that does not exist", edit("    cpu: \"1\"", "    cpu: \"3\""), "headway:batch.cpu"),
                // types
                bad("a section that is a number", edit(DEV.substring(DEV.indexOf("  headway:poller:\n"), DEV.indexOf("  headway:pubsub:\n")),
                        "  headway:poller: 5\n"), "headway:poller"),
                bad("a boolean written as a word", edit("    running: true", "    running: \"yes\""), "headway:poller.running"),
                bad("a whole number written as a word", edit("ackDeadlineSeconds: 60", "ackDeadlineSeconds: sixty"), "headway:pubsub.ackDeadlineSeconds"),
                bad("a whole number with a fraction", edit("maxDeliveryAttempts: 5", "maxDeliveryAttempts: 5.5"), "headway:pubsub.maxDeliveryAttempts"),
                bad("a list where a map belongs", edit("  headway:serving:\n    firestoreLocation: nam5\n", "  headway:serving:\n    firestoreLocation: [nam5]\n"), "headway:serving.firestoreLocation"),
                bad("endpoints that are a map", edit("    endpoints:\n      - name: headway-gru\n        description: GRU headway model (dev)\n        samplingRate: 1.0\n",
                        "    endpoints:\n      name: headway-gru\n"), "headway:serving.endpoints"),
                bad("an endpoint that is a string", edit("    endpoints:\n      - name: headway-gru\n        description: GRU headway model (dev)\n        samplingRate: 1.0\n",
                        "    endpoints:\n      - headway-gru\n"), "headway:serving.endpoints[0]"),
                bad("a structured value that is not JSON", add("headway:artifacts: \"{keepRecent: \""), "headway:artifacts"),
                bad("an explicit null in a section", edit("    machineType: e2-micro", "    machineType:"), "headway:poller.machineType"),
                bad("a top-level key with no value", edit("headway:zone: us-east1-b", "headway:zone:"), "headway:zone"),
                bad("a secure: value nested where a number belongs", edit("pollIntervalSeconds: 30", "pollIntervalSeconds:\n      secure: v1:AAAABBBBCCCC"), "headway:poller.pollIntervalSeconds"),
                // ranges
                bad("a poll interval below the range", edit("pollIntervalSeconds: 30", "pollIntervalSeconds: 5"), "headway:poller.pollIntervalSeconds"),
                bad("a sampling rate above 1", edit("flowLogSampling: 0.5", "flowLogSampling: 1.5"), "headway:network.flowLogSampling"),
                bad("a public subnet range", edit("subnetCidr: 10.10.0.0/20", "subnetCidr: 8.8.0.0/20"), "headway:network.subnetCidr"),
                bad("a CIDR that is not a network address", edit("subnetCidr: 10.10.0.0/20", "subnetCidr: 10.10.0.1/20"), "headway:network.subnetCidr"),
                bad("message retention over 31 days", edit("messageRetentionSeconds: 86400", "messageRetentionSeconds: 2764800"), "headway:pubsub.messageRetentionSeconds"),
                bad("an endpoint name with capitals", edit("      - name: headway-gru", "      - name: Headway_GRU"), "headway:serving.endpoints[0].name"),
                bad("an https feed written as http", edit("feedUrl: https://", "feedUrl: http://"), "headway:poller.feedUrl"),
                bad("a malformed email", edit("notificationEmail: mlops-dev@headway.dev", "notificationEmail: mlops-dev"), "headway:alerts.notificationEmail"),
                bad("a label key with capitals", edit("    cost-center: ml-platform", "    Cost-Center: ml-platform"), "headway:labels.Cost-Center"),
                bad("a label the stack sets itself", edit("    cost-center: ml-platform", "    env: dev"), "headway:labels.env"),
                bad("a cron minute of 61", edit("schedule: \"0 6 2 * *\"", "schedule: \"61 6 2 * *\""), "headway:batch.schedule"),
                bad("a misspelled time zone", edit("timeZone: America/New_York", "timeZone: America/New_Yrok"), "headway:batch.timeZone"),
                bad("a GPU machine type Google does not sell", edit("machineType: a2-highgpu-1g", "machineType: a2-highgpu-3g"), "headway:training.machineType"),
                bad("a machine type of the wrong family for the GPU", edit("acceleratorType: NVIDIA_TESLA_A100", "acceleratorType: NVIDIA_L4"), "headway:training.machineType"),
                // values that must agree
                bad("a zone outside the region", edit("headway:zone: us-east1-b", "headway:zone: us-central1-a"), "headway:zone"),
                bad("a gcp:zone outside the region", add("gcp:zone: us-west1-a"), "gcp:zone"),
                bad("maxGpus not a multiple of GPUs per machine", edit("machineType: a2-highgpu-1g", "machineType: a2-highgpu-2g"), "headway:training.maxGpus"),
                bad("maxBackoff below minBackoff", edit("maxBackoffSeconds: 300", "maxBackoffSeconds: 5"), "headway:pubsub.maxBackoffSeconds"),
                bad("an alert on unacked age the retention never reaches", edit("oldestUnackedSeconds: 1800", "oldestUnackedSeconds: 90000"), "headway:alerts.oldestUnackedSeconds"),
                bad("GKE pods range overlapping the subnet", edit("    maxGpus: 1\n", gke + "      podsCidr: 10.10.0.0/16\n"), "headway:training.gke.podsCidr"),
                bad("GKE services range overlapping the pods range", edit("    maxGpus: 1\n", gke + "      podsCidr: 10.20.0.0/16\n      servicesCidr: 10.20.4.0/22\n"), "headway:training.gke.servicesCidr"),
                bad("a GKE master range that is not /28", edit("    maxGpus: 1\n", gke + "      masterCidr: 172.16.0.0/24\n"), "headway:training.gke.masterCidr"),
                bad("GKE on with a pool of zero GPUs", edit("    maxGpus: 1\n", "    maxGpus: 0\n    gke:\n      enabled: true\n"), "headway:training.maxGpus"),
                bad("GKE control plane open to the internet", edit("    maxGpus: 1\n", gke + "      masterAuthorizedNetworks: [0.0.0.0/0]\n"), "headway:training.gke.masterAuthorizedNetworks[0]"),
                // issue 13/15: the control plane must admit where `up` runs, and nothing like the whole internet
                bad("GKE control plane open to half the internet", edit("    maxGpus: 1\n", gke + "      masterAuthorizedNetworks: [0.0.0.0/1, 128.0.0.0/1]\n"), "headway:training.gke.masterAuthorizedNetworks[0]"),
                bad("GKE control plane open only to a private range", edit("    maxGpus: 1\n", gke + "      masterAuthorizedNetworks: [10.0.0.0/24]\n"), "headway:training.gke.masterAuthorizedNetworks[0]"),
                bad("GKE control plane that no network reaches", edit("    maxGpus: 1\n", gke), "headway:training.gke.masterAuthorizedNetworks"),
                // issue 13: GPUs only where Google offers them (resources/google/gpu-zones.json)
                bad("GPU nodes in a zone without the GPU", edit("    maxGpus: 1\n", "    maxGpus: 1\n    zones: [us-east1-c]\n"), "headway:training.zones[0]"),
                bad("a GPU the region does not offer", edit("acceleratorType: NVIDIA_TESLA_A100\n    machineType: a2-highgpu-1g",
                        "acceleratorType: NVIDIA_A100_80GB\n    machineType: a2-ultragpu-1g"), "headway:training.acceleratorType"),
                bad("a GPU in a region the table does not cover", edit("gcp:region: us-east1", "gcp:region: us-west2").replace("headway:zone: us-east1-b", "headway:zone: us-west2-b"),
                        "headway:training.acceleratorType"),
                // issue 13: a workload image must be pinned by digest (a tag may not have been pushed)
                bad("a poller image by tag", edit("image: headway-poller@sha256:37a9912bbd565e71595d9971c5d105177ba8adacb61be516572ace38a31b9f73",
                        "image: headway-poller:latest"), "headway:poller.image"),
                bad("an unknown key in the GKE section", edit("    maxGpus: 1\n", gke + "      releaseChanel: STABLE\n"), "headway:training.gke.releaseChanel"),
                bad("two endpoints with one name", edit("        samplingRate: 1.0\n", "        samplingRate: 1.0\n      - name: headway-gru\n"), "headway:serving.endpoints[1].name"),
                bad("a warehouse on another continent", edit("    location: US", "    location: EU"), "headway:warehouse.location"),
                bad("Firestore on another continent", edit("firestoreLocation: nam5", "firestoreLocation: eur3"), "headway:serving.firestoreLocation"),
                bad("table expiration in prod", edit("headway:tier: dev", "headway:tier: prod\n  headway:allowTierMismatch: prod rules rehearsed in the dev project"),
                        "headway:warehouse.tableExpirationDays"),
                bad("more memory than the Cloud Run CPU allows", edit("    memory: 2Gi", "    memory: 16Gi"), "headway:batch.memory"),
                bad("a Flex Template job without its template", edit("    maxWorkers: 1\n", "    maxWorkers: 1\n    job:\n      parameters: {windowSeconds: \"60\"}\n"), "headway:dataflow.job.templateGcsPath"),
                bad("a deployment suffix with upper case", add("headway:deploymentSuffix: B2"), "headway:deploymentSuffix"),
                bad("a deployment suffix too long for a pool id", add("headway:deploymentSuffix: abcdefg"), "headway:deploymentSuffix"),
                // every map checks for unknown keys when it is done with the known ones, the job's too
                bad("an unknown key in the Flex Template job", edit("    maxWorkers: 1\n", "    maxWorkers: 1\n    job:\n      templateGcsPath: gs://hw-dev-templates/feed.json\n      paramters: {windowSeconds: \"60\"}\n"), "headway:dataflow.job.paramters"));
    }

    record Run(int exit, String out, String err) {
    }

    private static Run synth(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadwayCli.run(new String[]{"synth", "dev", "--config-file", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static void assertOneLineNaming(String err, String names) {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), () -> "exactly one line on stderr, got:\n" + err);
        String line = lines.get(0);
        assertTrue(line.startsWith("headway-infra: config "), line);
        assertTrue(line.contains(names), () -> "the line names " + names + ": " + line);
        assertFalse(line.contains("Exception") || line.contains("\tat ") || line.contains("internal error"), line);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void exits2WithOneLineNamingTheKey(Bad c, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, c.yaml());
        Run run = synth(file);
        assertEquals(2, run.exit(), () -> "exit 2; stderr: " + run.err());
        assertEquals("", run.out(), "nothing declared");
        assertOneLineNaming(run.err(), c.names());
    }

    /** A device that never ends is refused after a bounded read (it filled the heap: OutOfMemoryError). */
    @Test
    void anEndlessFileIsOneLine() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(zero));
        Run run = synth(zero);
        assertEquals(2, run.exit(), run.err());
        assertOneLineNaming(run.err(), "/dev/zero");
    }

    @Test
    void atLeast30DistinctMistakes() {
        assertTrue(cases().size() >= 30, "cases: " + cases().size());
        assertEquals(cases().size(), cases().stream().map(Bad::what).distinct().count());
    }

    @Test
    void theCommittedFilesAndASecureTextValuePass(@TempDir Path dir) throws IOException {
        assertEquals(0, synth(Path.of("Pulumi.dev.yaml")).exit());
        assertEquals(0, synth(Path.of("Pulumi.prod.yaml")).exit());
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, edit("notificationEmail: mlops-dev@headway.dev", "notificationEmail:\n      secure: v1:AAAABBBBCCCC"));
        Run run = synth(file);
        assertEquals(0, run.exit(), run.err());
        assertTrue(ConfigFile.read(file).secretKeys().contains("headway:alerts"), "a nested secret makes the whole key secret, as the engine does");
    }

    // ---- the engine path: Main, started by `pulumi up`, reads PULUMI_CONFIG ------------------

    /** The cases whose file parses, handed to the program the way the engine would (PULUMI_CONFIG). */
    static List<Bad> engineCases() {
        List<Bad> out = new ArrayList<>();
        for (Bad c : cases()) {
            try {
                RawConfig raw = ConfigFile.parse("f", c.yaml());
                if (raw.secretKeys().isEmpty()) {
                    out.add(c);
                }
            } catch (ConfigError e) {
                // a file-level mistake: the engine never sees such a file
            }
        }
        return out;
    }

    private static Map<String, String> engineEnv(RawConfig raw) throws IOException {
        Map<String, String> config = new TreeMap<>();
        raw.values().forEach((k, v) -> config.put(k.replaceFirst(":", ":config:"), v));
        return Map.of("PULUMI_CONFIG", new ObjectMapper().writeValueAsString(config), "PULUMI_STACK", "dev",
                "PULUMI_CONFIG_SECRET_KEYS", "[]");
    }

    @ParameterizedTest(name = "engine: {0}")
    @MethodSource("engineCases")
    void theEnginePathPrintsTheSameLine(Bad c, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, c.yaml());
        String cliLine = synth(file).err().strip();

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Settings settings = MainAccess.engineSettings(engineEnv(ConfigFile.parse("f", c.yaml())), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertNull(settings);
        String engineErr = err.toString(StandardCharsets.UTF_8);
        assertOneLineNaming(engineErr, c.names());
        assertEquals(cliLine, engineErr.strip());
    }

    @Test
    void engineCasesCoverMostMistakes() {
        assertTrue(engineCases().size() >= 30, "engine cases: " + engineCases().size());
    }

    @Test
    void theEnginePathAcceptsTheCommittedConfig() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Settings s = MainAccess.engineSettings(engineEnv(ConfigFile.read(Path.of("Pulumi.prod.yaml"))), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertNotNull(s, err.toString(StandardCharsets.UTF_8));
        assertEquals(8, s.training().maxGpus());
    }

    @Test
    void aBrokenPulumiConfigIsOneLine() {
        for (Map<String, String> env : List.of(
                Map.of("PULUMI_CONFIG", "{not json"),
                Map.of("PULUMI_CONFIG", "[\"gcp:project\"]"),
                Map.of("PULUMI_CONFIG", "{\"gcp:config:project\": null}"),
                Map.of("PULUMI_CONFIG", "{\"gcp:config:project\": \"headway-dev\", \"gcp:config:project\": \"x\"}"),
                Map.of("PULUMI_CONFIG", "{}", "PULUMI_CONFIG_SECRET_KEYS", "{\"a\": 1}"))) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertNull(MainAccess.engineSettings(env, new PrintStream(err, true, StandardCharsets.UTF_8)), env.toString());
            String text = err.toString(StandardCharsets.UTF_8);
            assertEquals(1, text.lines().count(), text);
            assertTrue(text.startsWith("headway-infra: config PULUMI_CONFIG") || text.startsWith("headway-infra: config gcp:project"), text);
        }
    }
}
