package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import com.pulumi.gcp.dataflow.FlexTemplateJob;
import com.pulumi.gcp.dataflow.FlexTemplateJobArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The streaming Dataflow job from a Flex Template: reads the feed subscription, writes the raw
 * landing table. It runs as the Dataflow worker account on the private subnet (workers have no
 * external IPs), on Streaming Engine, and is drained, not cancelled, when deleted or replaced, so
 * no message it has pulled is lost. It depends on the worker account and its grants, and on the
 * subscription: Pulumi deletes in reverse, so the job drains before the subscription goes.
 */
public final class FlexJob extends ComponentResource {
    static final String INPUT_SUBSCRIPTION = "inputSubscription";
    static final String OUTPUT_TABLE = "outputTable";

    private final FlexTemplateJob job;

    public FlexJob(String name, FlexJobArgs args, ComponentResourceOptions opts) {
        super("headway:streaming:FlexJob", name, opts);
        Output<Map<String, Object>> parameters = Output.tuple(args.inputSubscription, args.outputTable)
                .applyValue(t -> {
                    Map<String, Object> p = new TreeMap<>(args.parameters);
                    p.put(INPUT_SUBSCRIPTION, t.t1);
                    p.put(OUTPUT_TABLE, t.t2);
                    return Map.copyOf(p);
                });
        List<Resource> dependsOn = new ArrayList<>(args.worker.readiness());
        dependsOn.addAll(args.dependsOn);
        this.job = new FlexTemplateJob(args.jobName, FlexTemplateJobArgs.builder()
                .project(args.project)
                .region(args.region)
                .name(args.jobName)
                .containerSpecGcsPath(args.templateGcsPath)
                .parameters(parameters)
                .onDelete("drain")
                .enableStreamingEngine(true)
                .serviceAccountEmail(args.worker.email())
                .subnetwork(args.subnetwork)
                .ipConfiguration("WORKER_IP_PRIVATE")
                .stagingLocation(args.stagingLocation)
                .tempLocation(args.tempLocation)
                .machineType(args.machineType)
                .maxWorkers(args.maxWorkers)
                .labels(Map.copyOf(new TreeMap<String, Object>(args.labels)))
                .build(), options(this, dependsOn));
        registerOutputs(Map.of("jobId", job.jobId()));
    }

    /**
     * Delete before replace: "Only one active job with a given name can exist in a project within one region"
     * (https://cloud.google.com/dataflow/docs/reference/rest/v1b3/projects.jobs#Job), so a replacement (maxWorkers,
     * enableStreamingEngine are ForceNew in terraform-provider-google-beta v5.0.0) drains the old job first, then
     * launches the new one, which reads on from the subscription's unacknowledged messages.
     */
    static CustomResourceOptions options(Resource parent, List<Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn).deleteBeforeReplace(true).build();
    }

    public Output<String> jobId() {
        return job.jobId();
    }
}
