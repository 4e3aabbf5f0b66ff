package dev.headway.infra.launcher;

import dev.headway.infra.cli.AsyncPool;
import dev.headway.infra.cli.HeadwayCli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The run {@code mvn package} records the class data archive from ({@code -XX:ArchiveClassesAtExit}):
 * the CLI's offline commands on both committed stacks, in one JVM, so the archive holds what they
 * load. Fails the build if any of them fails.
 */
public final class ArchiveTraining {
    static final List<List<String>> COMMANDS = List.of(
            List.of("synth", "dev", "--format", "json"),
            List.of("synth", "prod"),
            List.of("synth", "dev", "--format", "markdown"),
            List.of("synth", "dev", "--format", "cost"),
            List.of("synth", "dev", "--format", "critical-path"),
            List.of("synth", "dev", "--format", "mermaid"),
            List.of("diff", "dev"),
            List.of("check", "dev"),
            List.of("--help"));

    private ArchiveTraining() {
    }

    public static void main(String[] args) {
        AsyncPool.useCommonPool();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        for (List<String> command : COMMANDS) {
            int code = HeadwayCli.run(command.toArray(String[]::new), discard, System.err);
            if (code != 0) {
                System.err.println("headway-infra: class data archive: `" + String.join(" ", command) + "` exited " + code);
                System.exit(1);
            }
        }
        System.exit(0);
    }
}
