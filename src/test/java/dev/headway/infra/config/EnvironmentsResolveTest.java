package dev.headway.infra.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.config.Settings.Batch;
import dev.headway.infra.config.Settings.Dataflow;
import dev.headway.infra.config.Settings.Env;
import dev.headway.infra.config.Settings.Tier;
import dev.headway.infra.config.Settings.Training;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The environment from a stack's name and its headway: config, read directly (no stack file). */
class EnvironmentsResolveTest {
    private static ConfigNode config(String json) {
        try {
            return new ConfigNode("headway:", (ObjectNode) new ObjectMapper().readTree(json), false);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String refusal(String stack, String json, String project) {
        return assertThrows(ConfigError.class, () -> Environments.resolve(stack, config(json), project, false)).getMessage();
    }

    @Test
    void aUsableNameIsReturnedAsGiven() {
        assertEquals("staging", Environments.checkName("staging"));
    }

    @Test
    void theLegacyEnvKeyMustBeTheStacksName() {
        assertEquals(new Env("dev", Tier.DEV), Environments.resolve("dev", config("{\"env\": \"dev\"}"), "headway-sandbox", false));
        assertTrue(refusal("qa", "{\"env\": \"staging\", \"tier\": \"dev\"}", "headway-qa")
                .startsWith("config headway:env: expected nothing, or the stack's own name \"qa\""));
    }

    @Test
    void aLegacyEnvOtherThanDevOrProdIsNoTier() {
        assertTrue(refusal("qa", "{\"env\": \"qa\"}", "headway-qa").startsWith("config headway:tier: expected dev (destroyable"));
    }

    // A reason of at least ten characters: "true" or a word is no reason (Environments javadoc).
    @ParameterizedTest
    @ValueSource(strings = {"0123456789", "rehearsing prod retention"})
    void aMismatchReasonOfTenCharactersIsEnough(String reason) {
        assertEquals(new Env("qa", Tier.PROD),
                Environments.resolve("qa", config("{\"tier\": \"prod\", \"allowTierMismatch\": \"" + reason + "\"}"), "headway-dev", false));
    }

    @Test
    void aMismatchReasonOfNineCharactersIsRefused() {
        assertTrue(refusal("qa", "{\"tier\": \"prod\", \"allowTierMismatch\": \"012345678\"}", "headway-dev")
                .startsWith("config headway:allowTierMismatch: expected the reason tier prod runs in headway-dev"));
    }

    // Offline a secret gcp:project reads as the placeholder, so its name cannot be judged against the tier.
    @Test
    void aSecretProjectIsNotJudgedByItsName() {
        assertEquals(new Env("qa", Tier.PROD), Environments.resolve("qa", config("{\"tier\": \"prod\"}"), "headway-dev", true));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
            "prod, headway-dev,  'config headway:tier: expected dev, since gcp:project headway-dev looks like a dev project'",
            "dev,  headway-prod, 'config headway:tier: expected prod, since gcp:project headway-prod looks like a production project'"})
    void aTierMismatchNamesTheTierTheProjectLooksLike(String tier, String project, String message) {
        assertTrue(refusal("qa", "{\"tier\": \"" + tier + "\"}", project).startsWith(message));
    }

    @Test
    void aReviewStackRunsNoStreamingJob() {
        Training none = new Training("NVIDIA_TESLA_T4", "n1-standard-4", 0, List.of(), Optional.empty());
        Dataflow job = new Dataflow("n1-standard-1", 1, Optional.of(new Settings.FlexJob("gs://bucket/template.json", java.util.Map.of())));
        Batch off = new Batch(false, Optional.empty(), "0 3 * * *", "Etc/UTC", List.of(), "1", "1Gi");
        assertTrue(assertThrows(ConfigError.class, () -> ReviewStacks.check(new Env("pr-7", Tier.DEV), none, job, off)).getMessage()
                .startsWith("config headway:dataflow.job: expected nothing in review stack pr-7"));
        assertDoesNotThrow(() -> ReviewStacks.check(new Env("qa", Tier.DEV), none, job, off));
    }

    @Test
    void onlyReviewStacksAreHeldToTheReviewPromises() {
        Training gpus = new Training("NVIDIA_TESLA_T4", "n1-standard-4", 4, List.of("us-east1-c"), Optional.empty());
        Dataflow dataflow = new Dataflow("n1-standard-1", 1, Optional.empty());
        Batch batch = new Batch(true, Optional.empty(), "0 3 * * *", "Etc/UTC", List.of(), "1", "1Gi");
        assertDoesNotThrow(() -> ReviewStacks.check(new Env("qa", Tier.DEV), gpus, dataflow, batch));
        assertEquals("config headway:training.maxGpus: expected 0 in review stack pr-7 (review stacks are torn down with their pull request"
                        + " and hold no GPU quota), found 4",
                assertThrows(ConfigError.class, () -> ReviewStacks.check(new Env("pr-7", Tier.DEV), gpus, dataflow, batch)).getMessage());
    }
}
