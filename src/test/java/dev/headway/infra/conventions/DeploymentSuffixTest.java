package dev.headway.infra.conventions;

import dev.headway.infra.config.ConfigError;
import dev.headway.infra.config.SettingsLoader;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Names Google blocks after a delete carry the deployment suffix; destroy moves it on deterministically. */
class DeploymentSuffixTest {
    @Test
    void theNextSuffixCountsInBase36() {
        assertEquals("1", Names.nextDeploymentSuffix(""));
        assertEquals("a", Names.nextDeploymentSuffix("9"));
        assertEquals("10", Names.nextDeploymentSuffix("z"));
        assertThrows(IllegalStateException.class, () -> Names.nextDeploymentSuffix("zzzzzz"));
    }

    @Test
    void withoutASuffixNamesStayAsTheyWere() {
        var plan = Synth.stack("dev");
        assertEquals("hw-dev-ci", plan.get("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "hw-dev-ci").input("workloadIdentityPoolId").asText());
        assertEquals("hw-dev-predictions", plan.get("gcp:firestore/database:Database", "hw-dev-predictions").input("name").asText());
    }

    @Test
    void aSuffixGoesOnThePoolTheProviderAndTheFirestoreIdsOnly() {
        var plan = Synth.stack("dev", Map.of("headway:deploymentSuffix", "3"));
        assertEquals("hw-dev-ci-3", plan.get("gcp:iam/workloadIdentityPool:WorkloadIdentityPool", "hw-dev-ci").input("workloadIdentityPoolId").asText());
        assertEquals("hw-dev-github-3", plan.get("gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider", "hw-dev-github")
                .input("workloadIdentityPoolProviderId").asText());
        assertEquals("hw-dev-predictions-3", plan.get("gcp:firestore/database:Database", "hw-dev-predictions").input("name").asText());
        assertEquals("hw-dev-poller", plan.get("gcp:compute/instance:Instance", "hw-dev-poller").input("name").asText());
    }

    @Test
    void poolIdsStayWithinGooglesLimit() {
        // workloadIdentityPoolId: 4-32 characters; the longest suffix on the longest env still fits
        assertEquals("hw-prod-github-zzzzzz", new Names("prod", "headway-prod", "zzzzzz").workloadIdentity("github"));
        assertThrows(IllegalStateException.class, () -> new Names("prod", "p-prod", "zzzzzz").workloadIdentity("a-very-long-purpose-name"));
    }

    @Test
    void aSuffixThatPushesAWorkloadIdentityIdPast32CharactersIsAConfigError() {
        // a 17-character stack name fits every name alone (Names.MAX_ENVIRONMENT), but hw-<17>-github-<6> is 34
        String stack = "a".repeat(Names.MAX_ENVIRONMENT);
        var e = assertThrows(ConfigError.class,
                () -> SettingsLoader.load(stack, Synth.config("dev").with("headway:deploymentSuffix", "zzzzzz")));
        assertEquals(stack, SettingsLoader.load(stack, Synth.config("dev").with("headway:deploymentSuffix", "zz")).env().id());
        assertTrue(e.getMessage().contains("headway:deploymentSuffix"), e.getMessage());
        assertEquals("hw-" + stack + "-github-zz", new Names(stack, "p-dev", "zz").workloadIdentity("github"));
    }
}
