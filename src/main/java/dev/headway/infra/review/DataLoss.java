package dev.headway.infra.review;

import dev.headway.infra.policy.DataStores;
import dev.headway.infra.synth.MarkdownDiff;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.ReplaceRules;
import dev.headway.infra.synth.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data-loss guard, on every update (not only destroy): each resource that a change deletes or
 * replaces and that holds data or in-flight work ({@link DataStores#loses}) is a finding, which
 * fails the review unless the pull request acknowledges it ({@link Acknowledgements}).
 *
 * <p>A protected resource cannot be deleted or replaced by {@code pulumi up}: pulumi/pulumi
 * {@code pkg/resource/deploy/step_generator.go} refuses a replacement when both the old and the new
 * state are protected ("unable to replace resource ... as it is currently marked for protection"),
 * and {@code pkg/resource/deploy/step.go} {@code DeleteStep.Apply} refuses to delete one whose old
 * state is protected. Such a finding is shown as blocked.
 */
public final class DataLoss {
    /** One resource whose data or work a change loses. */
    public record Finding(PlannedResource resource, String action, String loses, List<String> because, boolean blocked,
                          List<String> holds, Optional<String> acknowledged) {
    }

    private DataLoss() {
    }

    public static List<Finding> of(PlanDiff all, Acknowledgements acks) {
        PlanDiff d = all.cloud();
        List<Finding> out = new ArrayList<>();
        for (PlannedResource r : d.removed()) {
            DataStores.loses(r).ifPresent(what -> out.add(new Finding(r, "delete", what, List.of(), r.protect(), holds(d, r),
                    acks.reason(r.urn()))));
        }
        for (PlanDiff.Changed c : d.replaced()) {
            PlannedResource r = c.before();
            DataStores.loses(r).ifPresent(what -> out.add(new Finding(r, "replace", what, ReplaceRules.replacingPaths(c),
                    r.protect() && c.after().protect(), holds(d, r), acks.reason(r.urn()))));
        }
        return out;
    }

    public static boolean allAcknowledged(List<Finding> findings) {
        return findings.stream().allMatch(f -> f.acknowledged().isPresent());
    }

    /** The tables a BigQuery dataset holds, by the {@code datasetId} input they share. */
    private static List<String> holds(PlanDiff d, PlannedResource r) {
        if (!r.type().equals(Types.BIGQUERY_DATASET)) {
            return List.of();
        }
        String dataset = r.inputs().path("datasetId").asText();
        return d.before().ofType(Types.BIGQUERY_TABLE).stream()
                .filter(t -> t.inputs().path("datasetId").asText().equals(dataset))
                .map(t -> t.inputs().path("tableId").asText(t.name())).sorted().toList();
    }

    /** The section of the comment: never trimmed. Empty when the change loses nothing. */
    public static String markdown(List<Finding> findings) {
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("#### Data loss\n\n");
        boolean open = !allAcknowledged(findings);
        sb.append(open ? "> [!CAUTION]\n> This change deletes or replaces what holds data or running work. The review fails until each "
                + "line is acknowledged in `" + Acknowledgements.FILE + "` (urn and reason) or with the label `" + Acknowledgements.LABEL + "`.\n\n"
                : "Every loss below is acknowledged.\n\n");
        for (Finding f : findings) {
            sb.append("- ").append(f.blocked() ? "**blocked: protected; `up` will refuse** " : "")
                    .append("**").append(f.action().equals("delete") ? "deletes" : "replaces").append("** ")
                    .append(MarkdownDiff.ref(f.resource()))
                    .append(f.because().isEmpty() ? "" : " (because " + String.join(", ", f.because().stream().map(p -> "`" + p + "`").toList()) + " changed)")
                    .append(": loses ").append(f.loses())
                    .append(f.blocked() ? "" : f.action().equals("replace") ? "; the new one starts empty" : "")
                    .append(f.holds().isEmpty() ? "" : "; holds tables " + String.join(", ", f.holds().stream().map(t -> "`" + t + "`").toList()))
                    .append('\n');
            sb.append("  - ").append(f.acknowledged().map(r -> "acknowledged: " + MarkdownDiff.escape(r))
                    .orElse("**not acknowledged**: `" + f.resource().urn() + "`")).append('\n');
        }
        return sb.append('\n').toString();
    }
}
