package dev.headway.infra.launcher;

import dev.headway.infra.cli.CliRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The archive's training run covers commands that exist and run: a renamed one would drop out silently. */
class ArchiveTrainingTest {
    @Test
    void everyTrainingCommandRunsCleanlyOnTheCommittedStacks() {
        for (List<String> command : ArchiveTraining.COMMANDS) {
            CliRun run = CliRun.of(command.toArray(String[]::new));
            assertEquals(0, run.exitCode(), String.join(" ", command) + ": " + run.err());
        }
    }
}
