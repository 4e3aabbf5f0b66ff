package dev.headway.infra.synth;

import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No value is cut: long or multi-line values show as a unified diff of their text, collapsed. */
class LongValuesTest {
    @Test
    void aStartupScriptChangeIsAUnifiedDiffInsideDetails() {
        PlanDiff d = PlanDiff.between(Synth.stack("prod"), Synth.stack("prod", Map.of("headway:poller",
                "{\"running\":true,\"machineType\":\"e2-small\",\"image\":\"headway-poller@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\","
                        + "\"feedUrl\":\"https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/nyct%2Fgtfs\",\"pollIntervalSeconds\":30}")));
        String md = MarkdownDiff.render(d, "");
        assertTrue(md.contains("| `metadataStartupScript` | ("), md);
        int at = md.indexOf("<details><summary><code>metadataStartupScript</code>: 4 lines differ</summary>");
        assertTrue(at > 0, md);
        String block = md.substring(at, md.indexOf("</details>", at));
        assertTrue(block.contains("```diff\n--- before\n+++ after\n@@ "), block);
        assertTrue(block.contains("\n-docker pull 'us-east1-docker.pkg.dev/headway-prod/hw-prod-training/" + Synth.pollerImage("prod") + "'\n"), block);
        assertTrue(block.contains("\n+docker pull 'us-east1-docker.pkg.dev/headway-prod/hw-prod-training/headway-poller@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'\n"), block);
        assertFalse(md.contains("..."), "nothing is cut");

        String text = DiffRenderer.text(d);
        assertTrue(text.contains("      +docker pull 'us-east1-docker.pkg.dev/headway-prod/hw-prod-training/headway-poller@sha256:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'"), text);
    }

    @Test
    void aLongOneLineValueIsShownWholeNotCut() {
        String filter = "resource.type = \"dataflow_job\" AND metric.type = \"dataflow.googleapis.com/job/data_watermark_age\" AND x";
        PlannedResource a = resource("{\"filter\":\"" + filter.replace("\"", "\\\"") + "\"}");
        PlannedResource b = resource("{\"filter\":\"" + filter.replace("\"", "\\\"").replace(" AND x", " AND y") + "\"}");
        PlanDiff d = PlanDiff.between(new Plan("dev", "p", java.util.List.of(a), Map.of()), new Plan("dev", "p", java.util.List.of(b), Map.of()));
        String md = MarkdownDiff.render(d, "");
        assertTrue(md.contains("-" + filter + "\n+" + filter.replace(" AND x", " AND y") + "\n"), md);
    }

    @Test
    void unifiedDiffHunksCountLinesAsDiffDoes() {
        String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj";
        String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\nk";
        // what diff -u prints for the same two files (one hunk: the gap between the changes is within 2 x 3 context lines)
        assertEquals("--- before\n+++ after\n@@ -2,9 +2,10 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n i\n j\n+k\n", UnifiedDiff.of(before, after));
        assertEquals("--- before\n+++ after\n@@ -1,2 +1,2 @@\n x\n-y\n+z\n", UnifiedDiff.of("x\ny", "x\nz"));
    }

    @Test
    void aFenceIsLongerThanAnyBacktickRunInTheValue() {
        assertTrue(MarkdownDiff.fenced("", "echo ```hi```").startsWith("````\n"));
    }

    private static PlannedResource resource(String inputs) {
        try {
            return new PlannedResource("urn:pulumi:dev::headway::gcp:monitoring/alertPolicy:AlertPolicy::lag", "gcp:monitoring/alertPolicy:AlertPolicy",
                    "lag", "", true, java.util.List.of(), Map.of(), false, false, new com.fasterxml.jackson.databind.ObjectMapper().readTree(inputs), "");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
