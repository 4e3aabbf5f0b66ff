package dev.headway.infra.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.MainAccess;
import dev.headway.infra.cli.CliRun;
import dev.headway.infra.hooks.engine.StackEngine;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Environments by name (issue 17): any stack name, a tier that decides retention, name/tier/project agreeing. */
class EnvironmentsTest {
    @TempDir
    Path dir;

    @Test
    void stagingIsItsOwnEnvironmentAndProdTier() {
        Plan plan = Synth.stack("staging");
        assertEquals("staging", plan.outputs().get("env").asText());
        assertEquals("prod", plan.tier());
        assertEquals("headway-staging", plan.project());
        assertEquals("hw-staging-feed", plan.get("gcp:pubsub/topic:Topic", "hw-staging-feed").input("name").asText());
        PlannedResource raw = plan.get("gcp:bigquery/dataset:Dataset", "hw_staging_raw");
        assertTrue(raw.protect() && raw.retainOnDelete(), "a prod-tier stack keeps its data whatever its name");
        assertEquals("staging", raw.input("labels.env").asText());
    }

    @Test
    void aReviewStackSynthesizesFromTheTemplateWithNoGpuQuotaAndNoGke() throws Exception {
        assertFalse(Files.exists(Path.of("Pulumi.pr-7.yaml")), "pr-7 has no file of its own");
        CliRun run = CliRun.of("synth", "pr-7", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        assertEquals("pr-7", plan.get("stack").asText());
        assertEquals("dev", plan.get("outputs").get("tier").asText());
        boolean quota = false;
        for (JsonNode r : plan.get("resources")) {
            String type = r.get("type").asText();
            assertFalse(type.startsWith("gcp:container/") || type.startsWith("kubernetes:"), "no GKE in a review stack: " + type);
            assertFalse(r.get("protect").asBoolean() || r.get("retainOnDelete").asBoolean(), "review stacks keep nothing: " + r.get("urn"));
            if (type.equals("gcp:serviceusage/consumerQuotaOverride:ConsumerQuotaOverride")) {
                quota = true;
                assertEquals("0", r.get("inputs").get("overrideValue").asText(), "the GPU quota is capped at zero");
            }
            if (type.equals("gcp:pubsub/topic:Topic")) {
                assertTrue(r.get("inputs").get("name").asText().startsWith("hw-pr-7-"), "its own topics");
            }
        }
        assertTrue(quota);
        assertEquals("hw_pr_7_raw", plan.get("outputs").get("rawDataset").asText().replaceAll(".*[:.]", ""));
    }

    /**
     * A review stack declares no CI identity of its own (headway:ci.enabled: false in the template): its
     * workflow federates as the sandbox's deployer. No pool, provider, deployer or previewer, and none of the
     * outputs that name them; the template as it was (its own headway:ci) is what HW-REV-004 refuses.
     */
    @Test
    void aReviewStackHasNoCiIdentityAndTheReviewPolicyRefusesOne() throws Exception {
        CliRun run = CliRun.of("synth", "pr-7", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        for (JsonNode r : plan.get("resources")) {
            String type = r.get("type").asText();
            assertFalse(type.startsWith("gcp:iam/workloadIdentityPool") || type.equals("gcp:serviceaccount/key:Key"), "CI identity in a review stack: " + r.get("urn"));
            assertFalse(r.get("inputs").toString().matches(".*hw-pr-7-(deployer|previewer).*"), "a CI account in a review stack: " + r.get("urn"));
        }
        for (String output : new String[]{"workloadIdentityProvider", "deployerServiceAccount", "previewerServiceAccount"}) {
            assertFalse(plan.get("outputs").has(output), "no " + output + " without CI access");
        }
        assertTrue(plan.get("outputs").has("rawDataset"), "the outputs the hooks read are still there");
        assertEquals(0, CliRun.of("check", "pr-7").exitCode(), "the template passes its own policies");

        String template = Files.readString(Path.of("stacks/review.template.yaml"));
        String ownCi = template.replace("  headway:ci:\n    enabled: false\n", "  headway:ci:\n    githubRepository: headway-transit/headway-infra\n"
                + "    repositoryId: \"714250931\"\n    repositoryOwnerId: \"152733784\"\n    deployEnvironment: review\n");
        assertFalse(ownCi.equals(template), "the edit applies");
        Path file = dir.resolve("Pulumi.pr-7.yaml");
        Files.writeString(file, ownCi);
        CliRun check = CliRun.of("check", "pr-7", "--config-file", file.toString());
        assertEquals(1, check.exitCode(), check.err() + check.out());
        assertTrue(check.out().lines().anyMatch(l -> l.startsWith("HW-REV-004 HIGH iam.WorkloadIdentityPool ")), check.out());
        assertTrue(check.out().lines().anyMatch(l -> l.startsWith("HW-REV-004 HIGH iam.WorkloadIdentityPoolProvider ")), check.out());
    }

    /** Every mistake is one line on stderr naming the key, exit 2, before any resource. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            issue 15: prod stack saying env dev | prod    | Pulumi.prod.yaml | headway:tier: prod        | headway:env: dev                    | config headway:env: expected nothing, or the stack's own name "prod"
            prod stack with tier dev            | prod    | Pulumi.prod.yaml | headway:tier: prod        | headway:tier: dev                   | config headway:tier: expected prod for stack "prod"
            production stack with tier dev      | production | Pulumi.prod.yaml | headway:tier: prod     | headway:tier: dev                   | config headway:tier: expected prod for stack "production"
            dev tier in the prod project        | qa      | Pulumi.prod.yaml | headway:tier: prod        | headway:tier: dev                   | gcp:project headway-prod looks like a production project
            prod tier in a dev project          | qa      | Pulumi.dev.yaml  | headway:tier: dev         | headway:tier: prod                  | gcp:project headway-dev looks like a dev project
            a mismatch allowed by just true     | qa      | Pulumi.dev.yaml  | headway:tier: dev         | headway:tier: prod\\n  headway:allowTierMismatch: true | config headway:allowTierMismatch: expected the reason
            an allowance with nothing to allow  | qa      | Pulumi.staging.yaml | headway:tier: prod     | headway:tier: prod\\n  headway:allowTierMismatch: because we can | expected nothing (tier prod agrees
            no tier                             | qa      | Pulumi.staging.yaml | '  headway:tier: prod\\n' |                                 | config headway:tier: expected dev (destroyable
            a stack name too long               | a-very-long-stack-1 | Pulumi.staging.yaml | headway:tier: prod | headway:tier: prod          | config stack name: expected a stack name usable as an environment: at most 17 characters (19 here)
            a stack name in capitals            | Staging | Pulumi.staging.yaml | headway:tier: prod     | headway:tier: prod                  | lowercase letters, digits and hyphens
            a stack name with underscores       | my_env  | Pulumi.staging.yaml | headway:tier: prod     | headway:tier: prod                  | lowercase letters, digits and hyphens
            a review stack in prod tier         | pr-7    | Pulumi.dev.yaml  | headway:tier: dev         | headway:tier: prod                  | config headway:tier: expected dev for review stack "pr-7"
            a review stack in the prod project  | pr-7    | Pulumi.prod.yaml | headway:tier: prod        | headway:tier: dev                   | config gcp:project: expected a sandbox project for review stack "pr-7"
            a review stack with GPU quota       | pr-7    | stacks/review.template.yaml | maxGpus: 0     | maxGpus: 1                          | config headway:training.maxGpus: expected 0 in review stack pr-7
            a review stack with GKE             | pr-7    | stacks/review.template.yaml | maxGpus: 0     | maxGpus: 1\\n    gke: {enabled: true, masterAuthorizedNetworks: [203.0.113.0/28]} | config headway:training.gke: expected nothing in review stack pr-7
            a review stack with the batch worker | pr-7   | stacks/review.template.yaml | 'headway:batch:\n    enabled: false' | 'headway:batch:\n    enabled: true' | config headway:batch.enabled: expected false in review stack pr-7
            CI off but a repository id named    | pr-7    | stacks/review.template.yaml | 'headway:ci:\n    enabled: false' | 'headway:ci:\n    enabled: false\n    repositoryId: "714250931"' | config headway:ci.repositoryId: expected nothing when headway:ci.enabled is false
            CI enabled neither true nor false    | pr-7    | stacks/review.template.yaml | 'headway:ci:\n    enabled: false' | 'headway:ci:\n    enabled: sometimes' | config headway:ci.enabled: expected true or false
            a prod stack without CI identity     | prod    | Pulumi.prod.yaml | '  headway:ci:\n' | '  headway:ci:\n    enabled: false\n' | config headway:ci.enabled: expected true in a prod-tier stack
            """)
    void refusedWithOneLine(String what, String stack, String base, String from, String to, String message) throws Exception {
        String text = Files.readString(Path.of(base));
        String replaced = text.replace(from.replace("\\n", "\n"), to == null ? "" : to.replace("\\n", "\n"));
        assertTrue(from.equals(to) || !replaced.equals(text), "the edit applies to " + base + ": " + from);
        Path file = dir.resolve("Pulumi." + stack + ".yaml");
        Files.writeString(file, replaced);
        CliRun run = CliRun.of("synth", stack, "--config-file", file.toString());
        assertEquals(2, run.exitCode(), what + ": " + run.err() + run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(message), what + ": " + run.err());
        assertEquals("", run.out());
    }

    @Test
    void aStackNameThatCannotBeAnEnvironmentIsRefusedBeforeItsFileIsRead() {
        for (String command : new String[]{"synth", "check"}) {
            CliRun run = CliRun.of(command, "a-very-long-stack-name");
            assertEquals(2, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().contains("config stack name: expected a stack name usable as an environment: at most 17 characters (22 here)"), run.err());
        }
    }

    @Test
    void aMismatchWithAReasonIsAllowedAndTheTierDecidesRetention() throws Exception {
        Path file = dir.resolve("Pulumi.qa.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.dev.yaml")).replace("headway:tier: dev",
                "headway:tier: prod\n  headway:allowTierMismatch: rehearsing prod retention in the dev project")
                .replace("    tableExpirationDays: 30\n", ""));
        CliRun run = CliRun.of("synth", "qa", "--config-file", file.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode plan = new ObjectMapper().readTree(run.out());
        for (JsonNode r : plan.get("resources")) {
            if (r.get("type").asText().equals("gcp:bigquery/dataset:Dataset")) {
                assertTrue(r.get("protect").asBoolean(), "tier prod protects, whatever the stack is called: " + r.get("name"));
                assertTrue(r.get("inputs").get("datasetId").asText().startsWith("hw_qa_"));
            }
        }
    }

    @Test
    void theLegacyEnvKeyStillWorksWhenItIsTheStacksName() {
        Settings s = SettingsLoader.load("prod", Synth.config("prod").with("headway:env", "prod"));
        assertTrue(s.env().isProd());
        RawConfig legacy = new RawConfig(new java.util.TreeMap<>(Synth.config("dev").values()), java.util.Set.of());
        java.util.Map<String, String> values = new java.util.TreeMap<>(legacy.values());
        values.remove("headway:tier");
        values.put("headway:env", "dev");
        Settings dev = SettingsLoader.load("dev", new RawConfig(values, java.util.Set.of()));
        assertFalse(dev.env().isProd());
        assertEquals("dev", dev.env().id());
    }

    @Test
    void theEngineTakesTheStackNameFromPulumiStackAndNeverGuessesIt() throws Exception {
        Map<String, String> config = new java.util.TreeMap<>();
        Synth.config("staging").values().forEach((k, v) -> config.put(k, v));
        String json = new ObjectMapper().writeValueAsString(config);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Settings s = MainAccess.engineSettings(Map.of("PULUMI_CONFIG", json, "PULUMI_STACK", "staging"),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals("staging", s.env().id());
        assertTrue(s.env().isProd());
        assertNull(MainAccess.engineSettings(Map.of("PULUMI_CONFIG", json), new PrintStream(err, true, StandardCharsets.UTF_8)));
        assertEquals("headway-infra: config PULUMI_STACK: expected the stack's name from the Pulumi engine (run through pulumi up -s <stack>), found nothing",
                err.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void destroyNeedsConfirmationForEveryProdTierStack() throws Exception {
        for (String f : new String[]{"Pulumi.staging.yaml", "Pulumi.dev.yaml"}) {
            Files.copy(Path.of(f), dir.resolve(f));
        }
        assertTrue(StackEngine.isProd("staging", dir), "staging is prod-tier by its file, not its name");
        assertFalse(StackEngine.isProd("dev", dir));
        assertTrue(StackEngine.isProd("prod", dir), "named prod: confirm even without a file");
        Files.writeString(dir.resolve("Pulumi.qa.yaml"), "config:\n  gcp:project: headway-qa\n");
        assertTrue(StackEngine.isProd("qa", dir), "a file that does not validate: the tier is unknown, so confirm");
    }
}
