package dev.headway.infra.training;

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
import dev.headway.infra.identity.Identity;

import java.util.Map;

/**
 * The Vertex AI Pipelines root: a private bucket (uniform access, public access prevention
 * enforced) whose run artifacts are deleted after {@code artifactRetentionDays}. A data store, so
 * prod keeps it on destroy. Access is granted with {@link #grantReadWrite} and {@link #grantRead}.
 */
public final class PipelineRoot extends ComponentResource {
    /** Days an overwritten or deleted object version is kept. */
    static final int NONCURRENT_DAYS = 7;
    /** The folder under the bucket that pipeline runs write to. */
    public static final String PREFIX = "pipeline-root";

    private final Bucket bucket;
    private final Output<String> uri;

    public PipelineRoot(String name, PipelineRootArgs args, ComponentResourceOptions opts) {
        super("headway:training:PipelineRoot", name, opts);
        String bucketName = args.names.bucket("pipeline-root");
        this.bucket = new Bucket(bucketName, BucketArgs.builder()
                .project(args.project)
                .name(bucketName)
                .location(args.location)
                .uniformBucketLevelAccess(true)
                .publicAccessPrevention("enforced")
                .forceDestroy(args.retention.forceDestroy())
                .labels(args.labels)
                // versioned: an overwritten or deleted run artifact stays recoverable for a week
                .versioning(BucketVersioningArgs.builder().enabled(true).build())
                .lifecycleRules(BucketLifecycleRuleArgs.builder()
                        .condition(BucketLifecycleRuleConditionArgs.builder().age(args.artifactRetentionDays).build())
                        .action(BucketLifecycleRuleActionArgs.builder().type("Delete").build())
                        .build(), BucketLifecycleRuleArgs.builder()
                        .condition(BucketLifecycleRuleConditionArgs.builder().daysSinceNoncurrentTime(NONCURRENT_DAYS).build())
                        .action(BucketLifecycleRuleActionArgs.builder().type("Delete").build())
                        .build())
                .build(), args.retention.dataStore(this, args.storageApi));
        this.uri = bucket.name().applyValue(b -> "gs://" + b + "/" + PREFIX);
        registerOutputs(Map.of("bucket", bucket.name(), "uri", uri));
    }

    /** Read, write and delete objects (pipeline runs, training jobs writing artifacts). */
    public BucketIAMMember grantReadWrite(Identity identity) {
        return grant(identity, "roles/storage.objectUser");
    }

    /** Read objects (a served model reading its artifacts). */
    public BucketIAMMember grantRead(Identity identity) {
        return grant(identity, "roles/storage.objectViewer");
    }

    private BucketIAMMember grant(Identity identity, String role) {
        String suffix = role.substring(role.lastIndexOf('.') + 1);
        return identity.recordGrant(new BucketIAMMember("pipeline-root-" + identity.workload().purpose() + "-" + suffix,
                BucketIAMMemberArgs.builder()
                        .bucket(bucket.name())
                        .role(role)
                        .member(identity.member())
                        .build(), CustomResourceOptions.builder().parent(this).build()));
    }

    public Output<String> bucketName() {
        return bucket.name();
    }

    /** {@code gs://<bucket>/pipeline-root}: what a PipelineJob takes as its pipeline root. */
    public Output<String> uri() {
        return uri;
    }
}
