package dev.headway.infra.identity;

import com.pulumi.resources.ComponentResourceOptions;
import dev.headway.infra.HeadwayStack;
import dev.headway.infra.platform.Api;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.platform.PlatformArgs;
import dev.headway.infra.config.Settings;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.RecordingEngine;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An identity alone under the recording engine: what it refuses to grant. */
class IdentityTest {
    private static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";

    /**
     * Basic roles are never granted (CIS Google Cloud Foundations Benchmark 1.5 and 1.6; Google: "basic roles
     * include thousands of permissions ... avoid them in production", cloud.google.com/iam/docs/roles-overview#basic):
     * asking for one is a programming error, refused before anything is declared; a predefined role passes.
     */
    @Test
    void basicRolesAreRefusedAndNothingIsDeclaredForThem() {
        Settings settings = Synth.settings("dev", Map.of());
        List<String> refused = new ArrayList<>();
        Plan plan = RecordingEngine.run(HeadwayStack.PROJECT, "dev", Synth.config("dev"), ctx -> {
            var none = ComponentResourceOptions.Empty;
            var platform = new Platform("platform", PlatformArgs.from(settings), none);
            var identities = new Identities("identities", IdentitiesArgs.from(settings, platform.service(Api.IAM),
                    platform.service(Api.CLOUD_RESOURCE_MANAGER)), none);
            Identity poller = identities.of(Workload.POLLER);
            for (String role : List.of("roles/owner", "roles/editor", "roles/viewer")) {
                try {
                    poller.grantProjectRole(role, "test");
                } catch (IllegalArgumentException e) {
                    refused.add(e.getMessage());
                }
            }
            poller.grantProjectRole("roles/logging.logWriter", "test");
        });
        assertEquals(List.of(
                "basic role roles/owner is never granted; use a predefined role",
                "basic role roles/editor is never granted; use a predefined role",
                "basic role roles/viewer is never granted; use a predefined role"), refused);
        assertEquals(List.of("roles/logging.logWriter"), plan.ofType(PROJECT_MEMBER).stream()
                .map(r -> r.input("role").asText()).toList());
    }
}
