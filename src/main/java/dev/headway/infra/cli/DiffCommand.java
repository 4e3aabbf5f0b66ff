package dev.headway.infra.cli;

import dev.headway.infra.cost.CostedDiff;
import dev.headway.infra.synth.DiffRenderer;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Synthesize the stack offline and compare it with its reviewed plan (stacks/<stack>.plan.json). "
                + "Exit 0 when the same, 1 when it differs.")
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @Parameters(index = "0", paramLabel = "<stack>")
    String stack;

    @Option(names = "--against", paramLabel = "F", description = "Compare with plan F instead of stacks/<stack>.plan.json")
    Path against;

    @Option(names = "--config-file", paramLabel = "F", description = "Read stack config from F instead of Pulumi.<stack>.yaml")
    Path configFile;

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan before = PlanJson.read(against != null ? against : Stacks.planFile(stack));
        Plan after = Stacks.synth(stack, configFile);
        PlanDiff diff = PlanDiff.between(before, after);
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case text -> DiffRenderer.text(diff);
            case json -> DiffRenderer.json(diff);
            case markdown -> CostedDiff.markdown(diff);
        });
        out.flush();
        return diff.isEmpty() ? 0 : 1;
    }
}
