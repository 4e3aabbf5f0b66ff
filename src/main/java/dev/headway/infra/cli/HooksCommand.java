package dev.headway.infra.cli;

import dev.headway.infra.hooks.StackOutputs;
import dev.headway.infra.hooks.engine.StackEngine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "hooks", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Post-deploy hooks on the stack's outputs: smoke-warehouse, smoke-streaming, endpoint-logging, smoke-endpoint, "
                + "submit-pipeline. One line per hook. Exit 0 all pass (skips allowed), 1 any fail, 2 usage, "
                + "3 outputs missing or unreadable (nothing sent).")
final class HooksCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<stack>")
    String stack;

    @Option(names = "--outputs", paramLabel = "F", description = "Stack outputs as `pulumi stack output --json` prints them (default: read from the stack, needs the Pulumi CLI)")
    Path outputsFile;

    @Mixin
    HookOptions hooks;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Stacks.checkName(stack);
        hooks.selected();
        var out = spec.commandLine().getOut();
        StackOutputs outputs = outputsFile != null ? StackOutputs.read(outputsFile)
                : new StackEngine(stack, Path.of("").toAbsolutePath(), out::println).outputs();
        return hooks.run(stack, outputs, System.getenv(), out);
    }
}
