package dev.headway.infra.synth;

import dev.headway.infra.cost.CostedDiff;
import dev.headway.infra.testing.CraftedPlans;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.headway.infra.testing.CraftedPlans.component;
import static dev.headway.infra.testing.CraftedPlans.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a reviewer must see in the pull-request diff. */
class MarkdownDiffTest {
    static final Map<String, String> CENTRAL = Map.of("gcp:region", "us-central1", "headway:zone", "us-central1-a");

    static String regionMove(String stack) {
        return CostedDiff.markdown(PlanDiff.between(Synth.stack(stack), Synth.stack(stack, CENTRAL)));
    }

    static PlanDiff addedEndpoint() {
        Plan before = Synth.stack("prod");
        PlannedResource serving = component("prod", "headway:serving:Serving", "serving");
        Plan after = CraftedPlans.plus(before, serving, resource("prod", serving, "gcp:vertex/aiEndpoint:AiEndpoint", "hw-prod-headway-xgb",
                "{\"name\":\"hw-prod-headway-xgb\",\"location\":\"us-east1\",\"displayName\":\"XGBoost challenger\",\"project\":\"headway-prod\"}", false));
        return PlanDiff.between(before, after);
    }

    static PlanDiff removedBucket(String stack) {
        Plan after = Synth.stack(stack);
        PlannedResource streaming = component(stack, "headway:streaming:StreamingIngestion", "streaming");
        boolean prod = stack.equals("prod");
        Plan before = CraftedPlans.plus(after, streaming, resource(stack, streaming, "gcp:storage/bucket:Bucket",
                "headway-" + stack + "-hw-" + stack + "-archive", "{\"location\":\"US-EAST1\",\"forceDestroy\":" + !prod + "}", prod));
        return PlanDiff.between(before, after);
    }

    @Test
    void regionMoveShowsEveryReplacementAndWhy() {
        String md = regionMove("dev");
        // Other components in the region (VM zone, endpoints...) add their own replacements; the platform's three are fixed.
        assertTrue(md.matches("(?s)### Stack `dev`: 0 to add, \\d+ to change, ([3-9]|\\d\\d+) to replace, 0 to delete, \\d+ outputs changed\n.*"), md);
        assertTrue(md.contains("> [!WARNING]\n"));
        assertTrue(md.contains("> - **Replaces** compute.Subnetwork `hw-dev-subnet` (delete and re-create) because `region` changed\n"), md);
        assertTrue(md.contains("> - **Replaces** compute.RouterNat `hw-dev-nat` (delete and re-create) because `region` changed\n"));
        assertTrue(md.contains("| platform | 0 | 0 | 0 | 3 |"), md);
        assertTrue(md.contains("##### ± replace compute.Subnetwork `hw-dev-subnet` — platform"));
        assertTrue(md.contains("| `region` | \"us-east1\" | \"us-central1\" | **forces replacement** |"));
        assertTrue(md.contains("| `region` | \"us-east1\" | \"us-central1\" |\n"), "the stack output change");
        assertTrue(md.contains("this stack runs in us-central1: figures are approximate"), "prices are for another region");
        assertTrue(md.matches("(?s).*class r\\d+ replaced.*"), "replaced nodes are marked in the graph");
        assertFalse(md.contains("[!CAUTION]"), "dev is not production");
    }

    @Test
    void anythingInProdIsCalledOutAtTheTop() {
        String md = regionMove("prod");
        String top = md.substring(0, md.indexOf("| component |"));
        assertTrue(top.contains("> [!CAUTION]\n> **Production**: these changes apply to `prod`"), top);
        assertTrue(top.contains("**Replaces** compute.Subnetwork `hw-prod-subnet`"), top);
    }

    @Test
    void addedEndpointShowsItsPropertiesAndWhatItCosts() {
        String md = CostedDiff.markdown(addedEndpoint());
        assertTrue(md.startsWith("### Stack `prod`: 1 to add, 0 to change, 0 to replace, 0 to delete\n"), md);
        assertTrue(md.contains("> [!CAUTION]"));
        assertTrue(md.contains("| serving | 1 | 0 | 0 | 0 |"), md);
        assertTrue(md.contains("##### + create vertex.AiEndpoint `hw-prod-headway-xgb` — serving"));
        assertTrue(md.contains("| `displayName` | \"XGBoost challenger\" |"));
        // 1 replica x 730 h x $0.2185 = $159.505
        assertTrue(md.contains("| serving | hw-prod-headway-xgb | min replicas: 1 x n1-standard-4 (stacks/usage.yaml) | — | $159.51 | +$159.51 |"), md);
        // the exact delta is $159.505; the totals it is the difference of are floating sums, so the
        // half cent may round either way: accept exactly those two renderings
        assertTrue(md.matches("(?s).*\\(\\+\\$159\\.5[01]/month\\).*"), md);
        assertTrue(md.contains("Not a quote"));
        assertTrue(md.matches("(?s).*\\[\"vertex.AiEndpoint<br/>hw-prod-headway-xgb\"].*class r0 added.*"), md);
    }

    @Test
    void removedProdBucketIsBlockedAboveTheSummary() {
        String md = dev.headway.infra.review.PullRequestView.of(removedBucket("prod"), dev.headway.infra.review.Acknowledgements.none())
                .sections().whole();
        String top = md.substring(0, md.indexOf("| component |"));
        assertTrue(top.contains("- **blocked: protected; `up` will refuse** **deletes** storage.Bucket `headway-prod-hw-prod-archive`: loses its data"), top);
        assertTrue(md.contains("| streaming | 0 | 0 | 1 | 0 |"));
        assertTrue(md.contains("##### - delete storage.Bucket `headway-prod-hw-prod-archive` — streaming"));
        // 50 GB assumed x $0.020/GB-month = $1.00
        assertTrue(md.contains("| streaming | headway-prod-hw-prod-archive | Standard storage | $1.00 | — | -$1.00 |"), md);
        assertTrue(md.contains("(-$1.00/month)"));
        assertTrue(md.matches("(?s).*class r\\d+ removed.*"));
    }

    @Test
    void removedDevBucketSaysTheDataIsLost() {
        String md = dev.headway.infra.review.PullRequestView.of(removedBucket("dev"), dev.headway.infra.review.Acknowledgements.none())
                .sections().whole();
        assertTrue(md.contains("- **deletes** storage.Bucket `headway-dev-hw-dev-archive`: loses its data\n  - **not acknowledged**"), md);
    }

    @Test
    void secretsAreMaskedByValueAndByKey() {
        String s = "dev";
        PlannedResource batch = component(s, "headway:batch:Batch", "batch");
        Plan before = CraftedPlans.plan(s, java.util.List.of(batch, resource(s, batch, "gcp:cloudrunv2/job:Job", "hw-dev-batch",
                "{\"env\":{\"PREFECT_API_KEY\":\"pnu_old\",\"DB_PASSWORD\":\"[secret]\"},\"image\":\"a:1\"}", false)));
        Plan after = CraftedPlans.plan(s, java.util.List.of(batch, resource(s, batch, "gcp:cloudrunv2/job:Job", "hw-dev-batch",
                "{\"env\":{\"PREFECT_API_KEY\":\"pnu_new\",\"DB_PASSWORD\":\"[secret]\",\"token\":\"t0k\"},\"image\":\"a:2\"}", false)));
        String md = DiffRenderer.markdown(PlanDiff.between(before, after));
        assertFalse(md.contains("pnu_old") || md.contains("pnu_new") || md.contains("t0k"), md);
        assertTrue(md.contains("| `env.PREFECT_API_KEY` | [secret] | [secret] |"), md);
        assertTrue(md.contains("| `image` | \"a:1\" | \"a:2\" |"));
    }

    @Test
    void replacementRulesAreTypeSpecific() {
        assertEquals("nodeConfig.machineType", ReplaceRules.forcesReplacement("gcp:container/nodePool:NodePool", "nodeConfig.machineType").orElseThrow());
        assertTrue(ReplaceRules.forcesReplacement("gcp:compute/instance:Instance", "machineType").isEmpty(), "a VM resizes in place");
        assertEquals("location", ReplaceRules.forcesReplacement("gcp:bigquery/dataset:Dataset", "location").orElseThrow());
        assertTrue(ReplaceRules.forcesReplacement("gcp:compute/instance:Instance", "networkInterfaces[0].subnetwork").isEmpty(),
                "network_interface's ForceNew covers its count, not the subnetwork inside it");
        assertTrue(ReplaceRules.forcesReplacement("gcp:pubsub/topic:Topic", "labels.env").isEmpty());
    }
}
