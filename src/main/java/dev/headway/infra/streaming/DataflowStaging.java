package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.BucketIAMMember;
import com.pulumi.gcp.storage.BucketIAMMemberArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleActionArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleArgs;
import com.pulumi.gcp.storage.inputs.BucketLifecycleRuleConditionArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * What a Dataflow job needs besides its input and output: a staging bucket (templates, staged
 * packages; versioned, protected and retained in prod), a temp bucket (scratch, deleted after N
 * days), and the worker service account's access: {@code roles/dataflow.worker} on the project
 * (it has no narrower scope) and objectAdmin on exactly these two buckets. Subscribe and BigQuery
 * access are granted by the components that own those resources. Both buckets: uniform
 * bucket-level access, public access prevention enforced; force-destroy only in dev.
 */
public final class DataflowStaging extends ComponentResource {
    static final String DATAFLOW_WORKER = "roles/dataflow.worker";
    static final String OBJECT_ADMIN = "roles/storage.objectAdmin";

    private final Bucket staging;
    private final Bucket temp;

    public DataflowStaging(String name, DataflowStagingArgs args, ComponentResourceOptions opts) {
        super("headway:streaming:DataflowStaging", name, opts);
        String stagingName = args.names.bucket("dataflow-staging");
        this.staging = new Bucket(stagingName, bucket(args, stagingName)
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .lifecycleRules(rule(BucketLifecycleRuleConditionArgs.builder()
                        .withState("ARCHIVED")
                        .daysSinceNoncurrentTime(args.noncurrentVersionDays)
                        .build()))
                .build(), args.retention.dataStore(this, args.storageApi));

        String tempName = args.names.bucket("dataflow-temp");
        this.temp = new Bucket(tempName, bucket(args, tempName)
                .versioning(BucketVersioningArgs.builder().enabled(false).build())
                .lifecycleRules(rule(BucketLifecycleRuleConditionArgs.builder()
                        .age(args.tempObjectAgeDays)
                        .build()))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.storageApi).build());

        args.worker.grantProjectRole(DATAFLOW_WORKER, "Dataflow workers lease work items and report status");
        for (Bucket b : new Bucket[]{staging, temp}) {
            String purpose = b == staging ? "staging" : "temp";
            args.worker.recordGrant(new BucketIAMMember(
                    args.names.of("dataflow-" + purpose + "-objectadmin-" + args.worker.workload().purpose()),
                    BucketIAMMemberArgs.builder()
                            .bucket(b.name())
                            .role(OBJECT_ADMIN)
                            .member(args.worker.member())
                            .build(), CustomResourceOptions.builder().parent(this).build()));
        }
        registerOutputs(Map.of("stagingBucket", staging.name(), "tempBucket", temp.name()));
    }

    private static BucketArgs.Builder bucket(DataflowStagingArgs args, String name) {
        return BucketArgs.builder()
                .project(args.project)
                .name(name)
                .location(args.location)
                .storageClass("STANDARD")
                .labels(args.labels)
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .forceDestroy(args.retention.forceDestroy());
    }

    private static BucketLifecycleRuleArgs rule(BucketLifecycleRuleConditionArgs condition) {
        return BucketLifecycleRuleArgs.builder()
                .action(BucketLifecycleRuleActionArgs.builder().type("Delete").build())
                .condition(condition)
                .build();
    }

    public Output<String> stagingBucket() {
        return staging.name();
    }

    public Output<String> tempBucket() {
        return temp.name();
    }

    /** {@code gs://<staging>/staging}: where Dataflow stages packages. */
    public Output<String> stagingLocation() {
        return staging.name().applyValue(n -> "gs://" + n + "/staging");
    }

    /** {@code gs://<temp>/tmp}: Dataflow's scratch space. */
    public Output<String> tempLocation() {
        return temp.name().applyValue(n -> "gs://" + n + "/tmp");
    }
}
