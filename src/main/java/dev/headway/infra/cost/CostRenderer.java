package dev.headway.infra.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Prints a {@link CostReport} as a terminal table, and the change between two as Markdown. */
public final class CostRenderer {
    private CostRenderer() {
    }

    public static String usd(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    static String signed(double amount) {
        return (amount < 0 ? "-" : "+") + usd(Math.abs(amount));
    }

    /** {@code synth <stack> --format cost}: line items, the total, assumptions and sources. */
    public static String table(CostReport report) {
        Pricing p = report.pricing();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"COMPONENT", "RESOURCE", "ITEM", "BASIS", "USD/MONTH"});
        report.lines().stream()
                .sorted((a, b) -> (a.component() + a.resource() + a.item()).compareTo(b.component() + b.resource() + b.item()))
                .forEach(l -> rows.add(new String[]{l.component(), l.resource(), l.item() + (l.ceiling() ? " [ceiling]" : ""), l.basis(),
                        usd(l.monthly())}));
        int[] width = new int[5];
        rows.forEach(r -> {
            for (int i = 0; i < 5; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        });
        StringBuilder sb = new StringBuilder("Estimated monthly cost of stack " + report.stack() + ": " + usd(report.total())
                + " (ESTIMATE at list prices for " + p.region() + " as of " + p.asOf() + ", " + (long) p.hoursPerMonth() + " h/month)\n"
                + "  baseline spend " + usd(report.baseline()) + "; ceilings (GPU quota, node pools at max size, used all month) "
                + usd(report.ceilings()) + "\n\n");
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                sb.append(String.format("%-" + (width[i] + 2) + "s", r[i]));
            }
            sb.append(String.format("%" + width[4] + "s", r[4])).append('\n');
        }
        sb.append(String.format("%" + (java.util.Arrays.stream(width).sum() + 8) + "s", "TOTAL " + usd(report.total()))).append("\n\n");
        report.unpriced().forEach(u -> sb.append("not priced: ").append(u).append('\n'));
        sb.append(p.disclaimer()).append('\n');
        sb.append("Sources:\n");
        p.sources().forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }

    /** The Markdown section of a diff: monthly total before and after, and the line items that changed. */
    public static String deltaMarkdown(CostReport before, CostReport after) {
        double delta = after.total() - before.total();
        StringBuilder sb = new StringBuilder("#### Estimated monthly cost\n\n");
        double base = after.baseline() - before.baseline();
        double ceil = after.ceilings() - before.ceilings();
        sb.append("| | before | after | change |\n|---|---:|---:|---:|\n");
        sb.append("| **baseline spend** | ").append(usd(before.baseline())).append(" | ").append(usd(after.baseline())).append(" | ")
                .append(Math.abs(base) < 0.005 ? "no change" : signed(base) + "/month").append(" |\n");
        sb.append("| ceilings (GPU quota, node pools at max size, used all month) | ").append(usd(before.ceilings())).append(" | ")
                .append(usd(after.ceilings())).append(" | ").append(Math.abs(ceil) < 0.005 ? "no change" : signed(ceil) + "/month").append(" |\n\n");
        sb.append("<sub>Ceilings are what the quota and the maximum sizes allow, not expected spend; total if all were used: ")
                .append(usd(before.total())).append(" → ").append(usd(after.total())).append(" (")
                .append(Math.abs(delta) < 0.005 ? "no change" : signed(delta) + "/month").append(").</sub>\n\n");
        Map<String, CostReport.LineItem> old = index(before);
        Map<String, CostReport.LineItem> now = index(after);
        TreeSet<String> keys = new TreeSet<>(old.keySet());
        keys.addAll(now.keySet());
        List<String> rows = new ArrayList<>();
        for (String k : keys) {
            CostReport.LineItem a = old.get(k);
            CostReport.LineItem b = now.get(k);
            double x = a == null ? 0 : a.monthly();
            double y = b == null ? 0 : b.monthly();
            if (Math.abs(y - x) >= 0.005) {
                CostReport.LineItem shown = b != null ? b : a;
                rows.add("| " + shown.component() + " | " + shown.resource() + " | " + shown.item() + (shown.ceiling() ? " (ceiling)" : "") + " | "
                        + (a == null ? "—" : usd(x)) + " | " + (b == null ? "—" : usd(y)) + " | " + signed(y - x) + " |");
            }
        }
        if (!rows.isEmpty()) {
            sb.append("| component | resource | item | before | after | delta |\n|---|---|---|---:|---:|---:|\n");
            rows.forEach(r -> sb.append(r.replace("\n", " ")).append('\n'));
            sb.append('\n');
        }
        after.unpriced().forEach(u -> sb.append("- not priced: ").append(u).append('\n'));
        if (!after.unpriced().isEmpty()) {
            sb.append('\n');
        }
        Pricing p = after.pricing();
        sb.append("<sub>Estimate at list prices (").append(p.region()).append(", as of ").append(p.asOf())
                .append(", ").append((long) p.hoursPerMonth()).append(" h/month; nominal volumes and a full GPU quota assumed). ")
                .append("Not a quote. Table: `src/main/resources").append(Pricing.DEFAULT).append("`.</sub>\n");
        return sb.toString();
    }

    private static Map<String, CostReport.LineItem> index(CostReport r) {
        Map<String, CostReport.LineItem> m = new LinkedHashMap<>();
        r.lines().forEach(l -> m.put(l.key(), l));
        return m;
    }
}
