package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.pubsub.v1.SubscriptionAdminClient;
import com.google.cloud.pubsub.v1.SubscriptionAdminSettings;
import com.google.cloud.pubsub.v1.TopicAdminClient;
import com.google.cloud.pubsub.v1.TopicAdminSettings;
import com.google.pubsub.v1.PushConfig;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.testing.ChildCli;
import dev.headway.infra.testing.CliRun;
import dev.headway.infra.testing.PubSubEmulator;
import dev.headway.infra.testing.StandInPulumi;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code adopt dev} as a user runs it (the CLI in its own JVM) against gcloud's real Pub/Sub emulator holding
 * what the scripts made: the feed topic and its subscription under the plan's names, and the dead-letter topic
 * under another name; plus the REST fake holding a dataset and an alert policy of the plan and a bucket the plan does not name.
 * {@code --apply} runs against the stand-in {@code pulumi}, whose {@code import} checks the file by the CLI's rules.
 */
class AdoptEmulatorTest {
    static final String TOPIC = "gcp:pubsub/topic:Topic";
    static final String SUB = "gcp:pubsub/subscription:Subscription";
    static PubSubEmulator emulator;
    static FakeGoogleRest rest;
    static Plan plan;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        plan = ImportIdsTest.committed("dev");
        emulator = PubSubEmulator.start();
        ManagedChannel channel = ManagedChannelBuilder.forTarget(emulator.hostPort()).usePlaintext().build();
        var transport = FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel));
        try (TopicAdminClient topics = TopicAdminClient.create(TopicAdminSettings.newBuilder().setTransportChannelProvider(transport)
                .setCredentialsProvider(NoCredentialsProvider.create()).build());
             SubscriptionAdminClient subs = SubscriptionAdminClient.create(SubscriptionAdminSettings.newBuilder()
                     .setTransportChannelProvider(transport).setCredentialsProvider(NoCredentialsProvider.create()).build())) {
            // as the scripts did: gcloud pubsub topics create ...; gcloud pubsub subscriptions create --topic --ack-deadline=60
            topics.createTopic("projects/headway-dev/topics/hw-dev-feed");
            topics.createTopic("projects/headway-dev/topics/hw-dev-feed-dlq");
            subs.createSubscription("projects/headway-dev/subscriptions/hw-dev-feed-dataflow", "projects/headway-dev/topics/hw-dev-feed",
                    PushConfig.getDefaultInstance(), 60);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        rest = new FakeGoogleRest("headway-dev");
        rest.datasets.add("hw_dev_raw");
        rest.buckets.add("headway-dev-staging");
        rest.alertPolicies.add("Headway dev: Dataflow system lag above 600 s");
    }

    @AfterAll
    static void stop() {
        if (rest != null) {
            rest.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    Map<String, String> env(String path) {
        Map<String, String> env = new HashMap<>(rest.env());
        env.put("PUBSUB_EMULATOR_HOST", emulator.hostPort());
        env.put("PATH", path);
        return env;
    }

    Path config(String extra) throws Exception {
        Path f = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(f, Files.readString(Path.of("Pulumi.dev.yaml")) + extra);
        return f;
    }

    CliRun adopt(Map<String, String> env, Path config, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("adopt", "dev", "--config-file", config.toString(),
                "--out", dir.resolve("import.json").toString(), "--timeout", "20"));
        args.addAll(List.of(more));
        return ChildCli.run(dir, env, args.toArray(String[]::new));
    }

    /** (type, name, id) of each resource the import file imports. */
    Set<List<String>> imported() throws Exception {
        JsonNode file = new ObjectMapper().readTree(dir.resolve("import.json").toFile());
        Set<List<String>> out = new TreeSet<>(java.util.Comparator.comparing(Object::toString));
        for (JsonNode r : file.path("resources")) {
            if (r.has("id")) {
                out.add(List.of(r.path("type").asText(), r.path("name").asText(), r.path("id").asText()));
            }
        }
        return out;
    }

    @Test
    void importsExactlyWhatExistsUnderThePlansNamesAndReportsTheRest() throws Exception {
        CliRun r = adopt(env("/usr/bin:/bin"), config(""));
        assertEquals(0, r.exit(), r.err());
        assertEquals(Set.of(
                List.of(TOPIC, "hw-dev-feed", "projects/headway-dev/topics/hw-dev-feed"),
                List.of(SUB, "hw-dev-feed-dataflow", "projects/headway-dev/subscriptions/hw-dev-feed-dataflow"),
                List.of("gcp:bigquery/dataset:Dataset", "hw_dev_raw", "projects/headway-dev/datasets/hw_dev_raw"),
                // the id Google gave it, found by its display name
                List.of("gcp:monitoring/alertPolicy:AlertPolicy", "hw-dev-dataflow-lag", "projects/headway-dev/alertPolicies/1000")), imported());
        String out = r.out();
        assertTrue(out.contains("Exists outside the plan") && out.contains(TOPIC + "  hw-dev-feed-dlq")
                && out.contains("gcp:storage/bucket:Bucket  headway-dev-staging"), out);
        assertTrue(out.contains("Not found: pulumi up creates") && out.contains(TOPIC + "  hw-dev-feed-dead-letter"), out);
        // looked for inside their parents: the NAT in the region's routers, the provider in the pools, tables in the datasets
        String notFound = out.substring(out.indexOf("Not found: pulumi up creates"));
        assertTrue(notFound.contains("gcp:compute/routerNat:RouterNat  hw-dev-nat\n"), out);
        assertTrue(notFound.contains("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider  hw-dev-github\n"), out);
        assertTrue(notFound.contains("gcp:bigquery/table:Table  hw_dev_raw.trip_updates\n"), out);
        assertTrue(out.contains("gcp:projects/iAMMember:IAMMember x"
                + dev.headway.infra.testing.Synth.stack("dev").ofType("gcp:projects/iAMMember:IAMMember").size() + ":"), out);
        assertTrue(out.contains("training-vertex-gpu-quota-override  projects/headway-dev/services/aiplatform.googleapis.com/consumerQuotaMetrics/"
                + "aiplatform.googleapis.com%2Fcustom_model_training_nvidia_a100_gpus/limits/%2Fproject%2Fregion/consumerOverrides/<id Google gave it>"), out);
        assertTrue(out.contains("Not found: pulumi up creates") && out.contains("gcp:vertex/aiTensorboard:AiTensorboard  hw-dev-experiments"), out);
        ImportFileCheck.Result check = ImportFileCheck.check(Files.readString(dir.resolve("import.json")), "dev", "headway");
        assertEquals(List.of(), check.errors());
        assertTrue(check.urns().containsValue(plan.get(SUB, "hw-dev-feed-dataflow").urn()));
    }

    @Test
    void aMappedNameAdoptsTheTopicTheScriptsMadeUnderAnotherName() throws Exception {
        CliRun r = adopt(env("/usr/bin:/bin"), config("  headway:adopt:\n    hw-dev-feed-dead-letter: hw-dev-feed-dlq\n"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(imported().contains(List.of(TOPIC, "hw-dev-feed-dead-letter", "projects/headway-dev/topics/hw-dev-feed-dlq")), imported().toString());
        assertEquals(5, imported().size(), imported().toString());
        assertFalse(r.out().contains(TOPIC + "  hw-dev-feed-dlq\n"), "no longer outside the plan: " + r.out());
        assertTrue(r.out().contains("exists as hw-dev-feed-dlq (headway:adopt): declared with that name under the plan's name "
                + "hw-dev-feed-dead-letter, so nothing is replaced"), r.out());
        assertFalse(r.out().contains("replacement"), r.out());
    }

    StandInPulumi standIn(String previewJson, int previewExit) throws Exception {
        StandInPulumi p = StandInPulumi.create("{}");
        Path check = p.dir().resolve("import-check");
        Files.writeString(check, "#!/bin/bash\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '"
                + System.getProperty("java.class.path") + "' " + ImportFileCheck.class.getName() + " \"$1\" dev headway\n");
        Files.setPosixFilePermissions(check, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(p.dir().resolve("preview.json"), previewJson);
        Files.writeString(p.dir().resolve("preview-exit"), String.valueOf(previewExit));
        return p;
    }

    @Test
    void applyImportsThroughTheCliThenListsTheInputsThatWouldStillChange() throws Exception {
        String subUrn = plan.get(SUB, "hw-dev-feed-dataflow").urn();
        String preview = """
                {"steps": [
                  {"op": "same", "urn": "%s"},
                  {"op": "update", "urn": "%s", "diffReasons": ["ackDeadlineSeconds", "deadLetterPolicy"],
                   "detailedDiff": {"deadLetterPolicy": {"kind": "add", "inputDiff": false}, "retryPolicy": {"kind": "add", "inputDiff": false}}},
                  {"op": "create", "urn": "%s"}
                ], "changeSummary": {"same": 1, "update": 1, "create": 120}}
                """.formatted(plan.get(TOPIC, "hw-dev-feed").urn(), subUrn, plan.get(TOPIC, "hw-dev-feed-dead-letter").urn());
        StandInPulumi p = standIn(preview, 255);
        CliRun r = adopt(env(p.dir() + ":/usr/bin:/bin"), config(""), "--apply");
        assertEquals(1, r.exit(), r.out() + r.err());
        List<String> calls = p.calls();
        assertEquals(2, calls.size(), calls.toString());
        assertEquals("import --file " + dir.resolve("import.json") + " --yes --generate-code=false --stack dev --non-interactive", calls.get(0));
        assertEquals("preview --expect-no-changes --json --stack dev --non-interactive", calls.get(1));
        assertTrue(r.out().contains("preview: 1 imported resource(s) would still change"), r.out());
        assertTrue(r.out().contains("update  " + subUrn + "  inputs: ackDeadlineSeconds, deadLetterPolicy, retryPolicy"), r.out());
        assertFalse(r.out().contains("create  "), "creates are up's business, not the import's: " + r.out());
    }

    @Test
    void applyWithoutThePulumiCliIsOneLineAndExitThree() throws Exception {
        CliRun r = adopt(env("/usr/bin:/bin"), config(""), "--apply");
        assertEquals(3, r.exit(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("the Pulumi CLI is not on PATH"), r.err());
        assertTrue(Files.exists(dir.resolve("import.json")), "the import file is written before the CLI is needed");
    }
}
