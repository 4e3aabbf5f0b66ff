package dev.headway.infra.adopt;

import dev.headway.infra.testing.CliRun;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code headway:adopt} is validated like all config: through the real CLI, a wrong mapping stops
 * {@code adopt} (and {@code synth}) with one line naming the key, exit 2, before anything is looked up.
 */
class AdoptConfigTest {
    @TempDir
    Path dir;

    Path config(String adoptYaml) throws Exception {
        Path f = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(f, Files.readString(Path.of("Pulumi.dev.yaml")) + "  headway:adopt:" + adoptYaml + "\n");
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a name the plan does not have     | {hw-dev-fed: legacy-feed}                       | headway:adopt.hw-dev-fed: expected a resource name of the dev plan",
            "a type found by Google's own id    | {training-vertex-gpu-quota-override: x}          | headway:adopt.training-vertex-gpu-quota-override: expected a resource that is imported by name",
            "an IAM member (created, not imported) | {hw-dev-feed-publish-poller: x}               | headway:adopt.hw-dev-feed-publish-poller: expected a resource that is imported by name",
            "a topic name Pub/Sub refuses       | {hw-dev-feed: 9feed}                              | headway:adopt.hw-dev-feed: expected a gcp:pubsub/topic:Topic name of 3-255 characters, a letter first, no goog prefix",
            "a topic name starting with goog    | {hw-dev-feed: google-feed}                        | headway:adopt.hw-dev-feed: expected a gcp:pubsub/topic:Topic name of 3-255 characters, a letter first, no goog prefix",
            "a bucket name with capitals        | {headway-dev-hw-dev-dataflow-staging: Staging}    | headway:adopt.headway-dev-hw-dev-dataflow-staging: expected a gcp:storage/bucket:Bucket name",
            "a full resource path               | {hw-dev-feed: projects/p/topics/t}                | headway:adopt.hw-dev-feed: expected the existing resource's short name",
            "a list instead of a map            | '[hw-dev-feed]'                                   | headway:adopt: expected a map of names to values",
            "a key with a space                 | {'hw dev': x}                                     | headway:adopt.hw dev: expected a resource name from the stack's plan",
    })
    void aWrongMappingStopsWithOneLine(String what, String yaml, String message) throws Exception {
        Path f = config(" " + yaml.replace("'[", "[").replace("]'", "]"));
        CliRun r = CliRun.of("adopt", "dev", "--config-file", f.toString(), "--out", dir.resolve("out.json").toString());
        assertEquals(2, r.exit(), what + ": " + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().contains(message), what + ": " + r.err());
        assertFalse(Files.exists(dir.resolve("out.json")), "nothing written");
    }
}
