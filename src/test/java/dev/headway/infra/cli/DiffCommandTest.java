package dev.headway.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffCommandTest {
    @TempDir
    Path dir;

    /** The reviewed plans in stacks/ must be what the program declares now. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "staging"})
    void committedPlansAreCurrent(String stack) {
        CliRun run = CliRun.of("diff", stack);
        assertEquals(0, run.exitCode(), "stacks/" + stack + ".plan.json is stale; refresh it with:\n"
                + "  java -jar target/headway-infra.jar synth " + stack + " --format json > stacks/" + stack + ".plan.json\n"
                + "and review the change:\n" + run.out() + run.err());
        assertTrue(run.out().contains("no changes"), run.out());
    }

    @Test
    void aChangedConfigShowsPropertyLevelChangesAndExitsOne() throws Exception {
        Path config = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(config, Files.readString(Path.of("Pulumi.dev.yaml"))
                .replace("subnetCidr: 10.10.0.0/20", "subnetCidr: 10.12.0.0/20")
                .replace("flowLogSampling: 0.5", "flowLogSampling: 0.25"));
        CliRun text = CliRun.of("diff", "dev", "--config-file", config.toString());
        assertEquals(1, text.exitCode(), text.err());
        assertTrue(text.out().contains("0 to add, 1 to change, 0 to replace, 0 to delete"), text.out());
        assertTrue(text.out().contains("~ compute.Subnetwork hw-dev-subnet"), text.out());
        assertTrue(text.out().contains("ipCidrRange: \"10.10.0.0/20\" -> \"10.12.0.0/20\""), text.out());
        assertTrue(text.out().contains("logConfig.flowSampling: 0.5 -> 0.25"), text.out());

        JsonNode json = new ObjectMapper().readTree(CliRun.of("diff", "dev", "--config-file", config.toString(), "--format", "json").out());
        assertEquals(false, json.get("same").asBoolean());
        assertEquals(1, json.get("changed").size());
        assertEquals(2, json.get("changed").get(0).get("changes").size());
    }

    @Test
    void addedAndRemovedResourcesAreListed() throws Exception {
        Path config = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(config, Files.readString(Path.of("Pulumi.dev.yaml")).replace("enabled: false", "enabled: true"));
        CliRun run = CliRun.of("diff", "dev", "--config-file", config.toString());
        assertEquals(1, run.exitCode());
        assertTrue(run.out().contains("+ projects.Service api-run"), run.out());

        CliRun reverse = CliRun.of("diff", "dev", "--against", writePlan(config).toString());
        assertEquals(1, reverse.exitCode());
        assertTrue(reverse.out().contains("- projects.Service api-run"), reverse.out());
    }

    @Test
    void missingOrBrokenPlanFileIsOneLineExitTwo() throws Exception {
        CliRun missing = CliRun.of("diff", "dev", "--against", dir.resolve("nope.json").toString());
        assertEquals(2, missing.exitCode());
        assertEquals(1, missing.err().lines().count(), missing.err());
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"stack\": 1}");
        CliRun bad = CliRun.of("diff", "dev", "--against", broken.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("not a synth plan"), bad.err());
    }

    /** Issue 17: a new environment has no reviewed plan yet; its diff is everything added, not an error. */
    @Test
    void aStackWithNoCommittedPlanComparesWithNothing() throws Exception {
        Files.copy(Path.of("Pulumi.dev.yaml"), dir.resolve("Pulumi.dev.yaml"));
        dev.headway.infra.testing.CliRun run = dev.headway.infra.testing.ChildCli.run(dir, java.util.Map.of(), "diff", "dev", "--format", "json");
        assertEquals(1, run.exit(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertTrue(json.get("added").size() > 100, run.out());
        assertEquals(0, json.get("changed").size());
        assertTrue(run.err().contains("does not exist; everything is added"), run.err());

        dev.headway.infra.testing.CliRun notGit = dev.headway.infra.testing.ChildCli.run(dir, java.util.Map.of(), "diff", "dev", "--base", "main");
        assertEquals(2, notGit.exit(), notGit.err());
        assertEquals(1, notGit.err().lines().count(), notGit.err());
        assertTrue(notGit.err().contains("not inside a git checkout"), notGit.err());
    }

    @Test
    void againstAndBaseTogetherAreAUsageError() {
        CliRun run = CliRun.of("diff", "dev", "--against", "stacks/dev.plan.json", "--base", "HEAD");
        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    private Path writePlan(Path config) throws Exception {
        Path plan = dir.resolve("other.plan.json");
        Files.writeString(plan, CliRun.of("synth", "dev", "--config-file", config.toString(), "--format", "json").out());
        return plan;
    }
}
