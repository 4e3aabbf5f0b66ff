package dev.headway.infra.launcher;

import dev.headway.infra.cli.CliRun;
import dev.headway.infra.cli.Stacks;
import dev.headway.infra.synth.PlanJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The archive's training run covers commands that exist and run, and the engine role: a renamed one would drop out silently. */
class ArchiveTrainingTest {
    @Test
    void everyTrainingCommandRunsCleanlyOnTheCommittedStacks() {
        for (List<String> command : ArchiveTraining.COMMANDS) {
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(0, run.exitCode(), String.join(" ", command) + ": " + run.err());
        }
    }

    /** The engine role is trained on a whole run: the engine receives the reviewed plan, byte for byte, and no error. */
    @Test
    void theEngineRoleRegistersTheWholeCommittedPlan() throws Exception {
        ArchiveTraining.EngineRun run = ArchiveTraining.engineRole(ArchiveTraining.ENGINE_STACK);
        assertEquals(0, run.exit());
        assertEquals(List.of(), run.errors());
        assertEquals(Files.readString(Stacks.planFile(ArchiveTraining.ENGINE_STACK)), PlanJson.write(run.plan()));
    }
}
