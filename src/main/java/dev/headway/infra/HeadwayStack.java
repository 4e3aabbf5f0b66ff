package dev.headway.infra;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import dev.headway.infra.adopt.AdoptedNames;
import dev.headway.infra.artifacts.ArtifactRepos;
import dev.headway.infra.artifacts.ArtifactReposArgs;
import dev.headway.infra.artifacts.Repo;
import dev.headway.infra.batch.BatchWorker;
import dev.headway.infra.batch.BatchWorkerArgs;
import dev.headway.infra.ci.CiAccess;
import dev.headway.infra.ci.CiAccessArgs;
import dev.headway.infra.config.Settings;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.identity.IdentitiesArgs;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.identity.Workload;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.platform.PlatformArgs;
import dev.headway.infra.serving.Alerts;
import dev.headway.infra.serving.AlertsArgs;
import dev.headway.infra.serving.Endpoints;
import dev.headway.infra.serving.EndpointsArgs;
import dev.headway.infra.serving.PredictionStore;
import dev.headway.infra.serving.PredictionStoreArgs;
import dev.headway.infra.serving.Tensorboard;
import dev.headway.infra.serving.TensorboardArgs;
import dev.headway.infra.streaming.DataflowStaging;
import dev.headway.infra.streaming.DataflowStagingArgs;
import dev.headway.infra.streaming.FeedTopics;
import dev.headway.infra.streaming.FeedTopicsArgs;
import dev.headway.infra.streaming.FlexJob;
import dev.headway.infra.streaming.FlexJobArgs;
import dev.headway.infra.streaming.PollerVm;
import dev.headway.infra.streaming.PollerVmArgs;
import dev.headway.infra.training.TrainingPool;
import dev.headway.infra.training.TrainingPoolArgs;
import dev.headway.infra.warehouse.Layer;
import dev.headway.infra.warehouse.Schemas;
import dev.headway.infra.warehouse.Warehouse;
import dev.headway.infra.warehouse.WarehouseArgs;

import java.util.Optional;

/**
 * The stack program: settings in, components declared, stack outputs exported. Nothing else.
 *
 * <p>Order matters in one way only: every grant a workload needs is declared before the workload
 * (VM, Dataflow job, Cloud Run job), which depends on its identity's {@code readiness()}.
 */
public final class HeadwayStack {
    /** The Pulumi project name; also the config namespace ({@code headway:...}). */
    public static final String PROJECT = "headway";

    private HeadwayStack() {
    }

    public static void declare(Context ctx, Settings s) {
        // headway:adopt: mapped resources take the existing name as input, their logical names stay the plan's
        ComponentResourceOptions top = AdoptedNames.options(s.adopt());
        // Foundation: APIs and network, one service account per workload, keyless CI.
        Platform platform = new Platform("platform", PlatformArgs.from(s), top);
        Identities identities = new Identities("identities", IdentitiesArgs.from(s, platform.service(Api.IAM), platform.service(Api.CLOUD_RESOURCE_MANAGER)), top);
        Identity poller = identities.of(Workload.POLLER);
        Identity dataflow = identities.of(Workload.DATAFLOW);
        Identity training = identities.of(Workload.TRAINING);
        Identity pipelines = identities.of(Workload.PIPELINES);
        Identity serving = identities.of(Workload.SERVING);
        // Right after Identities: it records the deployer's actAs on every workload account, so every
        // workload below (which depends on its readiness()) waits for that grant too. None with
        // headway:ci.enabled false (review stacks: the sandbox's deployer acts for them).
        Optional<CiAccess> ci = s.ci().map(c -> new CiAccess("ci", CiAccessArgs.from(s, identities,
                platform.service(Api.IAM), platform.service(Api.STS), platform.service(Api.IAM_CREDENTIALS)), top));
        Optional<Identity> deployer = ci.map(c -> identities.of(Workload.DEPLOYER));

        // Data: images, warehouse, feed topics, Dataflow staging.
        ArtifactRepos repos = new ArtifactRepos("artifacts", ArtifactReposArgs.from(s, platform.service(Api.ARTIFACT_REGISTRY)), top);
        Warehouse warehouse = new Warehouse("warehouse", WarehouseArgs.from(s, platform.service(Api.BIGQUERY)), top);
        FeedTopics feed = new FeedTopics("feed", FeedTopicsArgs.from(s, platform.service(Api.PUBSUB)), top);
        DataflowStaging staging = new DataflowStaging("dataflow-staging",
                DataflowStagingArgs.from(s, dataflow, platform.service(Api.STORAGE)), top);

        // Grants, each on the resource it opens; the workloads that run as an account are declared after them.
        // Images: data-side images (training, poller, batch, Dataflow template) live in `training`;
        // `serving` holds only what the endpoints run. CI's deployer pushes images and templates.
        repos.grantRead(Repo.TRAINING, training);
        repos.grantRead(Repo.TRAINING, pipelines);
        repos.grantRead(Repo.TRAINING, poller);
        repos.grantRead(Repo.SERVING, serving);
        repos.grantRead(Repo.PIPELINES, pipelines);
        // The Flex Template's launcher and workers pull the template image (in `training`) as the
        // worker account: Dataflow Flex Templates, "Required permissions" (Artifact Registry Reader
        // on the image's repository).
        repos.grantRead(Repo.TRAINING, dataflow);
        deployer.ifPresent(d -> {
            for (Repo repo : Repo.values()) {
                repos.grantWrite(repo, d);
            }
        });
        warehouse.grantDataEditor(Layer.RAW, dataflow);
        warehouse.grantDataViewer(Layer.RAW, pipelines);
        warehouse.grantDataEditor(Layer.CLEAN, pipelines);
        warehouse.grantDataEditor(Layer.FEATURES, pipelines);
        warehouse.grantDataViewer(Layer.MONITORING, pipelines);
        warehouse.grantDataViewer(Layer.FEATURES, training);
        warehouse.grantRunJobs(pipelines);
        warehouse.grantRunJobs(training);
        feed.grantPublish(poller);
        feed.grantSubscribe(dataflow);

        // Training and serving. The GPU node pool runs as the training account: declared after the
        // grants above so it waits for them (images from `training`, the features dataset).
        TrainingPool pool = new TrainingPool("training", TrainingPoolArgs.from(s, platform, identities), top);
        Endpoints endpoints = new Endpoints("endpoints", EndpointsArgs.from(s, warehouse.datasetId(Layer.MONITORING),
                platform.service(Api.AIPLATFORM)), top);
        Tensorboard tensorboard = new Tensorboard("tensorboard", TensorboardArgs.from(s, platform.service(Api.AIPLATFORM)), top);
        PredictionStore predictions = new PredictionStore("predictions",
                PredictionStoreArgs.from(s, platform.service(Api.FIRESTORE)), top);
        new Alerts("alerts", AlertsArgs.from(s, endpoints.ids(), feed.subscriptionName(), platform.service(Api.MONITORING)), top);
        warehouse.grantDataEditor(Layer.MONITORING, "vertex-agent", endpoints.serviceAgentMember());
        predictions.grantReadWrite(serving);
        pool.pipelineRoot().grantRead(serving);

        // Workloads, each declared only once what it runs exists: an image pinned by digest, a
        // template path, both from config (README: "First up on an empty project"). Their
        // repository address is a plain value, so no workload reads an artifact this `up` creates.
        Output<String> trainingRepo = Output.of(repos.address(Repo.TRAINING));
        Optional<PollerVm> pollerVm = s.poller().image().map(image -> new PollerVm("poller",
                PollerVmArgs.from(s, poller, trainingRepo, feed.topicId(), platform.subnetworkId()), top));
        s.dataflow().job().ifPresent(job -> new FlexJob("feed-to-bigquery", FlexJobArgs.from(s, job, dataflow, feed,
                staging, warehouse.tableSpec(Schemas.TRIP_UPDATES), platform.subnetworkSelfLink(),
                platform.service(Api.DATAFLOW)), top));
        if (s.batch().enabled() && s.batch().image().isPresent()) {
            Identity batch = identities.of(Workload.BATCH);
            repos.grantRead(Repo.TRAINING, batch);
            warehouse.grantDataEditor(Layer.RAW, batch);
            new BatchWorker("batch", BatchWorkerArgs.from(s, batch, trainingRepo,
                    warehouse.datasetId(Layer.RAW), platform), top);
        }

        // Stack outputs: the contract hooks and CI read (DESIGN.md).
        ctx.export("project", Output.of(s.project()));
        ctx.export("region", Output.of(s.region()));
        ctx.export("env", Output.of(s.env().id()));
        ctx.export("tier", Output.of(s.env().tier().id()));
        ctx.export("network", platform.networkId());
        ctx.export("subnetwork", platform.subnetworkId());
        ctx.export("trainingImageRepo", repos.url(Repo.TRAINING));
        ctx.export("servingImageRepo", repos.url(Repo.SERVING));
        ctx.export("pipelineTemplateRepo", repos.url(Repo.PIPELINES));
        ctx.export("rawDataset", warehouse.datasetId(Layer.RAW));
        ctx.export("cleanDataset", warehouse.datasetId(Layer.CLEAN));
        ctx.export("featuresDataset", warehouse.datasetId(Layer.FEATURES));
        ctx.export("monitoringDataset", warehouse.datasetId(Layer.MONITORING));
        ctx.export("feedTopic", feed.topicId());
        ctx.export("feedSubscription", feed.subscriptionId());
        ctx.export("deadLetterTopic", feed.deadLetterTopicId());
        pollerVm.ifPresent(vm -> {
            ctx.export("pollerInstance", vm.instanceName());
            ctx.export("pollerZone", vm.zone());
        });
        ctx.export("dataflowStagingBucket", staging.stagingBucket());
        ctx.export("dataflowTempBucket", staging.tempBucket());
        ctx.export("pipelineRoot", pool.pipelineRootUri());
        ctx.export("trainingServiceAccount", pool.trainingServiceAccount());
        ctx.export("pipelineServiceAccount", pool.pipelineServiceAccount());
        ctx.export("endpoints", endpoints.resourceNames());
        ctx.export("endpointLogging", endpoints.logging());
        ctx.export("tensorboard", tensorboard.resourceName());
        ctx.export("predictionDatabase", predictions.databaseName());
        ci.ifPresent(c -> {
            ctx.export("workloadIdentityProvider", c.workloadIdentityProvider());
            ctx.export("deployerServiceAccount", c.deployerServiceAccount());
            ctx.export("previewerServiceAccount", c.previewerServiceAccount());
        });
    }
}
