package dev.headway.infra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code check} through the real CLI: the committed stacks pass, a bad plan exits 1 with one line per violation. */
class CheckCommandTest {
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = HeadwayCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void listPrintsOneLinePerPolicyWithAtLeast25DistinctIds() {
        Run run = cli("check", "--list");
        assertEquals(0, run.exit(), run.err());
        Set<String> ids = new TreeSet<>();
        for (String line : run.outLines()) {
            String[] parts = line.split("\\s+", 3);
            assertTrue(parts[0].matches("HW-[A-Z]+-\\d{3}"), line);
            assertTrue(Set.of("HIGH", "MEDIUM", "LOW").contains(parts[1]), line);
            assertTrue(parts[2].length() > 10, line);
            ids.add(parts[0]);
        }
        assertEquals(run.outLines().size(), ids.size(), "one line per distinct policy");
        assertTrue(ids.size() >= 25, "at least 25 policies: " + ids);
    }

    @ParameterizedTest(name = "check {0} of the current program passes")
    @ValueSource(strings = {"dev", "prod", "staging", "pr-7"})
    void committedStacksPass(String stack) {
        Run run = cli("check", stack);
        assertEquals(0, run.exit(), () -> "violations in " + stack + ":\n" + run.out() + run.err());
        assertTrue(run.out().contains(stack + ": ") && run.out().contains("no violations"), run.out());
        assertEquals("", run.err());
    }

    private static Path badPlan(Path dir) throws Exception {
        Path file = dir.resolve("bad.plan.json");
        Files.writeString(file, PlanJson.write(Plans.of("""
                {env: 'prod', resources: [
                  {type: 'gcp:compute/firewall:Firewall', name: 'hw-prod-open-ssh', inputs: {name: 'hw-prod-open-ssh', sourceRanges: ['0.0.0.0/0'],
                    allows: [{protocol: 'tcp', ports: ['22']}], logConfig: {metadata: 'INCLUDE_ALL_METADATA'}}},
                  {type: 'gcp:serviceaccount/key:Key', name: 'poller-key', inputs: {serviceAccountId: 'hw-prod-poller'}}]}
                """)));
        return file;
    }

    @Test
    void aBadPlanPrintsOneLinePerViolationAndExits1(@TempDir Path dir) throws Exception {
        Run run = cli("check", "--plan", badPlan(dir).toString());
        assertEquals(1, run.exit(), run.err());
        List<String> lines = run.outLines();
        assertEquals(List.of(
                "HW-IAM-003 HIGH serviceaccount.Key poller-key: creates a service account key (a long-lived secret); "
                        + "fix: attach the service account to the workload, or use Workload Identity (Federation) for CI",
                "HW-NET-001 HIGH compute.Firewall hw-prod-open-ssh: allows SSH (tcp/22) from the internet; "
                        + "fix: allow only IAP's range 35.235.240.0/20 (or named peers) in sourceRanges"),
                lines.subList(0, 2));
        assertEquals("prod: " + dev.headway.infra.policy.PolicySuite.standard().policies().size()
                + " policies, 2 resources, 2 violation(s) in 2 resource(s)", lines.get(2));
        assertEquals(3, lines.size());
    }

    @Test
    void jsonFormatCarriesEveryField(@TempDir Path dir) throws Exception {
        Run run = cli("check", "--plan", badPlan(dir).toString(), "--format", "json");
        assertEquals(1, run.exit());
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertEquals("prod", root.path("stack").asText());
        assertEquals(2, root.path("violations").size());
        JsonNode first = root.path("violations").path(0);
        assertEquals("HW-IAM-003", first.path("policy").asText());
        assertEquals("HIGH", first.path("severity").asText());
        assertEquals("gcp:serviceaccount/key:Key", first.path("type").asText());
        assertEquals("poller-key", first.path("name").asText());
        assertTrue(first.path("urn").asText().startsWith("urn:pulumi:prod::"));
        assertTrue(first.path("fix").asText().contains("Workload Identity"));
    }

    @Test
    void withoutAStackItIsAUsageError() {
        Run run = cli("check");
        assertEquals(2, run.exit());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("headway-infra: check: a stack is required"), run.err());
    }

    @Test
    void aBadConfigFileExits2BeforeAnyPolicy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("Pulumi.dev.yaml");
        Files.writeString(file, Files.readString(Path.of("Pulumi.dev.yaml")).replace("machineType: a2-highgpu-1g", "machineType: a2-highgpu-2g"));
        Run run = cli("check", "dev", "--config-file", file.toString());
        assertEquals(2, run.exit());
        assertEquals("", run.out());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("headway:training.maxGpus"), run.err());
    }
}
