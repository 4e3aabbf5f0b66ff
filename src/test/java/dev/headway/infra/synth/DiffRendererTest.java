package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code diff --format text|json}: the same changes, the same counts, for a terminal and for tools. */
class DiffRendererTest {
    static final String DATASET = "gcp:bigquery/dataset:Dataset";
    static final String ALERT = "gcp:monitoring/alertPolicy:AlertPolicy";
    static final String TOPIC = "gcp:pubsub/topic:Topic";
    static final String SUBSCRIPTION = "gcp:pubsub/subscription:Subscription";
    static final String MEMBER = "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember";
    static final String BUCKET = "gcp:storage/bucket:Bucket";
    static final String STREAMING = Plans.urn("dev", "headway:streaming:Streaming", "streaming");
    static final String NOTE = "y".repeat(79);
    static final String NAME = "x".repeat(78);

    /**
     * One of each: a dataset whose location changes (the provider replaces it: location is ForceNew,
     * terraform-provider-google-beta v5.0.0 google-beta/services/bigquery/resource_bigquery_dataset.go),
     * a topic whose label changes (update), an alert whose multi-line filter changes, a bucket added in a
     * new component, a protected and retained bucket deleted with its component, a new stack output; a
     * subscription and its IAM member depend on the topic; one bucket is unrelated.
     */
    static PlanDiff diff() {
        String before = """
                {resources: [
                  {type: 'headway:streaming:Streaming', name: 'streaming', custom: false},
                  {type: 'headway:archive:Archive', name: 'archive', custom: false},
                  {type: '%1$s', name: 'raw', parent: '%7$s', inputs: {datasetId: 'raw', location: 'US'}},
                  {type: '%2$s', name: 'lag', inputs: {filter: 'a\\nb'}},
                  {type: '%3$s', name: 'feed', parent: '%7$s', inputs: {name: 'feed', labels: {env: 'dev'}}},
                  {type: '%4$s', name: 'sub', parent: '%7$s', dependsOn: ['%8$s'], inputs: {topic: 'feed'}},
                  {type: '%5$s', name: 'subscriber', parent: '%7$s', dependsOn: ['%9$s'], inputs: {role: 'roles/pubsub.subscriber'}},
                  {type: '%6$s', name: 'old', parent: '%10$s', protect: true, retainOnDelete: true, inputs: {location: 'US'}},
                  {type: '%6$s', name: 'keep', inputs: {location: 'US'}}
                ]}""".formatted(DATASET, ALERT, TOPIC, SUBSCRIPTION, MEMBER, BUCKET, STREAMING, Plans.urn("dev", TOPIC, "feed"),
                Plans.urn("dev", SUBSCRIPTION, "sub"), Plans.urn("dev", "headway:archive:Archive", "archive"));
        String after = before
                .replace("{type: 'headway:archive:Archive', name: 'archive', custom: false}", "{type: 'headway:lake:Lake', name: 'lake', custom: false}")
                .replace("{datasetId: 'raw', location: 'US'}", "{datasetId: 'raw', location: 'EU'}")
                .replace("a\\nb", "a\\nc")
                .replace("{env: 'dev'}", "{env: 'prod', team: 'ml'}")
                .replace("name: 'old', parent: '" + Plans.urn("dev", "headway:archive:Archive", "archive") + "', protect: true, retainOnDelete: true, inputs: {location: 'US'}",
                        "name: 'new', parent: '" + Plans.urn("dev", "headway:lake:Lake", "lake") + "', inputs: {location: 'EU', name: '" + NAME
                                + "', labels: {note: '" + NOTE + "'}}");
        Plan a = Plans.of(before);
        Plan b = Plans.of(after);
        b = new Plan(b.stack(), b.project(), b.resources(), Map.of("env", JsonNodeFactory.instance.textNode("dev"),
                "region", JsonNodeFactory.instance.textNode("us-east1")));
        return PlanDiff.between(a, b);
    }

    static PlanDiff none() {
        Plan p = Plans.of("{resources: [{type: '" + TOPIC + "', name: 'feed', inputs: {name: 'feed'}}]}");
        return PlanDiff.between(p, p);
    }

    @Test
    void theSummaryCountsReplacementsApartFromUpdates() {
        assertEquals("1 to add, 2 to change, 1 to replace, 1 to delete, 1 outputs changed", DiffRenderer.summary(diff()));
    }

    /** Each resource on one line, each change below it; a long value as a unified diff; outputs last. */
    @Test
    void theTextDiff() {
        assertEquals("""
                stack dev: 1 to add, 2 to change, 1 to replace, 1 to delete, 1 outputs changed
                + storage.Bucket new
                ± bigquery.Dataset raw (replace)
                    location: "US" -> "EU"  [forces replacement]
                ~ monitoring.AlertPolicy lag
                    filter:
                      --- before
                      +++ after
                      @@ -1,2 +1,2 @@
                       a
                      -b
                      +c
                ~ pubsub.Topic feed
                    labels.env: "dev" -> "prod"
                    labels.team: (none) -> "ml"
                - storage.Bucket old
                  output region: (none) -> "us-east1"
                """, DiffRenderer.text(diff()));
    }

    @Test
    void noChangesIsOneLine() {
        assertEquals("stack dev: no changes\n", DiffRenderer.text(none()));
    }

    /** For tools: URNs, the action per changed resource, every change with whether it forces replacement; absent sides null. */
    @Test
    void theJsonDiff() throws Exception {
        String u = "urn:pulumi:dev::headway::";
        assertEquals(new ObjectMapper().readTree("""
                {"stack": "dev", "same": false, "summary": "1 to add, 2 to change, 1 to replace, 1 to delete, 1 outputs changed",
                 "added": ["%1$sgcp:storage/bucket:Bucket::new"],
                 "removed": ["%1$sgcp:storage/bucket:Bucket::old"],
                 "replaced": ["%1$sgcp:bigquery/dataset:Dataset::raw"],
                 "changed": [
                   {"urn": "%1$sgcp:bigquery/dataset:Dataset::raw", "action": "replace",
                    "changes": [{"path": "location", "forcesReplacement": true, "before": "US", "after": "EU"}]},
                   {"urn": "%1$sgcp:monitoring/alertPolicy:AlertPolicy::lag", "action": "update",
                    "changes": [{"path": "filter", "forcesReplacement": false, "before": "a\\nb", "after": "a\\nc"}]},
                   {"urn": "%1$sgcp:pubsub/topic:Topic::feed", "action": "update",
                    "changes": [{"path": "labels.env", "forcesReplacement": false, "before": "dev", "after": "prod"},
                                {"path": "labels.team", "forcesReplacement": false, "before": null, "after": "ml"}]}],
                 "outputs": [{"name": "region", "before": null, "after": "us-east1"}]}""".formatted(u)),
                new ObjectMapper().readTree(DiffRenderer.json(diff())));
    }

    @Test
    void theJsonOfNoChangesHasEveryListEmpty() throws Exception {
        assertEquals(new ObjectMapper().readTree("""
                {"stack": "dev", "same": true, "summary": "no changes", "added": [], "removed": [], "replaced": [], "changed": [], "outputs": []}"""),
                new ObjectMapper().readTree(DiffRenderer.json(none())));
    }
}
