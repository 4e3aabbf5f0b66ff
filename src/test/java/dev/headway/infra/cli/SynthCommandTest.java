package dev.headway.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthCommandTest {
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void jsonIsByteForByteDeterministic(String stack) {
        CliRun first = CliRun.of("synth", stack, "--format", "json");
        CliRun second = CliRun.of("synth", stack, "--format", "json");
        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().length() > 1000);
    }

    @Test
    void jsonHasTheDesignedShape() throws Exception {
        JsonNode plan = new ObjectMapper().readTree(CliRun.of("synth", "dev", "--format", "json").out());
        assertEquals("dev", plan.get("stack").asText());
        assertEquals("headway-dev", plan.get("project").asText());
        JsonNode first = plan.get("resources").get(0);
        for (String field : new String[]{"urn", "type", "name", "parent", "dependsOn", "protect", "retainOnDelete", "inputs"}) {
            assertTrue(first.has(field), field);
        }
        assertEquals("dev", plan.get("outputs").get("env").asText());
        assertEquals("us-east1", plan.get("outputs").get("region").asText());
    }

    @Test
    void tableSummarizesResources() {
        CliRun run = CliRun.of("synth", "dev");
        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("compute.Subnetwork"), run.out());
        assertTrue(run.out().contains("hw-dev-subnet"));
        assertTrue(run.out().contains("ipCidrRange=10.10.0.0/20"));
    }

    @Test
    void mermaidDrawsComponentsAsSubgraphsWithEdges() {
        String graph = CliRun.of("synth", "dev", "--format", "mermaid").out();
        assertTrue(graph.startsWith("flowchart LR\n"), graph);
        assertTrue(graph.contains("subgraph c_platform[\"platform\"]"), graph);
        assertTrue(graph.contains(" --> "), graph);
        String markdown = CliRun.of("synth", "dev", "--format", "markdown").out();
        assertTrue(markdown.contains("```mermaid\nflowchart LR"), markdown);
        assertTrue(markdown.contains("| platform | compute.Network | hw-dev-vpc |"), markdown);
    }

    @Test
    void usageErrorsAreOneLineExitTwo() {
        for (String[] args : new String[][]{{"synth"}, {"synth", "dev", "--format", "yaml"}, {"frobnicate"}, {}, {"synth", "dev", "--bogus"}}) {
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), String.join(" ", args) + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertFalse(run.err().contains("\tat "));
        }
    }

    @Test
    void missingStackFileIsAConfigError() {
        CliRun run = CliRun.of("synth", "qa");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("Pulumi.qa.yaml"), run.err());
        assertEquals(1, run.err().lines().count());
    }

    @Test
    void helpAndVersion() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("synth") && help.out().contains("diff"), help.out());
        CliRun synthHelp = CliRun.of("synth", "--help");
        assertEquals(0, synthHelp.exitCode());
        assertTrue(synthHelp.out().contains("--config-file"));
        CliRun version = CliRun.of("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("headway-infra "), version.out());
    }
}
