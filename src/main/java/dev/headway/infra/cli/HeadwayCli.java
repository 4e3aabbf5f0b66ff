package dev.headway.infra.cli;

import dev.headway.infra.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;

/** The {@code headway-infra} command line: parse, call, print, exit code. */
@Command(name = "headway-infra",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Infrastructure as code for the Headway MLOps platform on Google Cloud.",
        subcommands = {
                SynthCommand.class,
                DiffCommand.class,
                CheckCommand.class,
                HooksCommand.class,
                EngineCommands.Preview.class,
                EngineCommands.Up.class,
                EngineCommands.Destroy.class,
                EngineCommands.Refresh.class,
                CommandLine.HelpCommand.class
        })
public final class HeadwayCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: synth, diff, check, hooks, preview, up, destroy, refresh, help");
    }

    /** Runs the CLI; returns the exit code. Errors are one line on {@code err}, never a stack trace. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = new CommandLine(new HeadwayCli());
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        cli.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandName();
            errWriter.println("headway-infra: " + ex.getMessage().lines().findFirst().orElse("usage error")
                    + " (see: " + (command.equals("headway-infra") ? "" : "headway-infra ") + command + " --help)");
            return UserError.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            UserError user = findUserError(ex);
            if (user != null) {
                errWriter.println("headway-infra: " + user.getMessage().lines().findFirst().orElse(""));
                return user.exitCode();
            }
            errWriter.println("headway-infra: internal error: " + ex + " (a bug; set HEADWAY_DEBUG=1 for the stack trace)");
            if (System.getenv("HEADWAY_DEBUG") != null) {
                ex.printStackTrace(errWriter);
            }
            return 70;
        });
        return cli.execute(args);
    }

    private static UserError findUserError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UserError u) {
                return u;
            }
        }
        return null;
    }
}
