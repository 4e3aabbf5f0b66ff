package dev.headway.infra.launcher;

import dev.headway.infra.cli.AsyncPool;
import dev.headway.infra.cli.HeadwayCli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * The run {@code mvn package} records the class data archive from ({@code -XX:ArchiveClassesAtExit}):
 * the CLI's offline commands on both committed stacks, in one JVM, so the archive holds what they
 * load. It never fails the build: a plan that differs from the reviewed one or a violated policy is
 * a result, not an error, and a command that errors only leaves some of its classes out of the archive (it
 * says so on stderr).
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
            if (code > 1) {
                System.err.println("headway-infra: class data archive: `" + String.join(" ", command)
                        + "` exited " + code + "; the archive may miss some of its classes");
            }
        }
        System.exit(0);
    }
}
