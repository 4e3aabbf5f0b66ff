package dev.headway.infra.config;

import dev.headway.infra.cli.HeadwayCli;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broken config stops synth before any resource: exit 2, one line that names the key, no stack trace. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private static final String BASE = "config:\n  gcp:project: headway-dev\n  gcp:region: us-east1\n  headway:env: dev\n"
            + "  headway:ci:\n    repositoryId: \"714250931\"\n    repositoryOwnerId: \"152733784\"\n";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            tier missing             | config:\\n  gcp:project: headway-dev\\n  gcp:region: us-east1\\n        | headway:tier        | dev (destroyable
            env not an enum          | BASE_NO_ENV  headway:env: staging\\n                                    | headway:env         | "staging"
            region unknown           | config:\\n  gcp:project: headway-dev\\n  gcp:region: us-est1\\n  headway:env: dev\\n | gcp:region | did you mean us-east1
            project id invalid       | config:\\n  gcp:project: Headway_Dev\\n  gcp:region: us-east1\\n  headway:env: dev\\n | gcp:project | "Headway_Dev"
            zone outside region      | BASE  headway:zone: us-west1-a\\n                                            | headway:zone        | a zone in gcp:region us-east1
            unknown top-level key    | BASE  headway:pollr:\\n    running: true\\n                                | headway:pollr       | did you mean headway:poller
            unknown nested key       | BASE  headway:poller:\\n    machinType: e2-small\\n                        | headway:poller.machinType | did you mean headway:poller.machineType
            bool of wrong type       | BASE  headway:poller:\\n    running: sometimes\\n                          | headway:poller.running | true or false
            machine type pattern     | BASE  headway:poller:\\n    machineType: huge\\n                           | headway:poller.machineType | "huge"
            number out of range      | BASE  headway:pubsub:\\n    ackDeadlineSeconds: 5\\n                       | headway:pubsub.ackDeadlineSeconds | from 10 to 600
            number not a number      | BASE  headway:pubsub:\\n    maxDeliveryAttempts: many\\n                   | headway:pubsub.maxDeliveryAttempts | "many"
            cidr unparsable          | BASE  headway:network:\\n    subnetCidr: 10.0.0.300/20\\n                  | headway:network.subnetCidr | IPv4 CIDR
            cidr not private         | BASE  headway:network:\\n    subnetCidr: 8.8.0.0/20\\n                     | headway:network.subnetCidr | private
            section not a map        | BASE  headway:poller: yes\\n                                               | headway:poller      | a map of settings
            unknown namespace        | BASE  headwya:env: dev\\n                                                  | headwya:env         | did you mean headway
            gpus not multiple        | BASE  headway:training:\\n    machineType: a2-highgpu-2g\\n    maxGpus: 3\\n | headway:training.maxGpus | a multiple of 2
            accelerator vs machine   | BASE  headway:training:\\n    acceleratorType: NVIDIA_L4\\n    machineType: a2-highgpu-1g\\n | headway:training.machineType | g2-standard-
            duplicate endpoint       | BASE  headway:serving:\\n    endpoints:\\n      - name: a1\\n      - name: a1\\n | headway:serving.endpoints[1].name | twice
            broken yaml              | config:\\n  gcp:project: [unclosed\\n                                       | test-config.yaml    | not valid YAML
            empty file               | ''                                                                       | test-config.yaml    | empty
            not a map                | - just\\n- a list\\n                                                     | test-config.yaml    | expected a map
            """)
    void badConfigExitsTwoWithOneLineNamingTheKey(String what, String yaml, String key, String mentions) throws IOException {
        String text = yaml.replace("BASE_NO_ENV", "config:\n  gcp:project: headway-dev\n  gcp:region: us-east1\n")
                .replace("BASE", BASE).replace("\\n", "\n").replace("''", "");
        Path file = dir.resolve("test-config.yaml");
        Files.writeString(file, text);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = HeadwayCli.run(new String[]{"synth", "dev", "--config-file", file.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String stderr = err.toString(StandardCharsets.UTF_8);
        assertEquals(2, code, what + ": " + stderr);
        assertEquals(1, stderr.lines().count(), "one line: " + stderr);
        assertTrue(stderr.contains(key), "names " + key + ": " + stderr);
        assertTrue(stderr.contains(mentions), "says " + mentions + ": " + stderr);
        assertFalse(stderr.contains("\tat "), "no stack trace");
        assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing synthesized");
    }
}
