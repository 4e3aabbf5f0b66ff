package dev.headway.infra.bench;

import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import dev.headway.infra.cli.AsyncPool;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.RecordingEngine;

import java.util.Map;
import java.util.Set;

/**
 * The benchmark's floor: a one-resource Pulumi program under the same recording engine, from the
 * same jar. What synth of a real stack costs beyond this is the stack's own work.
 */
public final class FloorProgram {
    private FloorProgram() {
    }

    public static void main(String[] args) {
        AsyncPool.useCommonPool(); // the same engine set-up as the CLI's synth
        RawConfig config = new RawConfig(Map.of("gcp:project", "headway-dev", "gcp:region", "us-east1"), Set.of());
        System.out.print(PlanJson.write(RecordingEngine.run("headway", "floor", config, ctx ->
                new Bucket("one", BucketArgs.builder().project("headway-dev").name("headway-dev-one").location("US").build()))));
    }
}
