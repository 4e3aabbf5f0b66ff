package dev.headway.infra;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.headway.infra.ci.CiAccess;
import dev.headway.infra.ci.CiAccessArgs;
import dev.headway.infra.ci.CiRoles;
import dev.headway.infra.batch.BatchWorker;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Labels;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.conventions.Retention;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.identity.IdentitiesArgs;
import dev.headway.infra.identity.Identity;
import dev.headway.infra.identity.Workload;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.platform.PlatformArgs;
import dev.headway.infra.serving.Alerts;
import dev.headway.infra.serving.Endpoints;
import dev.headway.infra.serving.PredictionStore;
import dev.headway.infra.serving.Tensorboard;
import dev.headway.infra.training.TrainingPool;
import dev.headway.infra.training.TrainingPoolArgs;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Arrays;

/** The stack program: settings in, components declared, stack outputs exported. Nothing else. */
public final class HeadwayStack {
    /** The Pulumi project name; also the config namespace ({@code headway:...}). */
    public static final String PROJECT = "headway";

    private HeadwayStack() {
    }

    public static void declare(Context ctx, Settings s) {
        Names names = new Names(s);
        Retention retention = new Retention(s);
        Platform platform = new Platform("platform", PlatformArgs.from(s), ComponentResourceOptions.Empty);
        Identities identities = new Identities("identities", IdentitiesArgs.builder()
                .project(s.project()).names(names).iamApi(platform.service(Api.IAM)).build(),
                ComponentResourceOptions.Empty);
        // Declared right after Identities: it records the deployer's actAs grant on every workload
        // account, so workloads declared below (which depend on readiness()) wait for it.
        CiAccess ci = new CiAccess("ci", CiAccessArgs.builder()
                .project(s.project()).names(new Names(s))
                .repository(s.ci().githubRepository()).deployBranch(s.ci().deployBranch())
                .deployer(identities.of(Workload.DEPLOYER)).previewer(identities.of(Workload.PREVIEWER))
                .workloads(Arrays.stream(Workload.values())
                        .filter(w -> w != Workload.DEPLOYER && w != Workload.PREVIEWER).map(identities::of).toList())
                .deployerRoles(CiRoles.deployer(s)).previewerRoles(CiRoles.previewer(s))
                .dependsOn(platform.service(Api.IAM), platform.service(Api.STS), platform.service(Api.IAM_CREDENTIALS))
                .build(), ComponentResourceOptions.Empty);

        // CONTRACT (issue 4): stand-ins computed from Names until the lead wires the real outputs of
        // ArtifactRepos (training repo URL) and Warehouse (monitoring/raw dataset ids) and
        // StreamingIngestion (feed subscription), and the dependencies on those resources.
        Output<String> trainingRepoUrl = Output.of(s.region() + "-docker.pkg.dev/" + s.project() + "/" + names.of("training"));
        Output<String> monitoringDataset = Output.of(names.dataset("monitoring"));
        Output<String> rawDataset = Output.of(names.dataset("raw"));
        Output<String> feedSubscription = Output.of(names.of("feed-dataflow"));

        TrainingPool training = new TrainingPool("training", TrainingPoolArgs.from(s, platform, identities),
                ComponentResourceOptions.Empty);

        Identity serving = identities.of(Workload.SERVING);
        Endpoints endpoints = new Endpoints("endpoints", new Endpoints.Args(names, s.region(), Labels.of(s, "serving"),
                s.serving().endpoints(), monitoringDataset, platform.service(Api.AIPLATFORM)), ComponentResourceOptions.Empty);
        Tensorboard tensorboard = new Tensorboard("tensorboard", new Tensorboard.Args(names, s.region(),
                Labels.of(s, "training"), platform.service(Api.AIPLATFORM)), ComponentResourceOptions.Empty);
        PredictionStore predictions = new PredictionStore("predictions", new PredictionStore.Args(names,
                s.serving().firestoreLocation(), retention, platform.service(Api.FIRESTORE)), ComponentResourceOptions.Empty);
        predictions.grantReadWrite(serving);
        training.pipelineRoot().grantRead(serving);
        new Alerts("alerts", new Alerts.Args(names, Labels.of(s, "alerts"), s.alerts(), endpoints.ids(), feedSubscription,
                platform.service(Api.MONITORING)), ComponentResourceOptions.Empty);

        if (s.batch().enabled()) {
            new BatchWorker("batch", new BatchWorker.Args(names, s.region(), retention, Labels.of(s, "batch"), s.batch(),
                    identities.of(Workload.BATCH), trainingRepoUrl, rawDataset, platform.service(Api.RUN),
                    platform.service(Api.CLOUD_SCHEDULER), platform.service(Api.SECRET_MANAGER)), ComponentResourceOptions.Empty);
        }

        ctx.export("project", Output.of(s.project()));
        ctx.export("region", Output.of(s.region()));
        ctx.export("env", Output.of(s.env().id()));
        ctx.export("network", platform.networkId());
        ctx.export("subnetwork", platform.subnetworkId());
        ctx.export("workloadIdentityProvider", ci.workloadIdentityProvider());
        ctx.export("deployerServiceAccount", ci.deployerServiceAccount());
        ctx.export("previewerServiceAccount", ci.previewerServiceAccount());
        ctx.export("pipelineRoot", training.pipelineRootUri());
        ctx.export("trainingServiceAccount", training.trainingServiceAccount());
        ctx.export("pipelineServiceAccount", training.pipelineServiceAccount());
        ctx.export("endpoints", endpoints.resourceNames());
        ctx.export("endpointLogging", endpoints.logging());
        ctx.export("tensorboard", tensorboard.resourceName());
        ctx.export("predictionDatabase", predictions.databaseName());
    }
}
