package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pull-request view of {@link DiffRendererTest#diff()}, line by line: what needs care and the
 * per-component counts first (never trimmed), then each resource's changes, the outputs, the cost the
 * caller gives and the graph of what changes and what depends on it.
 */
class MarkdownDiffFormatTest {
    private static final String CARE = "#### Data loss\n\nnone\n\n";
    private static final String COST = "#### Cost\n\n+$0.00/month\n";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** The counts, the replacement and why, the caller's care sections, then one row per component. */
    @Test
    void theEssentialPart() {
        assertEquals(ESSENTIAL.formatted(CARE), MarkdownDiff.sections(DiffRendererTest.diff(), CARE, COST).essential());
    }

    /**
     * Each change in a table (a value of more than 80 characters, or of several lines, below it as a
     * unified diff or whole), what a deletion leaves behind, the outputs, the cost, and the graph: the
     * changed resources, what depends on them (the subscription and, through it, its IAM member), each
     * in its component from either plan, classed by what happens to it.
     */
    @Test
    void theDetailPart() {
        assertEquals(DETAIL.formatted(DiffRendererTest.NOTE, DiffRendererTest.NAME, COST),
                MarkdownDiff.sections(DiffRendererTest.diff(), CARE, COST).detail());
    }

    @Test
    void noChangesKeepsTheCallersSections() {
        PlanDiff none = DiffRendererTest.none();
        assertEquals(new MarkdownDiff.Sections("### Stack `dev`: no changes\n\n" + CARE, "\n" + COST), MarkdownDiff.sections(none, CARE, COST));
        assertEquals(new MarkdownDiff.Sections("### Stack `dev`: no changes\n", ""), MarkdownDiff.sections(none, "", ""));
    }

    /** Production is called out even without a replacement, naming the environment from the plan's {@code env} output. */
    @Test
    void aProductionChangeIsCalledOutWithItsEnvironment() {
        Plan before = Plans.of("{resources: [{type: 'gcp:pubsub/topic:Topic', name: 'feed', inputs: {labels: {a: '1'}}}]}");
        Plan after = Plans.of("{resources: [{type: 'gcp:pubsub/topic:Topic', name: 'feed', inputs: {labels: {a: '2'}}}]}");
        Map<String, com.fasterxml.jackson.databind.JsonNode> prod = Map.of("env", F.textNode("prod"), "tier", F.textNode("prod"));
        String md = MarkdownDiff.render(PlanDiff.between(new Plan("headway-prod", "p", before.resources(), prod),
                new Plan("headway-prod", "p", after.resources(), prod)), "");
        assertTrue(md.startsWith("### Stack `headway-prod`: 0 to add, 1 to change, 0 to replace, 0 to delete\n\n"
                + "> [!CAUTION]\n> **Production**: these changes apply to `prod`; deploys need the `production` approval.\n\n"
                + "| component |"), md);

        String dev = MarkdownDiff.render(PlanDiff.between(before, after), "");
        assertTrue(dev.startsWith("### Stack `dev`: 0 to add, 1 to change, 0 to replace, 0 to delete\n\n| component |"), dev);
    }

    /** A value long on either side is shown as a diff of its text, the absent side as (none) in the table and empty in the diff. */
    @Test
    void aValueLongOnOneSideOnlyIsStillADiff() {
        Plan before = Plans.of("{resources: [{type: 'gcp:monitoring/alertPolicy:AlertPolicy', name: 'lag', inputs: {filter: 'a\\nb'}}]}");
        Plan after = Plans.of("{resources: [{type: 'gcp:monitoring/alertPolicy:AlertPolicy', name: 'lag', inputs: {filter: 'a', description: 'line1\\nline2'}}]}");
        PlanDiff d = PlanDiff.between(before, after);
        String md = MarkdownDiff.render(d, "");
        assertTrue(md.contains("""
                | `description` | (none) | (11 characters, 2 lines; below) |  |
                | `filter` | (3 characters, 2 lines; below) | (1 characters, 1 lines; below) |  |

                <details><summary><code>description</code>: 2 lines differ</summary>

                ```diff
                --- before
                +++ after
                @@ -0,0 +1,2 @@
                +line1
                +line2
                ```

                </details>

                <details><summary><code>filter</code>: 1 line differs</summary>

                ```diff
                --- before
                +++ after
                @@ -1,2 +1,1 @@
                 a
                -b
                ```
                """), md);
        assertEquals("""
                stack dev: 0 to add, 1 to change, 0 to replace, 0 to delete
                ~ monitoring.AlertPolicy lag
                    description:
                      --- before
                      +++ after
                      @@ -0,0 +1,2 @@
                      +line1
                      +line2
                    filter:
                      --- before
                      +++ after
                      @@ -1,2 +1,1 @@
                       a
                      -b
                """, DiffRenderer.text(d));
    }

    /** A value's text is never the secret: masked by value or by its key, whatever it holds. */
    @Test
    void theTextOfASecretIsMasked() {
        assertEquals("[secret]", MarkdownDiff.text("env.API_TOKEN", F.textNode("line one\nline two")));
        assertEquals("[secret]", MarkdownDiff.text("script", F.textNode("[secret]")));
        assertEquals("", MarkdownDiff.text("script", MissingNode.getInstance()));
        assertEquals("{\n  \"a\" : 1\n}", MarkdownDiff.text("labels", F.objectNode().put("a", 1)));
        assertFalse(MarkdownDiff.isLong("env.API_TOKEN", F.textNode("z".repeat(200))), "a secret is one short word");
    }

    @Test
    void aFencedBlockEndsWithOneNewlineBeforeItsFence() {
        assertEquals("```diff\n-a\n+b\n```\n", MarkdownDiff.fenced("diff", "-a\n+b\n"));
        assertEquals("```\nx\n```\n", MarkdownDiff.fenced("", "x"));
    }

    /** For list items (data loss, violations): no HTML, one line. */
    @Test
    void escapedTextHasNoHtmlAndNoLineBreaks() {
        assertEquals("&lt;b&gt;bold&lt;/b&gt; two lines", MarkdownDiff.escape("<b>bold</b>\ntwo lines"));
    }

    private static final String ESSENTIAL = """
                ### Stack `dev`: 1 to add, 2 to change, 1 to replace, 1 to delete, 1 outputs changed
                
                > [!WARNING]
                > - **Replaces** bigquery.Dataset `raw` (delete and re-create) because `location` changed
                
                %1$s| component | add | change | delete | replace |
                |---|---:|---:|---:|---:|
                | archive | 0 | 0 | 1 | 0 |
                | lake | 1 | 0 | 0 | 0 |
                | stack | 0 | 1 | 0 | 0 |
                | streaming | 0 | 1 | 0 | 1 |
                
                """;

    private static final String DETAIL = """
                #### Changes
                
                ##### ± replace bigquery.Dataset `raw` — streaming
                
                | property | before | after | |
                |---|---|---|---|
                | `location` | "US" | "EU" | **forces replacement** |
                
                ##### ~ update monitoring.AlertPolicy `lag` — stack
                
                | property | before | after | |
                |---|---|---|---|
                | `filter` | (3 characters, 2 lines; below) | (3 characters, 2 lines; below) |  |
                
                <details><summary><code>filter</code>: 2 lines differ</summary>
                
                ```diff
                --- before
                +++ after
                @@ -1,2 +1,2 @@
                 a
                -b
                +c
                ```
                
                </details>
                
                ##### ~ update pubsub.Topic `feed` — streaming
                
                | property | before | after | |
                |---|---|---|---|
                | `labels.env` | "dev" | "prod" |  |
                | `labels.team` | (none) | "ml" |  |
                
                ##### + create storage.Bucket `new` — lake
                
                <details><summary>3 properties</summary>
                
                | property | value |
                |---|---|
                | `labels.note` | (79 characters, 1 lines; below) |
                | `location` | "EU" |
                | `name` | "%2$s" |
                
                `labels.note`:
                
                ```
                %1$s
                ```
                
                </details>
                
                ##### - delete storage.Bucket `old` — archive
                
                Protected: `pulumi up` refuses to delete it until protection is removed.
                
                Retained on delete: Pulumi forgets it, the cloud keeps it.
                
                #### Stack outputs
                
                | output | before | after |
                |---|---|---|
                | `region` | (none) | "us-east1" |
                
                %3$s
                #### What changes and what depends on it
                
                ```mermaid
                flowchart LR
                  subgraph c_archive["archive"]
                    r5["storage.Bucket<br/>old"]
                  end
                  subgraph c_lake["lake"]
                    r6["storage.Bucket<br/>new"]
                  end
                  subgraph c_stack["stack"]
                    r1["monitoring.AlertPolicy<br/>lag"]
                  end
                  subgraph c_streaming["streaming"]
                    r0["bigquery.Dataset<br/>raw"]
                    r2["pubsub.Topic<br/>feed"]
                    r3["pubsub.Subscription<br/>sub"]
                    r4["pubsub.SubscriptionIAMMember<br/>subscriber"]
                  end
                  r2 --> r3
                  r3 --> r4
                  classDef added fill:#d4f7d4,stroke:#2a7d2a
                  classDef changed fill:#fff3c4,stroke:#a67c00
                  classDef removed fill:#f7d4d4,stroke:#a12a2a,stroke-dasharray:4
                  classDef replaced fill:#f9d9b8,stroke:#b25a00
                  class r0 replaced
                  class r1 changed
                  class r2 changed
                  class r6 added
                  class r5 removed
                ```
                """;
}
