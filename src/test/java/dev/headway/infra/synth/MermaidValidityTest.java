package dev.headway.infra.synth;

import dev.headway.infra.cost.CostedDiff;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diff's Mermaid blocks are parsed by mermaid's own parser (npm package, pinned by
 * tools/mermaid-check/package-lock.json) in a Node process; it must also reject a broken graph.
 */
class MermaidValidityTest {
    static final Path TOOL = Path.of("tools", "mermaid-check");

    /**
     * The parser is installed by the build (`.ci/run`: `npm ci --prefix tools/mermaid-check`), never
     * from inside a test: a unit test that downloads packages depends on the network and races other
     * test JVMs writing the same directory.
     */
    @BeforeAll
    static void parserInstalled() {
        assertTrue(Files.isDirectory(TOOL.resolve("node_modules").resolve("mermaid")),
                "tools/mermaid-check/node_modules/mermaid is missing: run `npm ci --prefix tools/mermaid-check` first (.ci/run does)");
    }

    @Test
    void diffGraphsParse() throws Exception {
        for (String md : List.of(MarkdownDiffTest.regionMove("prod"), CostedDiff.markdown(MarkdownDiffTest.addedEndpoint()),
                CostedDiff.markdown(MarkdownDiffTest.removedBucket("prod")))) {
            assertTrue(md.contains("```mermaid\n"));
            Result r = check(md);
            assertEquals(0, r.code, r.output + "\n" + md);
            assertTrue(r.output.contains("diagram 1: valid flowchart"), r.output);
        }
    }

    @Test
    void wholeStackGraphParses() throws Exception {
        Result r = check(MermaidRenderer.render(dev.headway.infra.testing.Synth.stack("prod")));
        assertEquals(0, r.code, r.output);
    }

    @Test
    void checkerRejectsABrokenGraph() throws Exception {
        Result r = check("```mermaid\nflowchart LR\n  subgraph c_x[\"x\"]\n    r0[\"a\"] --> \n```\n");
        assertEquals(1, r.code, r.output);
        assertTrue(r.output.contains("invalid"), r.output);
    }

    private static Result check(String text) throws Exception {
        return run(List.of("node", TOOL.resolve("check.mjs").toString()), text);
    }

    record Result(int code, String output) {
    }

    private static Result run(List<String> command, String stdin) throws IOException, InterruptedException {
        Path out = Files.createTempFile("mermaid-check", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish in 300 s");
        }
        String output = Files.readString(out);
        Files.delete(out);
        return new Result(p.exitValue(), output);
    }
}
