package dev.headway.infra.conventions;

import dev.headway.infra.config.RawConfig;
import dev.headway.infra.identity.Workload;
import dev.headway.infra.policy.PolicySuite;
import dev.headway.infra.policy.Violation;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every name derived from a stack's name fits Google's rules, for every stack and the longest name allowed. */
class NamesTest {
    private static final PolicySuite SUITE = PolicySuite.standard();

    /** Every committed stack, the review template (as pr-7), and each at the longest allowed name. */
    @Test
    void everyStackNamesEverythingWithinGooglesRules() throws IOException {
        List<String> stacks = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("."))) {
            files.map(p -> p.getFileName().toString()).filter(f -> f.matches("Pulumi\\.[^.]+\\.yaml")).sorted()
                    .forEach(f -> stacks.add(f.substring("Pulumi.".length(), f.length() - ".yaml".length())));
        }
        assertTrue(stacks.containsAll(List.of("dev", "prod", "staging")), stacks.toString());
        stacks.add("pr-7");
        for (String stack : stacks) {
            assertNamesFit(stack, Synth.config(stack));
        }
    }

    /** The longest stack name {@link Names#environmentProblem} lets through still names everything within the rules. */
    @ParameterizedTest(name = "{0} config at 17 characters")
    @CsvSource({"dev, abcdefghijklmn-17", "staging, z123456789abcdef7", "prod, q-23456789abcdefg", "pr-7, pr-12345678"})
    void theLongestAllowedNameFits(String config, String stack) {
        assertTrue(stack.length() <= Names.MAX_ENVIRONMENT);
        assertTrue(Names.environmentProblem(stack).isEmpty(), stack);
        assertNamesFit(stack, Synth.config(config));
    }

    /** The limit is the service account id: 30 = "hw-" + env + "-" + the longest workload purpose. */
    @Test
    void theLimitComesFromTheLongestServiceAccountId() {
        int longest = Arrays.stream(Workload.values()).mapToInt(w -> w.purpose().length()).max().orElseThrow();
        assertEquals(30 - "hw-".length() - "-".length() - longest, Names.MAX_ENVIRONMENT);
        String tooLong = "a".repeat(Names.MAX_ENVIRONMENT + 1);
        assertTrue(Names.environmentProblem(tooLong).orElseThrow().contains("at most 17 characters (18 here)"));
        assertThrows(IllegalStateException.class, () -> new Names(tooLong, "headway-dev").serviceAccountId("previewer"),
                "without the config-time check, Google would refuse the account id");
    }

    @Test
    void environmentNamesUseOnlyWhatEveryRuleAccepts() {
        for (String bad : List.of("Staging", "my_env", "-dev", "dev-", "7up", "a.b", "googlers", "")) {
            assertTrue(Names.environmentProblem(bad).isPresent(), bad);
        }
        for (String ok : List.of("dev", "prod", "staging", "pr-7", "qa2", "eu-west")) {
            assertTrue(Names.environmentProblem(ok).isEmpty(), ok);
        }
    }

    @Test
    void eachKindIsHeldToItsOwnRule() {
        Names names = new Names("staging", "headway-staging");
        assertEquals("hw-staging-ci", names.workloadIdentity("ci"));
        assertEquals("hw-staging-training-gpu", names.gke("training-gpu"));
        assertEquals("hw-staging-predictions", names.firestore("predictions"));
        assertEquals("hw-staging-prefect-api-key", names.secret("prefect-api-key"));
        assertEquals("hw_staging_raw", names.dataset("raw"));
        Names longest = new Names("a".repeat(17), "headway-dev");
        assertThrows(IllegalStateException.class, () -> longest.workloadIdentity("a-provider-name"), "WIF ids are at most 32");
        assertThrows(IllegalStateException.class, () -> longest.gke("training-gpu-pool-large"), "GKE names are at most 40");
    }

    /** One table for deriving and checking names, every rule with the page where Google states it. */
    @Test
    void everyRuleHasItsSourceAndNamesUseTheSameTable() {
        for (var e : NameRules.BY_TYPE.entrySet()) {
            assertTrue(e.getValue().rule().source().startsWith("https://"), e.getKey());
        }
        assertTrue(NameRules.SERVICE_ACCOUNT.accepts(new Names("staging", "headway-staging").serviceAccountId("previewer")));
        assertTrue(NameRules.BY_TYPE.get("gcp:iam/workloadIdentityPool:WorkloadIdentityPool").rule() == NameRules.WORKLOAD_IDENTITY);
        assertThrows(IllegalStateException.class, () -> new Names("staging", "headway-staging").of("y".repeat(53)), "RFC 1035: at most 63");
    }

    private static void assertNamesFit(String stack, RawConfig config) {
        Plan plan = Synth.run(stack, config);
        assertTrue(plan.cloudResources().size() > 80, stack);
        List<Violation> naming = SUITE.check(plan).stream().filter(v -> v.policy().startsWith("HW-NAM-")).toList();
        assertEquals(List.of(), naming, stack);
        // an account with the longest purpose (9 characters): the previewer, or in a review stack (no CI
        // identity of its own, headway:ci.enabled: false) the pipelines account
        String longest = dev.headway.infra.config.Environments.isReview(stack) ? "pipelines" : "previewer";
        assertTrue(plan.get("gcp:serviceaccount/account:Account", "hw-" + stack + "-" + longest) != null, stack);
    }
}
