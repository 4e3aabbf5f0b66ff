package dev.headway.infra.cli;

import dev.headway.infra.UserError;
import dev.headway.infra.review.Acknowledgements;
import dev.headway.infra.review.PullRequestView;
import dev.headway.infra.synth.DiffRenderer;
import dev.headway.infra.synth.GitPlan;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.PlanJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Synthesize the stack offline and compare it with its reviewed plan (stacks/<stack>.plan.json; "
                + "with --base, that file as it is at the merge base of HEAD and the ref). A stack with no plan there "
                + "compares with nothing: everything is added. Exit 0 when the same, 1 when it differs.")
final class DiffCommand implements Callable<Integer> {
    enum Format { text, json, markdown }

    @Parameters(index = "0", paramLabel = "<stack>")
    String stack;

    @Option(names = "--against", paramLabel = "F", description = "Compare with plan F instead of stacks/<stack>.plan.json")
    Path against;

    @Option(names = "--base", paramLabel = "REF", description = "Compare with stacks/<stack>.plan.json at the merge base "
            + "of HEAD and git ref REF (what merging into REF changes), read with git")
    String base;

    @Option(names = "--config-file", paramLabel = "F", description = "Read stack config from F instead of Pulumi.<stack>.yaml")
    Path configFile;

    @Option(names = "--format", defaultValue = "text", description = "text, json or markdown (default: ${DEFAULT-VALUE})")
    Format format;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Plan before = before();
        Plan after = Stacks.synth(stack, configFile);
        PlanDiff diff = PlanDiff.between(before, after);
        var out = spec.commandLine().getOut();
        out.print(switch (format) {
            case text -> DiffRenderer.text(diff);
            case json -> DiffRenderer.json(diff);
            case markdown -> PullRequestView.of(diff, Acknowledgements.none()).sections().whole();
        });
        out.flush();
        return diff.isEmpty() ? 0 : 1;
    }

    private Plan before() {
        if (against != null && base != null) {
            throw new UserError(UserError.USAGE, "diff: --against and --base both name what to compare with; give one");
        }
        if (against != null) {
            return PlanJson.read(against);
        }
        Path plan = Stacks.planFile(stack);
        if (base != null) {
            GitPlan.AtBase at = GitPlan.atMergeBase(Path.of(""), base, stack, plan);
            spec.commandLine().getErr().println("headway-infra: comparing with " + plan + " at " + GitPlan.shortSha(at.commit())
                    + " (merge base of HEAD and " + base + ")" + (at.existed() ? "" : "; it has no such file, so everything is added"));
            return at.plan();
        }
        if (!Files.exists(plan)) {
            // issue 17: a stack with no reviewed plan yet (a new environment) compares with nothing
            spec.commandLine().getErr().println("headway-infra: " + plan + " does not exist; everything is added");
            return new Plan(stack, "", List.of(), Map.of());
        }
        return PlanJson.read(plan);
    }
}
