package dev.headway.infra.cli;

import dev.headway.infra.UserError;
import dev.headway.infra.adopt.Adopt;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "adopt", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Find what already runs in the stack's project (read-only) and write a Pulumi bulk import file for it, "
                + "with a report of what will be created and what exists outside the plan. With --apply, import it through "
                + "the Pulumi CLI and preview: exit 0 when no imported resource would change, 1 when some would (listed).")
final class AdoptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<stack>")
    String stack;

    @Option(names = "--config-file", paramLabel = "F", description = "Read stack config from F instead of Pulumi.<stack>.yaml")
    Path configFile;

    @Option(names = "--out", paramLabel = "F", description = "Write the import file to F (default: adopt-<stack>.json)")
    Path out;

    @Option(names = "--apply", description = "Run pulumi import --file F, then pulumi preview --expect-no-changes (needs the Pulumi CLI)")
    boolean apply;

    @Option(names = "--timeout", paramLabel = "S", defaultValue = "60", description = "Bound on each discovery call, seconds (default: ${DEFAULT-VALUE})")
    long timeout;

    @Option(names = "--apply-timeout", paramLabel = "S", defaultValue = "1800", description = "Bound on pulumi import and on pulumi preview, seconds (default: ${DEFAULT-VALUE})")
    long applyTimeout;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (timeout < 1 || applyTimeout < 1) {
            throw new UserError(UserError.USAGE, "--timeout and --apply-timeout: expected whole seconds of at least 1");
        }
        Stacks.checkName(stack);
        var printer = spec.commandLine().getOut();
        Path file = out != null ? out : Path.of("adopt-" + stack + ".json");
        return new Adopt(stack, Stacks.configFile(stack, configFile), System.getenv(), Duration.ofSeconds(timeout))
                .run(() -> Stacks.synth(stack, configFile), file, apply ? Duration.ofSeconds(applyTimeout) : null, line -> {
                    printer.print(line);
                    printer.flush();
                });
    }
}
