package dev.headway.infra.cli;

import dev.headway.infra.UserError;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The {@code headway-infra} command line: parse, call, print, exit code. */
@Command(name = "headway-infra",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Infrastructure as code for the Headway MLOps platform on Google Cloud.")
public final class HeadwayCli implements Runnable {
    /**
     * The subcommands, in help order. Registered here rather than in {@code @Command(subcommands)} so
     * that a run builds only the command it runs: picocli reflects over every registered command's
     * options and mixins at start-up, which was a tenth of a synth's main-thread time.
     */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> c = new LinkedHashMap<>();
        c.put("synth", SynthCommand::new);
        c.put("diff", DiffCommand::new);
        c.put("check", CheckCommand::new);
        c.put("review", ReviewCommand::new);
        c.put("hooks", HooksCommand::new);
        c.put("preview", EngineCommands.Preview::new);
        c.put("up", EngineCommands.Up::new);
        c.put("destroy", EngineCommands.Destroy::new);
        c.put("refresh", EngineCommands.Refresh::new);
        c.put("adopt", AdoptCommand::new);
        c.put("help", CommandLine.HelpCommand::new);
        return Collections.unmodifiableMap(c);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: synth, diff, check, hooks, preview, up, destroy, refresh, adopt, help");
    }

    /** Runs the CLI; returns the exit code. Errors are one line on {@code err}, never a stack trace. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = commandLine(args);
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

    /**
     * The command tree for {@code args}: just the named subcommand when the first argument names one
     * (its parsing, usage and errors need no sibling), else all of them (top-level help, {@code help},
     * suggestions for a mistyped command).
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cli = new CommandLine(new HeadwayCli());
        String first = args.length > 0 ? args[0] : "";
        if (COMMANDS.containsKey(first) && !first.equals("help")) {
            cli.addSubcommand(first, COMMANDS.get(first).get());
        } else {
            COMMANDS.forEach((name, command) -> cli.addSubcommand(name, command.get()));
        }
        return cli;
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
