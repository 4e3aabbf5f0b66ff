package dev.headway.infra.cost;

import dev.headway.infra.UserError;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cost a reviewer can trust: every resource accounted for, ceilings apart from spend, volumes from the repository's usage file. */
class CostAccountingTest {
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceIsPricedFreeOrListedAsUnpriced(String stack) {
        Plan plan = Synth.stack(stack);
        CostReport report = CostEstimator.forRepository().of(plan);
        List<String> silent = new ArrayList<>();
        for (PlannedResource r : plan.cloudResources()) {
            boolean priced = report.lines().stream().anyMatch(l -> l.resource().equals(r.name()));
            boolean free = report.pricing().noCharge(r.type()).isPresent();
            boolean listed = report.unpriced().stream().anyMatch(u -> u.startsWith(r.name() + ":"));
            boolean nonGpuQuota = r.type().endsWith("consumerQuotaOverride:ConsumerQuotaOverride") && !r.input("metric").asText().contains("gpu");
            if (!(priced || free || listed || nonGpuQuota)) {
                silent.add(r.type() + " " + r.name());
            }
        }
        assertEquals(List.of(), silent, "resources that would count as $0 without saying so");
    }

    @Test
    void theProdStreamingJobIsListedAsUnpricedNotZero() {
        CostReport report = CostEstimator.forRepository().of(Synth.stack("prod"));
        assertTrue(report.unpriced().contains("hw-prod-feed-to-bigquery: dataflow.FlexTemplateJob has no price in the table (not counted in the totals)"),
                report.unpriced().toString());
        String md = CostRenderer.deltaMarkdown(report, report);
        assertTrue(md.contains("- not priced: hw-prod-feed-to-bigquery: dataflow.FlexTemplateJob"), md);
    }

    @Test
    void gpuQuotaAndNodePoolMaximumAreCeilingsApartFromBaseline() {
        CostReport report = CostEstimator.forRepository().of(Synth.stack("prod"));
        double quotaAndPool = report.lines().stream().filter(l -> l.item().startsWith("GPU pool at full quota") || l.item().startsWith("node pool at max size"))
                .mapToDouble(CostReport.LineItem::monthly).sum();
        assertTrue(quotaAndPool > 10_000, "8 A100s all month");
        assertEquals(quotaAndPool, report.ceilings(), 0.005);
        assertEquals(report.total() - quotaAndPool, report.baseline(), 0.005);
        assertTrue(report.baseline() < 2_000, "baseline spend is not the GPU ceiling: " + report.baseline());
        String md = CostRenderer.deltaMarkdown(report, report);
        assertTrue(md.contains("| **baseline spend** | " + CostRenderer.usd(report.baseline())), md);
        assertTrue(md.contains("| ceilings (GPU quota, node pools at max size, used all month) | " + CostRenderer.usd(report.ceilings())), md);
    }

    @Test
    void volumesComeFromTheUsageFileWithPerResourceOverrides() {
        Plan prod = Synth.stack("prod");
        CostReport withFile = CostEstimator.forRepository().of(prod);
        CostReport.LineItem raw = withFile.lines().stream().filter(l -> l.resource().equals("hw_prod_raw")).findFirst().orElseThrow();
        assertTrue(raw.basis().startsWith("200 GiB (stacks/usage.yaml)"), raw.basis());
        CostReport.LineItem root = withFile.lines().stream().filter(l -> l.resource().equals("headway-prod-hw-prod-pipeline-root")).findFirst().orElseThrow();
        assertTrue(root.basis().startsWith("500 GB (stacks/usage.yaml)"), root.basis());
        CostReport nominal = CostEstimator.estimate(prod);
        assertTrue(nominal.lines().stream().filter(l -> l.resource().equals("hw_prod_raw")).findFirst().orElseThrow().basis().contains("(assumed)"));
    }

    @Test
    void aBadUsageFileIsOneLineExitTwo() {
        for (String bad : List.of("prod:\n  bucketGB: 5\n", "prod:\n  bucketGb: lots\n", "- 1\n", "prod:\n  resources:\n    x:\n      gb: 1\n")) {
            UserError e = assertThrows(UserError.class, () -> Usage.parse("stacks/usage.yaml", bad), bad);
            assertEquals(UserError.USAGE, e.exitCode());
            assertEquals(1, e.getMessage().lines().count());
        }
    }
}
