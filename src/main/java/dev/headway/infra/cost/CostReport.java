package dev.headway.infra.cost;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An estimated monthly cost: line items (one resource, one charge), the resources whose price the
 * table does not know ({@code unpriced}), and the pricing table used. Estimates, not quotes.
 */
public record CostReport(String stack, List<LineItem> lines, List<String> unpriced, Pricing pricing) {

    /**
     * One charge of one resource.
     *
     * @param key     stable identity across plans (resource URN and item), for deltas
     * @param basis   how the figure was computed, such as {@code 730 h x $0.008376/h}
     */
    public record LineItem(String key, String component, String resource, String item, String basis, double monthly, boolean ceiling) {
    }

    /** Baseline and ceilings together: what the bill could reach if every ceiling were used all month. */
    public double total() {
        return lines.stream().mapToDouble(LineItem::monthly).sum();
    }

    /** What runs whatever the load: machines, fees, storage and traffic at the usage file's volumes. */
    public double baseline() {
        return lines.stream().filter(l -> !l.ceiling()).mapToDouble(LineItem::monthly).sum();
    }

    /** Quotas and maximum sizes used in full all month: a bound a reviewer approves, not a forecast. */
    public double ceilings() {
        return lines.stream().filter(LineItem::ceiling).mapToDouble(LineItem::monthly).sum();
    }

    /** Monthly totals per component, sorted by component name. */
    public Map<String, Double> byComponent() {
        Map<String, Double> out = new TreeMap<>();
        lines.forEach(l -> out.merge(l.component(), l.monthly(), Double::sum));
        return out;
    }
}
