package dev.headway.infra.policy;

import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;

/** Artifact Registry repositories. */
final class ArtifactPolicies {
    private ArtifactPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-AR-001", Severity.LOW, "repositories clean up old versions (cleanup policies, not dry-run)",
                        "Google guidance: Artifact Registry cleanup policies", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.ARTIFACT_REPOSITORY)) {
                                String mode = Inputs.text(r.input("mode"));
                                if (mode != null && !mode.equals("STANDARD_REPOSITORY")) {
                                    continue;
                                }
                                if (Inputs.isAbsent(r.input("cleanupPolicies"))) {
                                    f.flag(r, "keeps every version forever", "set cleanupPolicies from headway:artifacts (keepRecent, deleteUntaggedAfterDays)");
                                } else if (Inputs.isTrue(r.input("cleanupPolicyDryRun"))) {
                                    f.flag(r, "cleanup policies only run dry", "set cleanupPolicyDryRun(false)");
                                }
                            }
                        }),
                Rule.of("HW-AR-002", Severity.MEDIUM, "prod Docker repositories have immutable tags",
                        "Google guidance: Artifact Registry immutable tags (a deployed tag cannot change under you)", (plan, f) -> {
                            if (Inputs.isDev(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.ofType(Types.ARTIFACT_REPOSITORY)) {
                                if ("DOCKER".equals(Inputs.text(r.input("format"))) && !Inputs.isTrue(r.input("dockerConfig.immutableTags"))) {
                                    f.flag(r, "tags can be moved to another image in prod", "set dockerConfig.immutableTags(true) (headway:artifacts.immutableTags)");
                                }
                            }
                        }));
    }
}
