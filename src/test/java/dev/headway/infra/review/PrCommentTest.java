package dev.headway.infra.review;

import dev.headway.infra.policy.Severity;
import dev.headway.infra.policy.Violation;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One comment for every stack: summary first, under GitHub's limit, never trimming what must be read. */
class PrCommentTest {
    private static PrComment.StackReview review(String stack, Map<String, String> overrides, List<Violation> violations) {
        PlanDiff d = PlanDiff.between(Synth.stack(stack), Synth.stack(stack, overrides));
        PullRequestView.View v = PullRequestView.of(d, Acknowledgements.none());
        return new PrComment.StackReview(stack, "abc123", d, violations, v.dataLoss(), v.sections().essential(), v.sections().detail());
    }

    @Test
    void summaryFirstThenEachStack() {
        Map<String, String> central = Map.of("gcp:region", "us-central1", "headway:zone", "us-central1-a");
        Violation v = new Violation("HW-X-001", Severity.HIGH, "gcp:pubsub/topic:Topic", "t", "urn:x", "a <b> problem", "fix it");
        String md = PrComment.render(List.of(review("dev", Map.of(), List.of()), review("prod", central, List.of(v))), "footer\n");
        assertTrue(md.startsWith("## headway-infra: what merging this pull request changes\n\n| stack | changes | data loss | policy check |"), md);
        assertTrue(md.contains("| `dev` | no changes | none | clean |"), md);
        assertTrue(md.matches("(?s).*\\| `prod` \\| 0 to add, 0 to change, \\d+ to replace, 0 to delete, \\d+ outputs changed \\| \\*\\*\\d+ not acknowledged\\*\\* \\| \\*\\*1 violation\\(s\\)\\*\\* \\|.*"), md);
        assertTrue(md.contains("- HW-X-001 HIGH pubsub.Topic t: a &lt;b&gt; problem; fix: fix it"), md);
        assertTrue(md.indexOf("### Stack `dev`") < md.indexOf("### Stack `prod`"));
        assertTrue(md.endsWith("footer\n"));
    }

    @Test
    void overTheLimitTheLargestDetailsGoFirstAndTheEssentialsStay() {
        Map<String, String> central = Map.of("gcp:region", "us-central1", "headway:zone", "us-central1-a");
        PrComment.StackReview dev = review("dev", central, List.of());
        PrComment.StackReview prod = review("prod", central, List.of());
        String whole = PrComment.render(List.of(dev, prod), "", Integer.MAX_VALUE);
        int limit = whole.length() - prod.detail().length() / 2;
        String trimmed = PrComment.render(List.of(dev, prod), "", limit);
        assertTrue(trimmed.length() <= limit, trimmed.length() + " > " + limit);
        assertTrue(trimmed.contains(dev.essential()) && trimmed.contains(prod.essential()), "summary, data loss and security are never trimmed");
        assertTrue(trimmed.contains("#### Data loss"));
        assertTrue(trimmed.contains("Details of `prod` left out"), "the larger details go first");
        assertFalse(trimmed.contains("Details of `dev` left out"), "only as much as needed");
        String tiny = PrComment.render(List.of(dev, prod), "", 10);
        assertTrue(tiny.contains(dev.essential()) && tiny.contains(prod.essential()), "even when nothing else fits");
        assertEquals(65_536, PrComment.LIMIT);
    }
}
