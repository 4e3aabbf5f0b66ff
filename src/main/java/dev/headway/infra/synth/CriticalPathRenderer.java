package dev.headway.infra.synth;

import java.util.List;

/** {@code synth --format critical-path}: the deploy-time estimate and the chains behind it. */
public final class CriticalPathRenderer {
    private CriticalPathRenderer() {
    }

    public static String render(Plan plan) {
        CreateTimes times = CreateTimes.load();
        DeployTime.Estimate e = DeployTime.estimate(plan, times);
        StringBuilder sb = new StringBuilder();
        sb.append("deploy-time estimate for stack ").append(plan.stack()).append(": create from empty, ")
                .append(plan.cloudResources().size()).append(" resources\n");
        sb.append("(typical create times per type from deploy/create-times.json, ").append(times.asOf())
                .append("; estimates, not measurements)\n\n");
        sb.append(String.format("  serial (--parallel 1)               %7.0f s%n", e.serialSeconds()));
        sb.append(String.format("  pulumi default (unbounded parallel) %7.0f s%n", e.defaultSeconds()));
        sb.append(String.format("  floor (irremovable dependencies)    %7.0f s%n", e.floorSeconds()));
        sb.append(String.format("  estimate / floor  %.2fx    serial / estimate  %.2fx%n%n", e.ratioToFloor(), e.speedupOverSerial()));
        sb.append("critical path (default parallelism):\n");
        path(sb, e.criticalPath(), times);
        sb.append("\nfloor path:\n");
        path(sb, e.floorPath(), times);
        sb.append("\nremovable dependencies on the critical path: ");
        if (e.removableOnPath().isEmpty()) {
            sb.append("none\n");
        } else {
            sb.append('\n');
            e.removableOnPath().forEach(edge -> sb.append("  ").append(edge.to().name()).append(" -> ").append(edge.from().name()).append('\n'));
        }
        return sb.toString();
    }

    private static void path(StringBuilder sb, List<PlannedResource> path, CreateTimes times) {
        double t = 0;
        for (PlannedResource r : path) {
            t += times.of(r);
            sb.append(String.format("  %5.0f s  +%4.0f  %-34s %s%n", t, times.of(r), TypeNames.shortName(r.type()), r.name()));
        }
    }
}
