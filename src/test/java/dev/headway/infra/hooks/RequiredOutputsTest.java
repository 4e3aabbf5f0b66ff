package dev.headway.infra.hooks;

import dev.headway.infra.testing.CliRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each hook names the stack outputs it reads; on outputs that lack them the run stops before any call, with one
 * line listing exactly those outputs (exit 3), so the user knows what the stack must export.
 */
class RequiredOutputsTest {
    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource(delimiter = '|', value = {
            "smoke-warehouse  | project",
            "smoke-endpoint   | endpoints, region",
            "smoke-streaming  | feedTopic, project",
            "submit-pipeline  | env, pipelineRoot, pipelineServiceAccount, pipelineTemplateRepo, project, region",
    })
    void onOutputsThatLackThemTheHookNamesWhatItNeedsAndNothingRuns(String hook, String needs) throws IOException {
        CliRun run = CliRun.of("hooks", "dev", "--only", hook, "--outputs", CliRun.outputsFile("{}").toString(), "--timeout", "5");
        assertEquals(3, run.exit(), run.out() + run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains(" lack " + needs + "; nothing was sent"), run.err());
        assertEquals("", run.out());
    }

    @org.junit.jupiter.api.Test
    void endpointLoggingNeedsNothingAndSkipsWithoutItsOutput() throws IOException {
        CliRun run = CliRun.of("hooks", "dev", "--only", "endpoint-logging", "--outputs", CliRun.outputsFile("{}").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().startsWith("SKIP endpoint-logging"), run.out());
    }
}
