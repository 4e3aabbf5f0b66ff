package dev.headway.infra.review;

import dev.headway.infra.cost.CostedDiff;
import dev.headway.infra.synth.MarkdownDiff;
import dev.headway.infra.synth.PlanDiff;

import java.util.List;

/**
 * One stack's pull-request view: the Markdown diff with, in its never-trimmed part, the data-loss
 * guard and the security changes, and the cost table in the details.
 */
public final class PullRequestView {
    public record View(MarkdownDiff.Sections sections, List<DataLoss.Finding> dataLoss) {
    }

    private PullRequestView() {
    }

    public static View of(PlanDiff diff, Acknowledgements acks) {
        List<DataLoss.Finding> findings = DataLoss.of(diff, acks);
        String care = DataLoss.markdown(findings) + SecurityChanges.markdown(SecurityChanges.of(diff.cloud()));
        return new View(MarkdownDiff.sections(diff, care, CostedDiff.costSection(diff)), findings);
    }
}
