package dev.headway.infra.synth;

import java.util.List;
import java.util.Map;

/** {@code synth --format critical-path}: the deploy-time estimate, the chains behind it, and the edges by kind. */
public final class CriticalPathRenderer {
    private CriticalPathRenderer() {
    }

    public static String render(Plan plan) {
        return render(plan, CreateTimes.load());
    }

    static String render(Plan plan, CreateTimes times) {
        DeployTime.Estimate e = DeployTime.estimate(plan, times);
        StringBuilder sb = new StringBuilder();
        sb.append("deploy-time estimate for stack ").append(plan.stack()).append(": create from empty, ")
                .append(plan.cloudResources().size()).append(" resources\n");
        long estimated = times.basis().values().stream().filter("estimate"::equals).count();
        sb.append("(create times per type from deploy/create-times.json, ").append(times.asOf()).append(", each with its source; ")
                .append(estimated).append(" of ").append(times.basis().size())
                .append(" are estimates without a citable typical value; IAM changes serialized per policy as the provider does)\n\n");
        sb.append(String.format("  serial (--parallel 1)                         %7.0f s%n", e.serialSeconds()));
        sb.append(String.format("  estimate (every edge)                         %7.0f s%n", e.estimateSeconds()));
        sb.append(String.format("  floor (values and API enablement only)        %7.0f s%n", e.floorSeconds()));
        sb.append(String.format("  floor with grants (what one up converges on)  %7.0f s%n", e.floorWithGrantsSeconds()));
        sb.append(String.format("  estimate / floor  %.2fx    serial / estimate  %.2fx%n", e.ratioToFloor(), e.speedupOverSerial()));
        DeployTime.Estimate upper = DeployTime.estimate(plan, times.upperBounded());
        sb.append(String.format("  with every provider create timeout as the time (upper bound): estimate %.0f s, floor %.0f s%n%n",
                upper.estimateSeconds(), upper.floorSeconds()));
        Map<DeployTime.Why, Long> counts = e.edgeCounts();
        sb.append("edges: ").append(counts.get(DeployTime.Why.VALUE)).append(" a value flows, ")
                .append(counts.get(DeployTime.Why.API)).append(" an API must be on, ")
                .append(counts.get(DeployTime.Why.GRANT)).append(" a grant or account must exist, ")
                .append(counts.get(DeployTime.Why.ORDERING)).append(" ordering only\n\n");
        sb.append("critical path (every edge):\n");
        path(sb, e.criticalPath(), times);
        sb.append("\nfloor path:\n");
        path(sb, e.floorPath(), times);
        sb.append("\nordering-only edges (nothing flows and Google Cloud does not require them): ");
        if (e.ordering().isEmpty()) {
            sb.append("none\n");
        } else {
            sb.append('\n');
            e.ordering().forEach(edge -> sb.append("  ").append(edge.to().name()).append(" waits for ")
                    .append(TypeNames.shortName(edge.from().type())).append(' ').append(edge.from().name()).append('\n'));
        }
        return sb.toString();
    }

    private static void path(StringBuilder sb, List<DeployTime.Step> path, CreateTimes times) {
        for (DeployTime.Step s : path) {
            sb.append(String.format("  %5.0f s  +%4.0f  %-34s %-40s %s%n", s.finish(), times.of(s.resource()),
                    TypeNames.shortName(s.resource().type()), s.resource().name(), s.waitedFor().isEmpty() ? "" : "after: " + s.waitedFor()));
        }
    }
}
