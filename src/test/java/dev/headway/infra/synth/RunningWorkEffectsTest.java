package dev.headway.infra.synth;

import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one changed input does to running work, per kind of resource that runs something. The
 * update/replace/stop-start of each input comes from the lifecycle table
 * (src/main/resources/lifecycle/google-beta-5.0.0.json, each row citing the provider's schema).
 */
class RunningWorkEffectsTest {
    /** A change of one resource from {@code before} to {@code after} inputs (relaxed JSON objects). */
    private static PlanDiff.Changed change(String type, String before, String after) {
        String r = "{resources: [{type: '" + type + "', name: 'r', inputs: %s}]}";
        PlanDiff d = PlanDiff.between(Plans.of(r.formatted(before)), Plans.of(r.formatted(after)));
        assertEquals(1, d.changed().size(), d.changed().toString());
        return d.changed().get(0);
    }

    private static String effect(String type, String before, String after) {
        return RunningWork.effect(change(type, before, after)).orElse("(none)");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            gcp:container/nodePool:NodePool | {nodeConfig: {machineType: 'a2-highgpu-1g'}} | {nodeConfig: {machineType: 'a2-highgpu-2g'}} | **training pods evicted**
            gcp:container/nodePool:NodePool | {nodeCount: 1}                    | {nodeCount: 2}                    | the GPU pool is updated in place
            gcp:container/cluster:Cluster   | {description: 'a'}                | {description: 'b'}                | **training pods killed**
            gcp:container/cluster:Cluster   | {resourceLabels: {a: 'x'}}        | {resourceLabels: {a: 'y'}}        | the cluster is updated in place
            pulumi:providers:kubernetes     | {kubeconfig: 'a'}                 | {kubeconfig: 'b'}                 | **every Kubernetes object is replaced**
            pulumi:providers:kubernetes     | {enableServerSideApply: false}    | {enableServerSideApply: true}     | no effect on running pods
            gcp:vertex/aiEndpoint:AiEndpoint | {region: 'us-east1'}             | {region: 'us-west1'}              | **predictions stop**
            gcp:vertex/aiEndpoint:AiEndpoint | {displayName: 'a'}               | {displayName: 'b'}                | serving continues
            gcp:cloudrunv2/job:Job          | {location: 'us-east1'}            | {location: 'us-west1'}            | **the job is deleted and re-created**
            gcp:cloudrunv2/job:Job          | {template: {parallelism: 1}}      | {template: {parallelism: 2}}      | the next execution uses the new template
            gcp:pubsub/subscription:Subscription | {name: 'a'}                  | {name: 'b'}                       | **unacknowledged messages are lost**
            gcp:pubsub/subscription:Subscription | {ackDeadlineSeconds: 10}     | {ackDeadlineSeconds: 20}          | delivery continues
            kubernetes:core/v1:Namespace    | {metadata: {labels: {a: 'x'}}}    | {metadata: {labels: {a: 'y'}}}    | applies to pods admitted from now on
            kubernetes:core/v1:Namespace    | {metadata: {name: 'a'}}           | {metadata: {name: 'b'}}           | (none)
            gcp:storage/bucket:Bucket       | {labels: {a: 'x'}}                | {labels: {a: 'y'}}                | (none)
            gcp:dataflow/flexTemplateJob:FlexTemplateJob | {onDelete: 'cancel'} | {onDelete: 'drain'}               | not touched
            """)
    void eachKindOfRunningWorkSaysWhatTheChangeDoesToIt(String type, String before, String after, String expected) {
        String effect = effect(type, before, after);
        assertTrue(effect.startsWith(expected), effect);
    }

    @Test
    void theStrongestChangedInputDecidesNotTheFirst() {
        // labels (update) sorts before maxWorkers (replace): the job is still replaced
        String effect = effect(Types.DATAFLOW_FLEX_TEMPLATE_JOB, "{labels: {a: 'x'}, maxWorkers: 5}", "{labels: {a: 'y'}, maxWorkers: 6}");
        assertTrue(effect.startsWith("**cancelled and replaced**"), effect);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            {zone: 'us-east1-b'}            | {zone: 'us-east1-c'}            | **poller restarted**: the VM is deleted and re-created with the new settings (`zone`); polling pauses while it boots
            {desiredStatus: 'RUNNING'}      | {desiredStatus: 'TERMINATED'}   | **poller stopped** (paused; disk kept)
            {desiredStatus: 'TERMINATED'}   | {desiredStatus: 'RUNNING'}      | **poller started**: its startup script runs
            {labels: {a: 'x'}}              | {labels: {a: 'y'}}              | not restarted: the running poller is not affected
            """)
    void thePollerIsRestartedStoppedStartedOrLeftAlone(String before, String after, String expected) {
        assertEquals(expected, effect(Types.COMPUTE_INSTANCE, before, after));
    }

    private static Optional<String> tableEffect(String before, String after) {
        String t = "{tableId: 'x', schema: '%s'}";
        return RunningWork.effect(change(Types.BIGQUERY_TABLE, t.formatted(before), t.formatted(after)));
    }

    @Test
    void schemaChangesTheProviderAppliesInPlaceReplaceNothing() {
        // resourceBigQueryTableSchemaIsChangeable: INTEGER is INT64, REQUIRED may relax to NULLABLE
        assertEquals(Optional.empty(), tableEffect("[{\"name\": \"a\", \"type\": \"INTEGER\", \"mode\": \"REQUIRED\"}]",
                "[{\"name\": \"a\", \"type\": \"INT64\", \"mode\": \"NULLABLE\"}]"));
    }

    @Test
    void aSchemaThatIsNoLongerAListStillReplacesTheTable() {
        String effect = tableEffect("[{\"name\": \"a\", \"type\": \"STRING\"}]", "{\"name\": \"a\"}").orElseThrow();
        assertTrue(effect.startsWith("**replaces the table**"), effect);
    }

    @Test
    void aNestedColumnDroppedIsNamedByItsTopLevelColumn() {
        String effect = tableEffect(
                "[{\"name\": \"r\", \"type\": \"RECORD\", \"fields\": [{\"name\": \"x\", \"type\": \"STRING\"}]}]",
                "[{\"name\": \"r\", \"type\": \"RECORD\", \"fields\": []}]").orElseThrow();
        assertTrue(effect.contains("column `r` changes type, mode or nested columns"), effect);
    }
}
