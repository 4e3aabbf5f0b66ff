package dev.headway.infra.synth;

import dev.headway.infra.testing.Plans;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a change does to running work, from the lifecycle table, as the pull-request diff says it. */
class RunningWorkTest {
    private static final String JOB = "gcp:dataflow/flexTemplateJob:FlexTemplateJob";

    private static String dataflow(int maxWorkers, String windowSeconds) {
        return "{\"workerMachineType\": \"n2-standard-2\", \"maxWorkers\": " + maxWorkers + ", \"job\": {\"templateGcsPath\": "
                + "\"gs://headway-prod-hw-prod-dataflow-staging/templates/feed-to-bigquery.json\", \"parameters\": {\"windowSeconds\": \""
                + windowSeconds + "\"}}}";
    }

    private static PlanDiff.Changed jobChange(Map<String, String> overrides) {
        PlanDiff d = PlanDiff.between(Synth.stack("prod"), Synth.stack("prod", overrides));
        assertEquals(1, d.changed().size(), d.changed().toString());
        PlanDiff.Changed c = d.changed().get(0);
        assertEquals(JOB, c.after().type());
        return c;
    }

    @Test
    void aNewTemplateParameterUpdatesTheStreamingJobInPlace() {
        PlanDiff.Changed c = jobChange(Map.of("headway:dataflow", dataflow(5, "120")));
        assertTrue(RunningWork.effect(c).orElseThrow().startsWith("**updated in place**"), RunningWork.effect(c).orElseThrow());
    }

    @Test
    void aNewWorkerCeilingDrainsAndReplacesTheJob() {
        // max_workers is ForceNew in terraform-provider-google-beta v5.0.0; the job drains (onDelete drain) first
        PlanDiff.Changed c = jobChange(Map.of("headway:dataflow", dataflow(8, "60")));
        assertTrue(RunningWork.effect(c).orElseThrow().startsWith("**drained and replaced**"), RunningWork.effect(c).orElseThrow());
    }

    @Test
    void aJobThatCancelsOnDeleteIsCancelledAndReplaced() {
        Plan before = Plans.of("{env: 'prod', resources: [{type: '" + JOB + "', name: 'j', inputs: {onDelete: 'cancel', maxWorkers: 5}}]}");
        Plan after = Plans.of("{env: 'prod', resources: [{type: '" + JOB + "', name: 'j', inputs: {onDelete: 'cancel', maxWorkers: 6}}]}");
        PlanDiff.Changed c = PlanDiff.between(before, after).changed().get(0);
        assertTrue(RunningWork.effect(c).orElseThrow().startsWith("**cancelled and replaced**"), RunningWork.effect(c).orElseThrow());
    }

    @Test
    void aChangedMachineTypeRestartsThePollerAndTheDiffSaysSo() {
        PlanDiff d = PlanDiff.between(Synth.stack("dev"), Synth.stack("dev", Map.of("headway:poller",
                "{\"machineType\": \"e2-small\", \"image\": \"" + Synth.pollerImage("dev") + "\"}")));
        PlanDiff.Changed c = d.changed().get(0);
        assertEquals("hw-dev-poller", c.after().name());
        assertTrue(RunningWork.effect(c).orElseThrow().contains("stopped and started"), RunningWork.effect(c).orElseThrow());
        String md = MarkdownDiff.render(d, "");
        assertTrue(md.contains("Running work: **poller restarted**: the VM is stopped and started (`machineType`)"), md);
    }

    @Test
    void aStartupScriptInMetadataIsCalledOutAsNeverReachingThePoller() {
        String vm = "{type: 'gcp:compute/instance:Instance', name: 'hw-dev-poller', inputs: {metadata: {'startup-script': '%s'}}}";
        Plan before = Plans.of("{resources: [" + vm.formatted("a") + "]}");
        Plan after = Plans.of("{resources: [" + vm.formatted("b") + "]}");
        PlanDiff.Changed c = PlanDiff.between(before, after).changed().get(0);
        assertTrue(RunningWork.effect(c).orElseThrow().contains("never sees this"), RunningWork.effect(c).orElseThrow());
    }

    @Test
    void aTimePartitioningChangeIsCalledOutAsFailing() {
        String t = "{type: 'gcp:bigquery/table:Table', name: 't', inputs: {tableId: 'x', timePartitioning: {type: '%s'}}}";
        PlanDiff.Changed c = PlanDiff.between(Plans.of("{resources: [" + t.formatted("DAY") + "]}"),
                Plans.of("{resources: [" + t.formatted("HOUR") + "]}")).changed().get(0);
        assertTrue(RunningWork.effect(c).orElseThrow().startsWith("**the update fails**"), RunningWork.effect(c).orElseThrow());
    }

    private static PlanDiff.Changed tableChange(String before, String after) {
        String t = "{type: 'gcp:bigquery/table:Table', name: 't', inputs: {tableId: 'x', schema: '%s'}}";
        return PlanDiff.between(Plans.of("{resources: [" + t.formatted(before) + "]}"),
                Plans.of("{resources: [" + t.formatted(after) + "]}")).changed().get(0);
    }

    @Test
    void aSchemaChangeThatDropsOrRetypesAColumnReplacesTheTable() {
        String ab = "[{\"name\": \"a\", \"type\": \"STRING\"}, {\"name\": \"b\", \"type\": \"INT64\"}]";
        assertTrue(RunningWork.effect(tableChange(ab, "[{\"name\": \"a\", \"type\": \"STRING\"}]")).orElseThrow()
                .contains("column `b` dropped"));
        assertTrue(RunningWork.effect(tableChange(ab, ab.replace("INT64", "STRING"))).orElseThrow().contains("column `b` changes type"));
        assertTrue(RunningWork.effect(tableChange(ab, ab.replace("]", ", {\"name\": \"c\", \"type\": \"STRING\", \"mode\": \"REQUIRED\"}]")))
                .orElseThrow().contains("REQUIRED column `c` added"));
        // an added NULLABLE column updates in place
        assertTrue(RunningWork.effect(tableChange(ab, ab.replace("]", ", {\"name\": \"c\", \"type\": \"STRING\"}]"))).isEmpty());
    }
}
