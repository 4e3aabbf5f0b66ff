package dev.headway.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.protobuf.util.JsonFormat;
import dev.headway.infra.hooks.StackOutputs;
import dev.headway.infra.policy.PolicySuite;
import dev.headway.infra.policy.Violation;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.testing.CliRun;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Fuzzes what a careless user hands the CLI: stack files, compiled KFP specs and outputs files, each mutated from
 * a committed one (seeded, so every run makes the same cases; bounded in number). Through the real CLI, every
 * case must end with exit 0 or the documented error code, never 70, with at most three lines on stderr and no
 * stack trace; and what is accepted must be what the validator allows (an accepted stack file synthesizes a plan
 * the policy suite passes; an accepted spec prints a request that parses back; accepted outputs agree with the
 * stack). A failure prints the seed and case number to replay it.
 */
class InputFuzzTest {
    private static final long SEED = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Values a careless user (or a hostile file) puts where a scalar goes. */
    private static final List<String> NASTY = List.of("", "-1", "0", "99999999999999999999", "1e400", "-1e400", "NaN", ".inf",
            "null", "~", "[]", "{}", "'", "\"", "\\", "*a", "&a x", "!!binary AA==", "0x10", "1_000", "yes", "off", "é",
            "../..", "a/b", "%00", "x".repeat(5000), "0.0.0.0/0", "0.0.0.0/1", "gs://", "{secure: v1:AAAA}", "[1, [2, [3]]]",
            "2147483648", "-0", "1.5", "'\\u0000'", "true", "9" .repeat(400), "headway-prod", "us-east1/x", "[" .repeat(80));

    private static void assertWellBehaved(String what, CliRun run, Set<Integer> allowed) {
        String detail = what + "\n--- exit " + run.exit() + ", stderr:\n" + run.err();
        assertTrue(allowed.contains(run.exit()), "exit " + run.exit() + " not in " + allowed + ": " + detail);
        assertTrue(run.err().lines().count() <= 3, "at most three lines on stderr: " + detail);
        assertFalse(run.err().contains("internal error") || run.err().contains("\tat ") || run.err().contains("Exception in"),
                "no stack trace, no internal error: " + detail);
    }

    // ---- mutations of text ---------------------------------------------------------------------------------

    /** One to three random edits of a YAML or JSON text: a scalar replaced, a line dropped or doubled, junk added. */
    private static String mutate(String text, Random rnd) {
        String s = text;
        int edits = 1 + rnd.nextInt(3);
        for (int e = 0; e < edits; e++) {
            List<String> lines = new ArrayList<>(s.lines().toList());
            int i = rnd.nextInt(lines.size());
            String line = lines.get(i);
            switch (rnd.nextInt(8)) {
                case 0, 1, 2 -> {
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        String nasty = NASTY.get(rnd.nextInt(NASTY.size()));
                        boolean json = line.trim().endsWith(",") || line.contains("\"" + line.trim().replaceAll("^\"|\".*$", "") + "\"");
                        lines.set(i, line.substring(0, colon + 2) + (json && rnd.nextBoolean() ? JSON.valueToTree(nasty).toString() : nasty)
                                + (line.trim().endsWith(",") ? "," : ""));
                    }
                }
                case 3 -> lines.remove(i);
                case 4 -> lines.add(i, line);
                case 5 -> lines.add(i, rnd.nextBoolean() ? "---" : "  " + line.trim());
                case 6 -> lines.set(i, line.replaceFirst("^ +", rnd.nextBoolean() ? "" : "        "));
                default -> lines.add(rnd.nextBoolean() ? "{\"trailing\": true}" : "  headway:config:" + line.trim().replaceFirst("^[a-z]+:", ""));
            }
            s = String.join("\n", lines) + "\n";
        }
        return s;
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    // ---- stack files -----------------------------------------------------------------------------------------

    @Test
    void stackFiles() throws IOException {
        Path dir = Files.createTempDirectory("fuzz-config");
        Random rnd = new Random(SEED);
        PolicySuite policies = PolicySuite.standard();
        int accepted = 0;
        for (int c = 0; c < 60; c++) {
            String stack = c % 2 == 0 ? "dev" : "prod";
            String yaml = mutate(Files.readString(Path.of("Pulumi." + stack + ".yaml")), rnd);
            Path f = write(dir, "case-" + c + ".yaml", yaml);
            CliRun run = CliRun.of("synth", stack, "--config-file", f.toString(), "--format", "json");
            String what = "seed " + SEED + " stack-file case " + c + " (" + f + "):\n" + yaml;
            assertWellBehaved(what, run, Set.of(0, 2));
            if (run.exit() == 0) {
                accepted++;
                int documents = 0;
                for (Object doc : new org.yaml.snakeyaml.Yaml().loadAll(yaml)) {
                    documents++;
                }
                assertEquals(1, documents, "accepted a stack file that is not exactly one YAML document: " + what);
                assertFalse(yaml.contains("*a"), "accepted an alias: " + what);
                Plan plan = PlanJson.fromTree(JSON.readTree(run.out()));
                List<Violation> violations = policies.check(plan);
                if (!violations.isEmpty()) {
                    fail("accepted, but the plan breaks policies the config should guarantee: " + violations.get(0).line() + "\n" + what);
                }
            }
        }
        assertTrue(accepted > 0 && accepted < 60, "the mutations reach both sides of the validator: accepted " + accepted);
    }

    // ---- KFP specs ---------------------------------------------------------------------------------------------

    @Test
    void kfpSpecs() throws Exception {
        Path dir = Files.createTempDirectory("fuzz-kfp");
        Path outputs = CliRun.outputsFile(CliRun.DEV_OUTPUTS);
        Random rnd = new Random(SEED + 1);
        List<String> bases = List.of("all_types.yaml", "all_types.json", "dataset_input.yaml");
        int accepted = 0;
        for (int c = 0; c < 60; c++) {
            String base = bases.get(c % bases.size());
            String spec = c % 15 == 14 ? "{\"root\": " + "[".repeat(900) + "]".repeat(900) + "}"
                    : mutate(Files.readString(Path.of("src/test/resources/kfp", base)), rnd);
            Path f = write(dir, "case-" + c + (base.endsWith(".json") ? ".json" : ".yaml"), spec);
            List<String> args = new ArrayList<>(List.of("hooks", "dev", "--outputs", outputs.toString(), "--only", "submit-pipeline",
                    "--template", f.toString(), "--dry-run"));
            args.addAll(base.startsWith("all_types") ? List.of("--param", "epochs=20", "--param", "routes=[\"A\"]", "--param",
                    "model_config={\"h\":1}", "--artifact", "training_data=raw-2024") : List.of("--artifact", "raw_data=raw-2024"));
            CliRun run = CliRun.of(args.toArray(String[]::new));
            String what = "seed " + (SEED + 1) + " spec case " + c + " (" + f + "):\n" + spec;
            assertWellBehaved(what, run, Set.of(0, 2));
            if (run.exit() == 0) {
                accepted++;
                String json = run.out().substring(0, Math.max(0, run.out().lastIndexOf("\nSKIP ")));
                int start = json.lastIndexOf("\n{\n") >= 0 ? json.lastIndexOf("\n{\n") + 1 : 0;
                CreatePipelineJobRequest.Builder b = CreatePipelineJobRequest.newBuilder();
                JsonFormat.parser().merge(json.substring(start), b);
                assertFalse(b.getPipelineJob().getRuntimeConfig().getGcsOutputDirectory().isEmpty(), what);
            }
        }
        assertTrue(accepted > 0, "some mutants are still valid specs: " + accepted);
    }

    // ---- outputs files -----------------------------------------------------------------------------------------

    @Test
    void outputsFiles() throws Exception {
        Path dir = Files.createTempDirectory("fuzz-outputs");
        Random rnd = new Random(SEED + 2);
        JsonNode original = JSON.readTree(CliRun.DEV_OUTPUTS);
        String pretty = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(original);
        int accepted = 0;
        for (int c = 0; c < 60; c++) {
            String text = c % 15 == 14 ? "[".repeat(900) + "]".repeat(900) : mutate(pretty, rnd);
            Path f = write(dir, "case-" + c + ".json", text);
            CliRun run = CliRun.of("hooks", "dev", "--outputs", f.toString(), "--only", "submit-pipeline", "--template",
                    "src/test/resources/kfp/all_types.yaml", "--param", "epochs=20", "--param", "routes=[\"A\"]",
                    "--param", "model_config={\"h\":1}", "--artifact", "training_data=raw-2024", "--dry-run");
            String what = "seed " + (SEED + 2) + " outputs case " + c + " (" + f + "):\n" + text;
            assertWellBehaved(what, run, Set.of(0, 2, 3));
            if (run.exit() == 0) {
                accepted++;
                JsonNode got = JSON.copy().enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(text);
                for (String name : StackOutputs.EXACT) {
                    if (original.has(name) && got.has(name)) {
                        assertEquals(original.get(name), got.get(name), "accepted outputs whose " + name + " the stack does not declare: " + what);
                    }
                }
            }
        }
        assertTrue(accepted > 0, "some mutants keep the outputs valid: " + accepted);
    }
}
