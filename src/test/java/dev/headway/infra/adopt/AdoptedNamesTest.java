package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.MainAccess;
import dev.headway.infra.config.ConfigFile;
import dev.headway.infra.config.Settings;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With {@code headway:adopt}, the program declares a mapped resource with its existing name under the plan's logical
 * name ({@link AdoptedNames}): synth shows the existing name as the input, the URN is the plan's, the import id names
 * the existing resource, and nothing else of the plan changes but references to it. A mapping that breaks Google's
 * rule or takes another plan resource's name stops synth with one line, exit 2.
 */
class AdoptedNamesTest {
    static final String TOPIC = "gcp:pubsub/topic:Topic";
    static final String BUCKET = "gcp:storage/bucket:Bucket";

    @TempDir
    Path dir;

    Path config(String adoptYaml) throws Exception {
        Path f = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(f, Files.readString(Path.of("Pulumi.dev.yaml")) + "  headway:adopt:\n" + adoptYaml);
        return f;
    }

    Plan synth(Path config) throws Exception {
        CliRun r = CliRun.of("synth", "dev", "--config-file", config.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        return PlanJson.fromTree(new ObjectMapper().readTree(r.out()));
    }

    @Test
    void aMappedTopicIsDeclaredWithItsExistingNameUnderThePlansName() throws Exception {
        Plan committed = PlanJson.read(Path.of("stacks", "dev.plan.json"));
        Plan mapped = synth(config("    hw-dev-feed-dead-letter: hw-dev-feed-dlq\n"
                + "    headway-dev-hw-dev-pipeline-root: legacy-pipeline-root\n"));
        PlannedResource topic = mapped.get(TOPIC, "hw-dev-feed-dead-letter");
        assertEquals("hw-dev-feed-dlq", topic.input("name").asText());
        assertEquals(committed.get(TOPIC, "hw-dev-feed-dead-letter").urn(), topic.urn(), "the logical name stays the plan's");
        assertEquals("legacy-pipeline-root", mapped.get(BUCKET, "headway-dev-hw-dev-pipeline-root").input("name").asText());

        ImportIds.Rule rule = ImportIds.get().rule(TOPIC).orElseThrow();
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dlq", ImportIds.id(rule, topic, null, null),
                "the import id, from the declared inputs, names the existing topic");
        Adoption a = Adoption.of(mapped, AdoptMap.resolve(mapped, Map.of("hw-dev-feed-dead-letter", "hw-dev-feed-dlq"), ImportIds.get()),
                new AdoptionTest().holding(Map.of(TOPIC, Map.of("hw-dev-feed-dlq", "hw-dev-feed-dlq"))), ImportIds.get());
        Adoption.Entry e = a.entries().stream().filter(x -> x.resource().urn().equals(topic.urn())).findFirst().orElseThrow();
        assertEquals(Adoption.Status.IMPORT, e.status());
        assertEquals("projects/headway-dev/topics/hw-dev-feed-dlq", e.id());
        assertTrue(e.note().contains("nothing is replaced"), e.note());

        PlanDiff d = PlanDiff.between(committed, mapped).cloud();
        assertEquals(List.of(), d.added());
        assertEquals(List.of(), d.removed());
        for (PlanDiff.Changed c : d.changed()) {
            for (PlanDiff.PropertyChange p : c.changes()) {
                boolean ownName = (c.after().urn().equals(topic.urn()) || c.after().name().equals("headway-dev-hw-dev-pipeline-root"))
                        && p.path().equals("name");
                String v = p.after().asText();
                boolean reference = v.contains("hw-dev-feed-dlq") || v.contains("legacy-pipeline-root");
                assertTrue(ownName || reference, "only the mapped names and references to them change: " + c.after().name() + " " + p);
            }
        }
        assertTrue(d.changed().stream().anyMatch(c -> c.after().urn().equals(topic.urn())), "the topic's name is the change");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a topic name starting with goog          | hw-dev-feed-dead-letter: goog-dlq | headway:adopt.hw-dev-feed-dead-letter: expected a gcp:pubsub/topic:Topic name of 3-255 characters",
            "a bucket name with capitals              | headway-dev-hw-dev-pipeline-root: Root | headway:adopt.headway-dev-hw-dev-pipeline-root: expected a gcp:storage/bucket:Bucket name of 3-63",
            "another plan topic's name                | hw-dev-feed-dead-letter: hw-dev-feed | headway:adopt.hw-dev-feed-dead-letter: expected an existing name no other gcp:pubsub/topic:Topic of the plan has, found \"hw-dev-feed\", the name of plan resource hw-dev-feed",
            "a name the feed topic's mapping also takes | hw-dev-feed: hw-dev-feed-dead-letter | headway:adopt.hw-dev-feed: expected an existing name no other gcp:pubsub/topic:Topic of the plan has",
    })
    void synthRefusesAMappingGoogleOrThePlanWouldNot(String what, String yaml, String message) throws Exception {
        CliRun r = CliRun.of("synth", "dev", "--config-file", config("    " + yaml.trim() + "\n").toString(), "--format", "json");
        assertEquals(2, r.exit(), what + ": " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(message), what + ": " + r.err());
    }

    @Test
    void synthRefusesAKeyThePlanDoesNotHave() throws Exception {
        CliRun r = CliRun.of("synth", "dev", "--config-file", config("    hw-dev-fed: legacy-feed\n").toString(), "--format", "json");
        assertEquals(2, r.exit(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains("headway:adopt.hw-dev-fed: expected a resource name of the dev plan"), r.err());
    }

    /** The engine path (pulumi up runs the jar) checks the mapping against the plan before any resource: same one line. */
    @Test
    void theEnginePathRefusesABadMappingBeforeAnyResource() throws Exception {
        for (String yaml : List.of("    hw-dev-feed-dead-letter: hw-dev-feed\n", "    hw-dev-fed: legacy-feed\n")) {
            Path f = config(yaml);
            String cliLine = CliRun.of("synth", "dev", "--config-file", f.toString()).err().strip();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertNull(MainAccess.engineSettings(engineEnv(f), new PrintStream(err, true, StandardCharsets.UTF_8)), yaml);
            assertEquals(cliLine, err.toString(StandardCharsets.UTF_8).strip());
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Settings ok = MainAccess.engineSettings(engineEnv(config("    hw-dev-feed-dead-letter: hw-dev-feed-dlq\n")),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertNotNull(ok, err.toString(StandardCharsets.UTF_8));
        assertEquals(Map.of("hw-dev-feed-dead-letter", "hw-dev-feed-dlq"), ok.adopt());
    }

    static Map<String, String> engineEnv(Path file) throws Exception {
        Map<String, String> config = new TreeMap<>();
        ConfigFile.read(file).values().forEach((k, v) -> config.put(k.replaceFirst(":", ":config:"), v));
        return Map.of("PULUMI_CONFIG", new ObjectMapper().writeValueAsString(config), "PULUMI_STACK", "dev",
                "PULUMI_CONFIG_SECRET_KEYS", "[]");
    }
}
