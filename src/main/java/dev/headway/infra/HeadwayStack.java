package dev.headway.infra;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.headway.infra.artifacts.ArtifactRepos;
import dev.headway.infra.artifacts.ArtifactReposArgs;
import dev.headway.infra.artifacts.Repo;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Labels;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.identity.IdentitiesArgs;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.identity.Workload;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.platform.PlatformArgs;
import dev.headway.infra.streaming.DataflowStaging;
import dev.headway.infra.streaming.DataflowStagingArgs;
import dev.headway.infra.streaming.FeedTopics;
import dev.headway.infra.streaming.FeedTopicsArgs;
import dev.headway.infra.streaming.FlexJob;
import dev.headway.infra.streaming.FlexJobArgs;
import dev.headway.infra.streaming.PollerVm;
import dev.headway.infra.streaming.PollerVmArgs;
import dev.headway.infra.warehouse.Layer;
import dev.headway.infra.warehouse.Schemas;
import dev.headway.infra.warehouse.Warehouse;
import dev.headway.infra.warehouse.WarehouseArgs;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.List;

/** The stack program: settings in, components declared, stack outputs exported. Nothing else. */
public final class HeadwayStack {
    /** The Pulumi project name; also the config namespace ({@code headway:...}). */
    public static final String PROJECT = "headway";

    private HeadwayStack() {
    }

    public static void declare(Context ctx, Settings s) {
        ComponentResourceOptions none = ComponentResourceOptions.Empty;
        Platform platform = new Platform("platform", PlatformArgs.from(s), none);
        Identities identities = new Identities("identities", IdentitiesArgs.builder()
                .project(s.project()).names(new Names(s)).iamApi(platform.service(Api.IAM)).build(),
                none);
        Identity poller = identities.of(Workload.POLLER);
        Identity dataflow = identities.of(Workload.DATAFLOW);
        Identity training = identities.of(Workload.TRAINING);
        Identity pipelines = identities.of(Workload.PIPELINES);

        ArtifactRepos repos = new ArtifactRepos("artifacts",
                ArtifactReposArgs.from(s, platform.service(Api.ARTIFACT_REGISTRY)), none);
        Warehouse warehouse = new Warehouse("warehouse", WarehouseArgs.from(s, platform.service(Api.BIGQUERY)), none);
        FeedTopics feed = new FeedTopics("feed", FeedTopicsArgs.from(s, platform.service(Api.PUBSUB)), none);
        DataflowStaging staging = new DataflowStaging("dataflow-staging",
                DataflowStagingArgs.from(s, dataflow, platform.service(Api.STORAGE)), none);

        // Images: the data-side images (training, poller, batch, Dataflow template) live in `training`;
        // `serving` holds only what the endpoints run. CI (deployer) pushes images and templates.
        repos.grantRead(Repo.TRAINING, training);
        repos.grantRead(Repo.TRAINING, pipelines);
        repos.grantRead(Repo.TRAINING, poller);
        repos.grantRead(Repo.SERVING, identities.of(Workload.SERVING));
        repos.grantRead(Repo.PIPELINES, pipelines);
        for (Repo repo : Repo.values()) {
            repos.grantWrite(repo, identities.of(Workload.DEPLOYER));
        }
        // Data: each workload gets the datasets it reads or writes, nothing project-wide.
        warehouse.grantDataEditor(Layer.RAW, dataflow);
        warehouse.grantDataViewer(Layer.RAW, pipelines);
        warehouse.grantDataEditor(Layer.CLEAN, pipelines);
        warehouse.grantDataEditor(Layer.FEATURES, pipelines);
        warehouse.grantDataViewer(Layer.MONITORING, pipelines);
        warehouse.grantDataViewer(Layer.FEATURES, training);
        if (s.batch().enabled()) {
            Identity batch = identities.of(Workload.BATCH);
            repos.grantRead(Repo.TRAINING, batch);
            warehouse.grantDataEditor(Layer.RAW, batch);
        }
        feed.grantPublish(poller);
        feed.grantSubscribe(dataflow);

        PollerVm pollerVm = new PollerVm("poller", PollerVmArgs.from(s, poller, repos.url(Repo.TRAINING),
                feed.topicId(), platform.subnetworkId()), none);
        s.dataflow().job().ifPresent(job -> new FlexJob("feed-to-bigquery", FlexJobArgs.builder()
                .project(s.project()).region(s.region()).jobName(new Names(s).of("feed-to-bigquery"))
                .labels(Labels.of(s, "dataflow"))
                .templateGcsPath(job.templateGcsPath()).parameters(job.parameters())
                .inputSubscription(feed.subscriptionId()).outputTable(warehouse.tableSpec(Schemas.TRIP_UPDATES))
                .subnetwork(platform.subnetworkSelfLink())
                .stagingLocation(staging.stagingLocation()).tempLocation(staging.tempLocation())
                .machineType(s.dataflow().workerMachineType()).maxWorkers(s.dataflow().maxWorkers())
                .worker(dataflow).dependsOn(List.of(feed.subscription(), platform.service(Api.DATAFLOW)))
                .build(), none));

        ctx.export("project", Output.of(s.project()));
        ctx.export("region", Output.of(s.region()));
        ctx.export("env", Output.of(s.env().id()));
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
        ctx.export("pollerInstance", pollerVm.instanceName());
        ctx.export("pollerZone", pollerVm.zone());
        ctx.export("dataflowStagingBucket", staging.stagingBucket());
        ctx.export("dataflowTempBucket", staging.tempBucket());
    }
}
