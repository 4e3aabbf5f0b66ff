package dev.headway.infra.training;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.headway.infra.config.Settings;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.identity.Workload;
import dev.headway.infra.platform.Api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GPU capacity for training, sized by one number: {@code maxGpus}, the pool size. It caps Vertex AI
 * custom training's GPU quota in the region ({@link VertexGpuQuota}), and, when the GKE backend is
 * configured, the GPU node pool's size ({@link GpuNodePool}) and the {@code training} namespace's
 * GPU ResourceQuota ({@link TrainingNamespace}). Also the pipeline root, and the access the
 * training and pipelines accounts need: both may use Vertex AI; pipelines may act as the training
 * account (to launch custom jobs as it) and as no other.
 */
public final class TrainingPool extends ComponentResource {
    private final PipelineRoot pipelineRoot;
    private final Identity training;
    private final Identity pipelines;
    private final Optional<GkeTrainingCluster> gke;

    public TrainingPool(String name, TrainingPoolArgs args, ComponentResourceOptions opts) {
        super("headway:training:TrainingPool", name, opts);
        Settings.Training t = args.training;
        this.training = args.identities.of(Workload.TRAINING);
        this.pipelines = args.identities.of(Workload.PIPELINES);
        var platform = args.platform;

        this.pipelineRoot = new PipelineRoot(name + "-pipeline-root", PipelineRootArgs.builder()
                .sameAs(args).location(args.region).artifactRetentionDays(args.artifactRetentionDays).storageApi(platform.service(Api.STORAGE)).build(),
                child());
        new VertexGpuQuota(name + "-vertex-gpu-quota", VertexGpuQuotaArgs.builder().sameAs(args).region(args.region)
                .acceleratorType(t.acceleratorType()).maxGpus(t.maxGpus())
                .apis(List.of(platform.service(Api.SERVICE_USAGE), platform.service(Api.AIPLATFORM))).build(), child());

        training.grantProjectRole("roles/aiplatform.user", "custom jobs write experiments, TensorBoard runs and models");
        pipelines.grantProjectRole("roles/aiplatform.user", "pipeline runs create custom jobs and models");
        pipelines.recordGrant(new IAMMember(name + "-pipelines-act-as-training", IAMMemberArgs.builder()
                .serviceAccountId(training.name())
                .role("roles/iam.serviceAccountUser")
                .member(pipelines.member())
                .build(), CustomResourceOptions.builder().parent(this).build()));
        pipelineRoot.grantReadWrite(pipelines);
        pipelineRoot.grantReadWrite(training);

        this.gke = t.gke().map(g -> {
            training.grantProjectRole("roles/container.defaultNodeServiceAccount", "GKE nodes run as the training account");
            List<Resource> deps = new ArrayList<>(training.readiness());
            deps.add(platform.service(Api.CONTAINER));
            GkeTrainingCluster cluster = new GkeTrainingCluster(name + "-gke", GkeTrainingClusterArgs.builder()
                    .pool(args).nodeIdentity(training).dependsOn(deps).build(), child());
            new TrainingNamespace(name + "-namespace", TrainingNamespaceArgs.builder().sameAs(args)
                    .cluster(cluster).maxGpus(t.maxGpus()).machineType(t.machineType()).training(training).build(),
                    child());
            return cluster;
        });

        registerOutputs(Map.of(
                "pipelineRoot", pipelineRoot.uri(),
                "trainingServiceAccount", training.email(),
                "pipelineServiceAccount", pipelines.email(),
                "maxGpus", Output.of(t.maxGpus())));
    }

    private ComponentResourceOptions child() {
        return ComponentResourceOptions.builder().parent(this).build();
    }

    public PipelineRoot pipelineRoot() {
        return pipelineRoot;
    }

    public Output<String> pipelineRootUri() {
        return pipelineRoot.uri();
    }

    public Output<String> trainingServiceAccount() {
        return training.email();
    }

    public Output<String> pipelineServiceAccount() {
        return pipelines.email();
    }

    /** The GKE backend, when configured. */
    public Optional<GkeTrainingCluster> gke() {
        return gke;
    }
}
