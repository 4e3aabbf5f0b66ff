package dev.headway.infra;

import com.pulumi.Context;
import com.pulumi.core.Output;
import dev.headway.infra.config.Settings;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.identity.Identities;
import dev.headway.infra.identity.IdentitiesArgs;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.platform.PlatformArgs;
import com.pulumi.resources.ComponentResourceOptions;

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

        ctx.export("project", Output.of(s.project()));
        ctx.export("region", Output.of(s.region()));
        ctx.export("env", Output.of(s.env().id()));
        ctx.export("network", platform.networkId());
        ctx.export("subnetwork", platform.subnetworkId());
    }
}
