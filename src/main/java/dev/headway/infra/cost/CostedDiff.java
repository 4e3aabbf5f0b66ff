package dev.headway.infra.cost;

import dev.headway.infra.synth.MarkdownDiff;
import dev.headway.infra.synth.PlanDiff;

/** The pull-request Markdown of a diff with the estimated monthly cost before and after. */
public final class CostedDiff {
    private CostedDiff() {
    }

    public static String markdown(PlanDiff diff) {
        return markdown(diff, CostEstimator.forRepository());
    }

    public static String markdown(PlanDiff diff, CostEstimator estimator) {
        return sections(diff, estimator).whole();
    }

    /** The cost section alone, for a caller that composes the view itself. */
    public static String costSection(PlanDiff diff) {
        CostEstimator estimator = CostEstimator.forRepository();
        return CostRenderer.deltaMarkdown(estimator.of(diff.before()), estimator.of(diff.after()));
    }

    private static MarkdownDiff.Sections sections(PlanDiff diff, CostEstimator estimator) {
        return MarkdownDiff.sections(diff, "", CostRenderer.deltaMarkdown(estimator.of(diff.before()), estimator.of(diff.after())));
    }
}
