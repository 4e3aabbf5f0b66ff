package dev.headway.infra.review;

import dev.headway.infra.policy.Violation;
import dev.headway.infra.synth.DiffRenderer;
import dev.headway.infra.synth.MarkdownDiff;
import dev.headway.infra.synth.PlanDiff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one pull-request comment that covers every stack: a summary table first, then per stack what
 * must never be cut (counts, data loss, security, policy violations), then the details. GitHub
 * refuses an issue comment body over 65,536 characters (REST "Create an issue comment" answers 422
 * "body is too long (maximum is 65536 characters)"; seen in peter-evans/create-or-update-comment
 * issue #181 and reg-viz/reg-actions issue #123), so when the
 * whole would pass {@link #LIMIT}, the largest details are replaced by a pointer to the artifact,
 * until it fits; the summary and the essential sections are never trimmed.
 */
public final class PrComment {
    /** GitHub's maximum issue-comment body, in characters. */
    public static final int LIMIT = 65_536;
    /** The sticky-comment action adds its own hidden header; keep a margin for it. */
    static final int MARGIN = 512;

    /** One stack's part of the comment. */
    public record StackReview(String stack, String base, PlanDiff diff, List<Violation> violations, List<DataLoss.Finding> dataLoss,
                              String essential, String detail) {
        boolean clean() {
            return violations.isEmpty();
        }

        /** Policy-clean and every data loss acknowledged. */
        public boolean passes() {
            return clean() && DataLoss.allAcknowledged(dataLoss);
        }

        String dataLossCell() {
            long open = dataLoss.stream().filter(f -> f.acknowledged().isEmpty()).count();
            return dataLoss.isEmpty() ? "none" : open == 0 ? dataLoss.size() + " acknowledged" : "**" + open + " not acknowledged**";
        }
    }

    private PrComment() {
    }

    public static String render(List<StackReview> stacks, String footer) {
        return render(stacks, footer, LIMIT - MARGIN);
    }

    static String render(List<StackReview> stacks, String footer, int limit) {
        List<String> details = new ArrayList<>(stacks.stream().map(StackReview::detail).toList());
        String text = compose(stacks, details, footer);
        List<Integer> bySize = new ArrayList<>();
        for (int i = 0; i < details.size(); i++) {
            bySize.add(i);
        }
        bySize.sort(Comparator.comparingInt((Integer i) -> details.get(i).length()).reversed());
        for (int i : bySize) {
            if (text.length() <= limit) {
                break;
            }
            details.set(i, "<sub>Details of `" + stacks.get(i).stack() + "` left out to stay under GitHub's " + LIMIT
                    + "-character comment limit: they are in the `preview-comment` artifact, or run `java -jar target/headway-infra.jar "
                    + "diff " + stacks.get(i).stack() + " --base " + stacks.get(i).base() + " --format markdown`.</sub>\n\n");
            text = compose(stacks, details, footer);
        }
        return text;
    }

    private static String compose(List<StackReview> stacks, List<String> details, String footer) {
        StringBuilder sb = new StringBuilder("## headway-infra: what merging this pull request changes\n\n");
        sb.append("| stack | changes | data loss | policy check |\n|---|---|---|---|\n");
        for (StackReview s : stacks) {
            sb.append("| `").append(s.stack()).append("` | ").append(s.diff().cloud().isEmpty() ? "no changes" : DiffRenderer.summary(s.diff()))
                    .append(" | ").append(s.dataLossCell())
                    .append(" | ").append(s.clean() ? "clean" : "**" + s.violations().size() + " violation(s)**").append(" |\n");
        }
        sb.append('\n');
        for (int i = 0; i < stacks.size(); i++) {
            StackReview s = stacks.get(i);
            sb.append(s.essential()).append('\n');
            if (!s.clean()) {
                sb.append("#### Policy violations in `").append(s.stack()).append("`\n\n");
                s.violations().forEach(v -> sb.append("- ").append(MarkdownDiff.escape(v.line())).append('\n'));
                sb.append('\n');
            }
            sb.append(details.get(i));
            if (!details.get(i).endsWith("\n")) {
                sb.append('\n');
            }
        }
        return sb.append(footer).toString();
    }
}
