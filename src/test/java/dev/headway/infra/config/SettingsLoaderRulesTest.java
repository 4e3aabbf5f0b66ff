package dev.headway.infra.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static dev.headway.infra.config.SettingsYaml.load;
import static dev.headway.infra.config.SettingsYaml.loadStack;
import static dev.headway.infra.config.SettingsYaml.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of README's "Config reference" beyond one key's range: values that must agree, shapes Google
 * accepts, unknown keys at every level. Each refusal is one line naming the key and saying what was expected.
 */
class SettingsLoaderRulesTest {
    private static final String GKE = "headway:training: {maxGpus: 8, gke: {masterAuthorizedNetworks: [203.0.113.0/28]%s}}";

    /** A stack file (dev tier unless {@code tier} says prod) that must be refused, naming {@code key}, saying {@code expected}. */
    record Refusal(String what, String tier, List<String> lines, String key, String expected) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static Refusal dev(String what, String line, String key, String expected) {
        return new Refusal(what, "dev", List.of(line), key, expected);
    }

    private static Refusal prod(String what, String line, String key, String expected) {
        return new Refusal(what, "prod", List.of(line), key, expected);
    }

    private static String gke(String more) {
        return GKE.formatted(more);
    }

    private static String networks(int count) {
        return IntStream.range(0, count).mapToObj(i -> (1 + i / 256) + "." + (i % 256) + ".0.0/16").collect(Collectors.joining(", ", "[", "]"));
    }

    static Stream<Refusal> refusals() {
        return Stream.of(
                // names and ids derive from these, so a secret cannot name anything
                dev("a secret gcp:project", "gcp:project: {secure: AAAA}", "gcp:project", "a plain value"),
                dev("a secret gcp:region", "gcp:region: {secure: AAAA}", "gcp:region", "a plain value"),
                dev("a gcp:zone outside gcp:region", "gcp:zone: us-west1-a", "gcp:zone", "a zone in gcp:region us-east1"),
                dev("a headway:zone outside gcp:region", "headway:zone: us-west1-a", "headway:zone", "a zone in gcp:region us-east1"),
                // labels: https://cloud.google.com/compute/docs/labeling-resources#requirements
                dev("a label value with capitals and a space", "headway:labels: {team: Bad Value}", "headway:labels.team", "a label value"),
                dev("a label key starting with goog", "headway:labels: {google-team: x}", "headway:labels.google-team", "does not start with goog"),
                dev("a label the stack sets itself", "headway:labels: {env: x}", "headway:labels.env", "a label other than app, env"),
                dev("61 labels", "headway:labels: " + labels(61), "headway:labels", "at most 60 labels"),
                // Pub/Sub retry policy: minimumBackoff <= maximumBackoff
                dev("maxBackoff below minBackoff", "headway:pubsub: {minBackoffSeconds: 20, maxBackoffSeconds: 19}",
                        "headway:pubsub.maxBackoffSeconds", "at least minBackoffSeconds (20)"),
                dev("a warehouse location BigQuery does not have", "headway:warehouse: {location: mars}", "headway:warehouse.location", "US, EU or a region"),
                dev("a warehouse in another continent", "headway:warehouse: {location: EU}", "headway:warehouse.location",
                        "a location that holds gcp:region us-east1 (US or us-east1)"),
                dev("a warehouse in another region", "headway:warehouse: {location: us-west1}", "headway:warehouse.location", "holds gcp:region us-east1"),
                prod("table expiration in prod", "headway:warehouse: {tableExpirationDays: 30}", "headway:warehouse.tableExpirationDays", "no value in prod"),
                dev("a Firestore location that does not exist", "headway:serving: {firestoreLocation: mars}", "headway:serving.firestoreLocation", "nam5, eur3 or a region"),
                dev("Firestore on another continent", "headway:serving: {firestoreLocation: eur3}", "headway:serving.firestoreLocation",
                        "a location near gcp:region us-east1 (nam5 or us-east1)"),
                dev("Firestore in another region", "headway:serving: {firestoreLocation: us-west1}", "headway:serving.firestoreLocation", "near gcp:region us-east1"),
                dev("a description past 128 characters", "headway:serving: {endpoints: [{name: a, description: " + "d".repeat(129) + "}]}",
                        "headway:serving.endpoints[0].description", "at most 128 characters"),
                dev("two endpoints with one name", "headway:serving: {endpoints: [{name: a}, {name: a}]}", "headway:serving.endpoints[1].name", "a name no other endpoint has"),
                dev("an unacked alert at the retention", "headway:pubsub: {messageRetentionSeconds: 3600}\n  headway:alerts: {oldestUnackedSeconds: 3600}",
                        "headway:alerts.oldestUnackedSeconds", "less than the subscription's retention (3600 s"),
                // GPUs: https://cloud.google.com/compute/docs/gpus
                dev("a machine the accelerator does not attach to", "headway:training: {acceleratorType: NVIDIA_TESLA_T4, machineType: a2-highgpu-1g}",
                        "headway:training.machineType", "a n1-* machine type for NVIDIA_TESLA_T4"),
                dev("an a2 size Google does not make", "headway:training: {machineType: a2-highgpu-3g}", "headway:training.machineType", "a GPU machine type Google offers"),
                dev("a g2 size Google does not make", "headway:training: {machineType: g2-standard-5}", "headway:training.machineType", "a GPU machine type Google offers"),
                dev("an accelerator gcp:region does not offer", "headway:training: {acceleratorType: NVIDIA_L4, machineType: g2-standard-8, maxGpus: 1}",
                        "headway:training.acceleratorType", "an accelerator offered in gcp:region us-east1"),
                dev("a region the GPU table does not cover", "gcp:region: europe-west1\n  headway:zone: europe-west1-b",
                        "headway:training.acceleratorType", "an accelerator in a region the GPU table covers (us-east1"),
                dev("a g2 machine for the A100", "headway:training: {machineType: g2-standard-8}", "headway:training.machineType",
                        "a a2-highgpu-* or a2-megagpu-* machine type for NVIDIA_TESLA_A100"),
                dev("an a2 family Google does not make", "headway:training: {machineType: a2-standard-4}", "headway:training.machineType", "a GPU machine type Google offers"),
                dev("maxGpus not a multiple of a machine's GPUs", "headway:training: {machineType: a2-highgpu-2g, maxGpus: 3}", "headway:training.maxGpus", "a multiple of 2"),
                dev("no zone", "headway:training: {zones: []}", "headway:training.zones", "at least one zone that offers NVIDIA_TESLA_A100 (us-east1-b)"),
                dev("a zone without the GPU", "headway:training: {zones: [us-east1-c]}", "headway:training.zones[0]", "a zone of us-east1 that offers NVIDIA_TESLA_A100"),
                dev("a zone twice", "headway:training: {zones: [us-east1-b, us-east1-b]}", "headway:training.zones", "each zone once"),
                // GKE: https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks
                dev("an authorized network wider than /16", gke("").replace("203.0.113.0/28", "1.2.0.0/15"), "headway:training.gke.masterAuthorizedNetworks[0]", "/16 or narrower"),
                dev("a private authorized network", gke("").replace("203.0.113.0/28", "10.0.0.0/16"), "headway:training.gke.masterAuthorizedNetworks[0]", "a public IPv4 network"),
                dev("authorized networks covering more than a /8", gke("").replace("[203.0.113.0/28]", networks(257)), "headway:training.gke.masterAuthorizedNetworks",
                        "cover at most a /8"),
                dev("no authorized network", gke("").replace("[203.0.113.0/28]", "[]"), "headway:training.gke.masterAuthorizedNetworks", "the public IPv4 networks"),
                dev("a public pods range", gke(", podsCidr: 8.8.0.0/16"), "headway:training.gke.podsCidr", "a private (RFC 1918) range"),
                dev("a public subnet", "headway:network: {subnetCidr: 8.8.0.0/20}", "headway:network.subnetCidr", "a private (RFC 1918) range"),
                dev("pods overlapping the subnet", gke(", podsCidr: 10.10.0.0/16"), "headway:training.gke.podsCidr", "does not overlap headway:network.subnetCidr"),
                dev("services overlapping pods", gke(", servicesCidr: 10.20.0.0/20"), "headway:training.gke.servicesCidr", "does not overlap headway:training.gke.podsCidr"),
                dev("GKE with fewer GPUs than one machine", "headway:training: {maxGpus: 0, gke: {masterAuthorizedNetworks: [203.0.113.0/28]}}",
                        "headway:training.maxGpus", "at least 1"),
                dev("a template parameter name that is not one", "headway:dataflow: {job: {templateGcsPath: gs://headway-b/t.json, parameters: {1x: y}}}",
                        "headway:dataflow.job.parameters.1x", "a template parameter name"),
                // Cloud Run: https://cloud.google.com/run/docs/configuring/services/memory-limits
                dev("a cron step of 0", "headway:batch: {schedule: \"*/0 * * * *\"}", "headway:batch.schedule", "minute field is within 0-59"),
                dev("a month name in the minute field", "headway:batch: {schedule: \"JAN 0 1 * *\"}", "headway:batch.schedule", "minute field is within 0-59"),
                dev("a range of three numbers", "headway:batch: {schedule: \"0 0 1-2-3 * *\"}", "headway:batch.schedule", "day of month field is within 1-31"),
                dev("a time zone that does not exist", "headway:batch: {timeZone: Mars/Base}", "headway:batch.timeZone", "an IANA time zone"),
                dev("a secret id with a space", "headway:batch: {secrets: [bad id]}", "headway:batch.secrets[0]", "a Secret Manager secret id"),
                dev("a secret twice", "headway:batch: {secrets: [a, a]}", "headway:batch.secrets", "each secret once"),
                dev("too little memory for 8 CPUs", "headway:batch: {cpu: \"8\", memory: 3Gi}", "headway:batch.memory", "from 4Gi to 32Gi for cpu 8"),
                dev("too little memory for 4 CPUs", "headway:batch: {cpu: \"4\", memory: 1Gi}", "headway:batch.memory", "from 2Gi to 16Gi for cpu 4"),
                dev("too much memory for 2 CPUs", "headway:batch: {cpu: \"2\", memory: 8193Mi}", "headway:batch.memory", "from 512Mi to 8Gi for cpu 2"),
                dev("too little memory for 1 CPU", "headway:batch: {memory: 100Mi}", "headway:batch.memory", "from 512Mi to 4Gi for cpu 1"),
                dev("an adopted name with a slash", "headway:adopt: {hw-dev-raw: projects/p/datasets/raw}", "headway:adopt.hw-dev-raw", "no slashes"),
                dev("an adopted name that is blank", "headway:adopt: {hw-dev-raw: \" \"}", "headway:adopt.hw-dev-raw", "not blank"),
                dev("an adopt key that names no plan resource", "headway:adopt: {\"a b\": x}", "headway:adopt", "a resource name from the stack's plan"),
                prod("CI disabled in prod", "headway:ci: {enabled: false}", "headway:ci.enabled", "true in a prod-tier stack"),
                dev("CI disabled but its ids given", "headway:ci: {enabled: false, repositoryId: \"1\"}", "headway:ci.repositoryId", "nothing when headway:ci.enabled is false"));
    }

    private static String labels(int count) {
        return IntStream.range(0, count).mapToObj(i -> "l" + i + ": v").collect(Collectors.joining(", ", "{", "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void isRefusedInOneLineNamingTheKeyAndWhatWasExpected(Refusal r) {
        ConfigError e = refused(r.tier(), r.lines().toArray(String[]::new));
        assertTrue(e.key().startsWith(r.key()), r.key() + " expected, " + e.getMessage());
        assertTrue(e.getMessage().contains(r.expected()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }

    /** Every map, down to nested ones, refuses a key it does not know (a typo would otherwise be a silent default). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "headway:network.typo      | headway:network: {typo: 1}",
            "headway:poller.typo       | headway:poller: {typo: 1}",
            "headway:pubsub.typo       | headway:pubsub: {typo: 1}",
            "headway:warehouse.typo    | headway:warehouse: {typo: 1}",
            "headway:artifacts.typo    | headway:artifacts: {typo: 1}",
            "headway:dataflow.typo     | headway:dataflow: {typo: 1}",
            "headway:dataflow.job.typo | headway:dataflow: {job: {templateGcsPath: gs://headway-b/t.json, typo: 1}}",
            "headway:training.typo     | headway:training: {typo: 1}",
            "headway:training.gke.typo | headway:training: {maxGpus: 8, gke: {masterAuthorizedNetworks: [203.0.113.0/28], typo: 1}}",
            "headway:serving.typo      | headway:serving: {typo: 1}",
            "headway:serving.endpoints[0].typo | headway:serving: {endpoints: [{name: a, typo: 1}]}",
            "headway:alerts.typo       | headway:alerts: {typo: 1}",
            "headway:batch.typo        | headway:batch: {typo: 1}",
            "headway:ci.typo           | headway:ci: {repositoryId: \"1\", repositoryOwnerId: \"2\", typo: 1}",
            "headway:ci.typo           | headway:ci: {enabled: false, typo: 1}",
            "headway:typo              | headway:typo: 1"})
    void anUnknownKeyIsRefusedWhereItIs(String key, String line) {
        ConfigError e = refused("dev", line);
        assertEquals(key, e.key(), e.getMessage());
    }

    @Test
    void valuesAtTheEdgeOfARuleAreAccepted() {
        assertEquals(60, load("dev", "headway:labels: " + labels(60)).extraLabels().size());
        var pubsub = load("dev", "headway:pubsub: {minBackoffSeconds: 20, maxBackoffSeconds: 20}").pubsub();
        assertEquals(List.of(20, 20), List.of(pubsub.minBackoffSeconds(), pubsub.maxBackoffSeconds()));
        assertEquals(3599, load("dev", "headway:pubsub: {messageRetentionSeconds: 3600}", "headway:alerts: {oldestUnackedSeconds: 3599}")
                .alerts().oldestUnackedSeconds(), "one second under the retention");
        assertEquals("us-east1", load("dev", "headway:warehouse: {location: us-east1}").warehouse().location());
        assertEquals("us-east1", load("dev", "headway:serving: {firestoreLocation: us-east1}").serving().firestoreLocation());
        assertEquals("us-east1-c", load("dev", "gcp:zone: us-east1-c", "headway:zone: us-east1-c").zone());
        assertEquals(128, load("dev", "headway:serving: {endpoints: [{name: a, description: " + "d".repeat(128) + "}]}")
                .serving().endpoints().get(0).description().length());
    }

    @Test
    void gkeIsDeclaredWithTheRangesAndNetworksGiven() {
        var g = load("prod", gke(", podsCidr: 10.24.0.0/14, servicesCidr: 10.28.0.0/20").replace("[203.0.113.0/28]", "[203.0.113.0/28, 1.2.0.0/16]"))
                .training().gke().orElseThrow();
        assertEquals("10.24.0.0/14 10.28.0.0/20 [203.0.113.0/28, 1.2.0.0/16]", g.podsCidr() + " " + g.servicesCidr() + " " + g.masterAuthorizedNetworks());
        assertEquals(256, load("dev", gke("").replace("[203.0.113.0/28]", networks(256))).training().gke().orElseThrow().masterAuthorizedNetworks().size(),
                "256 /16s are exactly a /8");
        assertEquals(Optional.empty(), load("dev", "headway:training: {maxGpus: 0, gke: {enabled: false, masterAuthorizedNetworks: []}}").training().gke());
    }

    @Test
    void listsAndMapsAreReadBackAsGiven() {
        assertEquals(List.of("us-east1-b"), load("dev", "headway:training: {zones: [us-east1-b]}").training().zones());
        var job = load("dev", "headway:dataflow: {job: {templateGcsPath: gs://headway-b/t.json, parameters: {windowSeconds: \"60\"}}}").dataflow().job().orElseThrow();
        assertEquals("gs://headway-b/t.json " + Map.of("windowSeconds", "60"), job.templateGcsPath() + " " + job.parameters());
        assertEquals(List.of("a", "b"), load("dev", "headway:batch: {secrets: [a, b]}").batch().secrets());
        assertEquals(Map.of("hw-dev-raw", "raw", "hw-dev-x", "Display name"),
                load("dev", "headway:adopt: {hw-dev-raw: raw, hw-dev-x: Display name}").adopt());
        String image = "headway-poller@sha256:" + "a".repeat(64);
        assertEquals(Optional.of(image), load("dev", "headway:poller: {image: " + image + "}").poller().image());
        assertEquals(Optional.of(image), load("dev", "headway:batch: {image: " + image + "}").batch().image());
        assertEquals(Optional.empty(), load("dev", "headway:ci: {enabled: false}").ci(), "a review stack's CI is its sandbox's");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'59 23 31 12 7'", "'*/15 * * * *'", "'0 0 1 JAN MON'", "'0 0 1-5 * *'", "'0,30 * * * *'", "'0 0 1 1-12/3 0-6'"})
    void aCronScheduleWithinEveryFieldsRangeIsAccepted(String schedule) {
        assertEquals(schedule, load("dev", "headway:batch: {schedule: \"" + schedule + "\"}").batch().schedule());
    }

    @ParameterizedTest(name = "cpu {0}, {1}")
    @CsvSource({"1, 512Mi", "1, 4Gi", "2, 512Mi", "2, 8Gi", "4, 2Gi", "4, 16Gi", "8, 4Gi", "8, 32Gi"})
    void cloudRunMemoryFromTheCpusMinimumToItsMaximumIsAccepted(String cpu, String memory) {
        assertEquals(memory, load("dev", "headway:batch: {cpu: \"" + cpu + "\", memory: " + memory + "}").batch().memory());
    }

    @ParameterizedTest(name = "{0} has {1}")
    @CsvSource({"a2-highgpu-1g, 1", "a2-highgpu-4g, 4", "a2-megagpu-16g, 16", "a3-highgpu-8g, 8", "g2-standard-4, 1", "g2-standard-16, 1",
            "g2-standard-24, 2", "g2-standard-32, 2", "g2-standard-48, 4", "g2-standard-96, 8", "n1-standard-8, 1"})
    void gpusPerMachineFollowGooglesMachineTable(String machine, int gpus) {
        // https://cloud.google.com/compute/docs/gpus#l4-gpus (g2: 1 L4 up to 16 vCPUs, 2 at 24/32, 4 at 48, 8 at 96)
        assertEquals(gpus, SettingsLoader.gpusPerNode(machine));
    }

    @Test
    void aSuffixMayBringTheLongestWorkloadIdentityIdToExactly32Characters() {
        // hw-<17>-github-<suffix>: "-zzzz" makes 32 (NameRules.WORKLOAD_IDENTITY_MAX), "-zzzzz" 33
        String stack = "a".repeat(17);
        assertEquals("zzzz", loadStack(stack, "dev", "headway:deploymentSuffix: zzzz").deploymentSuffix());
        ConfigError e = assertThrows(ConfigError.class, () -> loadStack(stack, "dev", "headway:deploymentSuffix: zzzzz"));
        assertEquals("headway:deploymentSuffix", e.key());
    }
}
