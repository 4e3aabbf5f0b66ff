package dev.headway.infra.cli;

import dev.headway.infra.cost.CostEstimator;
import dev.headway.infra.cost.CostRenderer;
import dev.headway.infra.synth.CriticalPathRenderer;
import dev.headway.infra.synth.MermaidRenderer;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.TableRenderer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Run the stack program offline (no cloud, no Pulumi CLI) and print what it declares.")
final class SynthCommand implements Callable<Integer> {
    static final List<String> FORMATS = List.of("table", "json", "markdown", "mermaid", "cost", "critical-path");

    @Parameters(index = "0", paramLabel = "<stack>", description = "Stack name (the environment): reads Pulumi.<stack>.yaml; pr-<n> without one reads stacks/review.template.yaml")
    String stack;

    @Option(names = "--format", defaultValue = "table", completionCandidates = Formats.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); cost is an estimated monthly cost at list prices")
    String format;

    @Option(names = "--config-file", paramLabel = "F", description = "Read stack config from F instead of Pulumi.<stack>.yaml")
    Path configFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Formats extends java.util.ArrayList<String> {
        Formats() {
            super(FORMATS);
        }
    }

    @Override
    public Integer call() {
        if (!FORMATS.contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format: expected one of " + String.join(", ", FORMATS) + ", found \"" + format + "\"");
        }
        Plan plan = Stacks.synth(stack, configFile);
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case "json" -> PlanJson.write(plan);
            case "mermaid" -> MermaidRenderer.render(plan);
            case "markdown" -> "## Stack `" + plan.stack() + "`\n\n" + TableRenderer.markdown(plan)
                    + "\n```mermaid\n" + MermaidRenderer.render(plan) + "```\n";
            case "cost" -> CostRenderer.table(CostEstimator.forRepository().of(plan));
            case "critical-path" -> CriticalPathRenderer.render(plan);
            default -> TableRenderer.render(plan);
        });
        out.flush();
        return 0;
    }
}
