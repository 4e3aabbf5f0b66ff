package dev.headway.infra;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.headway.infra.ci.CiAccess;
import dev.headway.infra.ci.CiAccessArgs;
import dev.headway.infra.ci.CiRoles;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.identity.IdentitiesArgs;
import dev.headway.infra.identity.Workload;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.platform.PlatformArgs;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Arrays;

/** The stack program: settings in, components declared, stack outputs exported. Nothing else. */
public final class HeadwayStack {
    /** The Pulumi project name; also the config namespace ({@code headway:...}). */
    public static final String PROJECT = "headway";

    private HeadwayStack() {
    }

    public static void declare(Context ctx, Settings s) {
        Platform platform = new Platform("platform", PlatformArgs.from(s), ComponentResourceOptions.Empty);
        Identities identities = new Identities("identities", IdentitiesArgs.builder()
                .project(s.project()).names(new Names(s)).iamApi(platform.service(Api.IAM)).build(),
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

        ctx.export("project", Output.of(s.project()));
        ctx.export("region", Output.of(s.region()));
        ctx.export("env", Output.of(s.env().id()));
        ctx.export("network", platform.networkId());
        ctx.export("subnetwork", platform.subnetworkId());
        ctx.export("workloadIdentityProvider", ci.workloadIdentityProvider());
        ctx.export("deployerServiceAccount", ci.deployerServiceAccount());
        ctx.export("previewerServiceAccount", ci.previewerServiceAccount());
    }
}
