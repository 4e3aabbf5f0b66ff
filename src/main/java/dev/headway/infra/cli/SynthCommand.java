package dev.headway.infra.cli;

import dev.headway.infra.cost.CostEstimator;
import dev.headway.infra.cost.CostRenderer;
import dev.headway.infra.synth.MermaidRenderer;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.TableRenderer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Run the stack program offline (no cloud, no Pulumi CLI) and print what it declares.")
final class SynthCommand implements Callable<Integer> {
    enum Format { table, json, markdown, mermaid, cost }

    @Parameters(index = "0", paramLabel = "<stack>", description = "Stack name: reads Pulumi.<stack>.yaml")
    String stack;

    @Option(names = "--format", defaultValue = "table", description = "table, json, markdown, mermaid or cost (estimated monthly cost at list prices) (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--config-file", paramLabel = "F", description = "Read stack config from F instead of Pulumi.<stack>.yaml")
    Path configFile;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan plan = Stacks.synth(stack, configFile);
        var out = spec.commandLine().getOut();
        switch (format) {
            case json -> out.print(PlanJson.write(plan));
            case table -> out.print(TableRenderer.render(plan));
            case mermaid -> out.print(MermaidRenderer.render(plan));
            case cost -> out.print(CostRenderer.table(CostEstimator.estimate(plan)));
            case markdown -> out.print("## Stack `" + plan.stack() + "`\n\n" + TableRenderer.markdown(plan)
                    + "\n```mermaid\n" + MermaidRenderer.render(plan) + "```\n");
        }
        out.flush();
        return 0;
    }
}
