package dev.headway.infra.cost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.TypeNames;
import dev.headway.infra.synth.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Monthly cost of what a plan declares, from a {@link Pricing} table: VMs (0 when TERMINATED), the
 * NAT gateway, buckets, datasets and topics at nominal volumes, the GPU training pool at full quota
 * all month (the worst case), GKE's cluster fee and GPU node pool at its maximum size, and each
 * endpoint's minimum replicas. Works on any plan, so a committed plan and a new synth compare.
 */
public final class CostEstimator {
    private final Pricing pricing;
    private final Usage usage;
    private final double hours;

    public CostEstimator(Pricing pricing) {
        this(pricing, Usage.none());
    }

    public CostEstimator(Pricing pricing, Usage usage) {
        this.pricing = pricing;
        this.usage = usage;
        this.hours = pricing.hoursPerMonth();
    }

    /** With the pricing table's nominal volumes only. */
    public static CostReport estimate(Plan plan) {
        return new CostEstimator(Pricing.standard()).of(plan);
    }

    /** With the volumes of {@code stacks/usage.yaml} in the working directory, where it gives them. */
    public static CostEstimator forRepository() {
        return new CostEstimator(Pricing.standard(), Usage.repository());
    }

    public CostReport of(Plan plan) {
        List<CostReport.LineItem> lines = new ArrayList<>();
        List<String> unpriced = new ArrayList<>();
        String region = plan.outputs().containsKey("region") ? plan.outputs().get("region").asText() : pricing.region();
        if (!region.equals(pricing.region())) {
            unpriced.add("the table holds " + pricing.region() + " prices; this stack runs in " + region + ": figures are approximate");
        }
        long runningVms = plan.ofType(Types.COMPUTE_INSTANCE).stream().filter(CostEstimator::running).count();
        for (PlannedResource r : plan.cloudResources()) {
            String component = plan.componentOf(r);
            Line line = (item, basis, monthly) -> lines.add(new CostReport.LineItem(r.urn() + "#" + item, component, r.name(), item, basis,
                    monthly, CEILINGS.contains(r.type())));
            int before = lines.size();
            switch (r.type()) {
                case Types.COMPUTE_INSTANCE -> {
                    String machine = lastSegment(r.input("machineType").asText());
                    if (!running(r)) {
                        line.add("VM " + machine, "TERMINATED: no machine charge", 0);
                    } else {
                        hourly(line, unpriced, r, "VM " + machine, pricing.machineHour(machine, spot(r.input("scheduling"))), 1);
                    }
                }
                case Types.COMPUTE_ROUTER_NAT -> {
                    double perHour = Math.min(runningVms * pricing.number("nat.perVmHour"), pricing.number("nat.maxGatewayHour"));
                    line.add("NAT gateway", runningVms + " VM x $" + pricing.number("nat.perVmHour") + "/h x " + fmtHours(), perHour * hours);
                    double gib = volume(plan, r, "natGibProcessedPerMonth");
                    line.add("NAT data processed", fmt(gib) + " GiB " + from(plan, r, "natGibProcessedPerMonth") + " x $" + pricing.number("nat.perGibProcessed") + "/GiB",
                            gib * pricing.number("nat.perGibProcessed"));
                }
                case Types.STORAGE_BUCKET -> {
                    boolean multi = !r.input("location").asText("").contains("-");
                    double price = pricing.number(multi ? "storageGbMonth.multiRegion" : "storageGbMonth.regional");
                    double gb = volume(plan, r, "bucketGb");
                    line.add("Standard storage", fmt(gb) + " GB " + from(plan, r, "bucketGb") + " x $" + price + "/GB-month" + (multi ? " (multi-region)" : ""), gb * price);
                }
                case Types.BIGQUERY_DATASET -> {
                    double gib = volume(plan, r, "bigqueryGibPerDataset");
                    line.add("BigQuery storage", fmt(gib) + " GiB " + from(plan, r, "bigqueryGibPerDataset") + " x $" + pricing.number("bigqueryActiveGibMonth") + "/GiB-month",
                            gib * pricing.number("bigqueryActiveGibMonth"));
                }
                case Types.PUBSUB_TOPIC -> {
                    double gib = volume(plan, r, "pubsubGibPerTopicPerMonth");
                    line.add("Pub/Sub throughput", fmt(gib) + " GiB " + from(plan, r, "pubsubGibPerTopicPerMonth") + " x $" + pricing.number("pubsubPerTib") + "/TiB",
                            gib / 1024 * pricing.number("pubsubPerTib"));
                }
                case Types.CONSUMER_QUOTA_OVERRIDE -> gpuQuota(line, unpriced, r);
                case Types.GKE_CLUSTER -> line.add("GKE cluster fee", fmtHours() + " x $" + pricing.number("gkeClusterHour") + "/h",
                        hours * pricing.number("gkeClusterHour"));
                case Types.GKE_NODE_POOL -> {
                    String machine = lastSegment(r.input("nodeConfig.machineType").asText("e2-medium"));
                    boolean spot = spot(r.input("nodeConfig"));
                    hourly(line, unpriced, r, "node pool at max size: " + machine + (spot ? " (spot)" : ""), pricing.machineHour(machine, spot), maxNodes(r));
                }
                case Types.VERTEX_ENDPOINT -> {
                    String machine = pricing.assumption("endpointMachineType");
                    int replicas = (int) volume(plan, r, "endpointMinReplicas");
                    hourly(line, unpriced, r, "min replicas: " + replicas + " x " + machine + " " + from(plan, r, "endpointMinReplicas"),
                            pricing.vertexPredictionNodeHour(machine), replicas);
                }
                default -> {
                }
            }
            // Issue 14: a type with no price is listed, never silently $0.
            if (lines.size() == before && pricing.noCharge(r.type()).isEmpty() && !isNonGpuQuota(r)
                    && unpriced.stream().noneMatch(u -> u.startsWith(r.name() + ":"))) {
                unpriced.add(r.name() + ": " + TypeNames.shortName(r.type()) + " has no price in the table (not counted in the totals)");
            }
        }
        return new CostReport(plan.stack(), List.copyOf(lines), List.copyOf(unpriced), pricing);
    }

    /** Charges that are a ceiling (a quota or a maximum size used all month), not expected spend. */
    static final Set<String> CEILINGS = Set.of(Types.CONSUMER_QUOTA_OVERRIDE, Types.GKE_NODE_POOL);

    private static boolean isNonGpuQuota(PlannedResource r) {
        return r.type().equals(Types.CONSUMER_QUOTA_OVERRIDE) && !r.input("metric").asText("").toLowerCase(Locale.ROOT).contains("gpu");
    }

    private double volume(Plan plan, PlannedResource r, String key) {
        return usage.volume(plan.stack(), r.name(), key).orElseGet(() -> Double.parseDouble(pricing.assumption(key)));
    }

    private String from(Plan plan, PlannedResource r, String key) {
        return usage.volume(plan.stack(), r.name(), key).isPresent() ? "(" + usage.source() + ")" : "(assumed)";
    }

    /** The Vertex custom-training GPU quota, used in full all month: GPUs x (GPU-hour + host machine share). */
    private void gpuQuota(Line line, List<String> unpriced, PlannedResource r) {
        String metric = r.input("metric").asText("").toLowerCase(Locale.ROOT);
        if (!metric.contains("gpu")) {
            return;
        }
        String accelerator = metric.contains("a100") ? "NVIDIA_TESLA_A100" : null;
        int gpus = (int) Double.parseDouble(r.input("overrideValue").asText("0"));
        String host = pricing.assumption("gpuHostMachineType");
        OptionalDouble gpu = accelerator == null ? OptionalDouble.empty() : pricing.vertexAcceleratorHour(accelerator);
        OptionalDouble hostHour = pricing.vertexHostHour(host);
        if (gpu.isEmpty() || hostHour.isEmpty()) {
            unpriced.add(r.name() + ": no Vertex training price for " + metric);
            return;
        }
        double perGpuHour = gpu.getAsDouble() + hostHour.getAsDouble();
        line.add("GPU pool at full quota (worst case)", gpus + " x " + accelerator + " x " + fmtHours() + " x ($" + gpu.getAsDouble()
                + " GPU + $" + hostHour.getAsDouble() + " " + host + " host)/h", gpus * hours * perGpuHour);
    }

    private void hourly(Line line, List<String> unpriced, PlannedResource r, String item, OptionalDouble price, long count) {
        if (price.isEmpty()) {
            unpriced.add(r.name() + ": no price for " + item);
            line.add(item, "not in the pricing table", 0);
            return;
        }
        line.add(item, count + " x " + fmtHours() + " x $" + price.getAsDouble() + "/h", count * hours * price.getAsDouble());
    }

    private static long maxNodes(PlannedResource r) {
        JsonNode auto = r.input("autoscaling");
        if (auto.path("totalMaxNodeCount").isNumber()) {
            return auto.path("totalMaxNodeCount").asLong();
        }
        if (auto.path("maxNodeCount").isNumber()) {
            return auto.path("maxNodeCount").asLong() * Math.max(1, r.input("nodeLocations").size());
        }
        return r.input("nodeCount").asLong(r.input("initialNodeCount").asLong(1));
    }

    private static boolean running(PlannedResource r) {
        return !"TERMINATED".equals(r.input("desiredStatus").asText("RUNNING"));
    }

    private static boolean spot(JsonNode n) {
        return n.path("spot").asBoolean(false) || n.path("preemptible").asBoolean(false)
                || "SPOT".equals(n.path("provisioningModel").asText(""));
    }

    private static String lastSegment(String s) {
        return s.substring(s.lastIndexOf('/') + 1);
    }

    private String fmtHours() {
        return fmt(hours) + " h";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    @FunctionalInterface
    private interface Line {
        void add(String item, String basis, double monthly);
    }
}
