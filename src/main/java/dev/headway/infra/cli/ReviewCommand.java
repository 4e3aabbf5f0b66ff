package dev.headway.infra.cli;

import dev.headway.infra.UserError;
import dev.headway.infra.review.Acknowledgements;
import dev.headway.infra.review.PullRequestView;
import dev.headway.infra.policy.PolicySuite;
import dev.headway.infra.review.PrComment;
import dev.headway.infra.synth.GitPlan;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

@Command(name = "review", mixinStandardHelpOptions = true,
        description = "The pull-request comment: for every stack (each Pulumi.<stack>.yaml here, or those named), synth "
                + "compared with stacks/<stack>.plan.json at the merge base of HEAD and --base, the policy check, in one "
                + "Markdown comment under GitHub's size limit. Exit 0 when every stack checks clean, 1 otherwise.")
final class ReviewCommand implements Callable<Integer> {
    private static final Pattern STACK_FILE = Pattern.compile("Pulumi\\.(.+)\\.yaml");

    @Parameters(arity = "0..*", paramLabel = "<stack>", description = "Stacks to review (default: every Pulumi.<stack>.yaml)")
    List<String> stacks = new ArrayList<>();

    @Option(names = "--base", required = true, paramLabel = "REF", description = "The pull request's base: a branch or commit")
    String base;

    @Option(names = "--head", paramLabel = "SHA", description = "The commit reviewed, named in the footer")
    String head;

    @Option(names = "--labels", split = ",", paramLabel = "L", description = "The pull request's labels; "
            + Acknowledgements.LABEL + " acknowledges every data loss")
    List<String> labels = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<PrComment.StackReview> reviews = new ArrayList<>();
        Acknowledgements acks = null;
        for (String stack : stacks.isEmpty() ? stackFiles() : stacks) {
            GitPlan.AtBase at = GitPlan.atMergeBase(Path.of(""), base, stack, Stacks.planFile(stack));
            if (acks == null) {
                acks = Acknowledgements.of(GitPlan.readAt(Path.of(""), at.commit(), Path.of(Acknowledgements.FILE)), headAcks(),
                        labels.contains(Acknowledgements.LABEL));
            }
            Plan after = Stacks.synth(stack, null);
            PlanDiff diff = PlanDiff.between(at.plan(), after);
            PullRequestView.View view = PullRequestView.of(diff, acks);
            String essential = view.sections().essential() + (at.existed() ? "" : "\n<sub>`stacks/" + stack + ".plan.json` does not exist at "
                    + "the merge base: everything is new.</sub>\n");
            reviews.add(new PrComment.StackReview(stack, GitPlan.shortSha(at.commit()), diff, PolicySuite.standard().check(after),
                    view.dataLoss(), essential, view.sections().detail()));
        }
        String footer = "<sub>Compared with `stacks/<stack>.plan.json` at the merge base of " + (head == null ? "HEAD" : "`" + head + "`")
                + " and `" + base + "`" + (reviews.isEmpty() ? "" : " (`" + reviews.get(0).base() + "`)") + ".</sub>\n";
        var out = spec.commandLine().getOut();
        out.print(PrComment.render(reviews, footer));
        out.flush();
        return reviews.stream().allMatch(PrComment.StackReview::passes) ? 0 : 1;
    }

    private static java.util.Optional<String> headAcks() {
        Path file = Path.of(Acknowledgements.FILE);
        try {
            return Files.exists(file) ? java.util.Optional.of(Files.readString(file)) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UserError(UserError.USAGE, file + ": cannot be read: " + e.getMessage());
        }
    }

    private static List<String> stackFiles() {
        try (Stream<Path> files = Files.list(Path.of(""))) {
            List<String> found = files.map(f -> STACK_FILE.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .map(m -> m.group(1)).sorted().toList();
            if (found.isEmpty()) {
                throw new UserError(UserError.USAGE, "review: no Pulumi.<stack>.yaml here; run it in the project directory or name the stacks");
            }
            return found;
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "review: cannot list the project directory: " + e.getMessage());
        }
    }
}
