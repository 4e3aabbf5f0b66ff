package dev.headway.infra.review;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.CraftedPlans;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** IAM grants added and removed per principal, new principals and widened access first. */
class SecurityChangesTest {
    private static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";

    @Test
    void grantsAreReportedPerPrincipalNewOnesFirst() {
        Plan before = Synth.stack("dev");
        PlannedResource identity = CraftedPlans.component("dev", "headway:identity:Identities", "identities");
        PlannedResource removed = before.ofType(PROJECT_MEMBER).stream().filter(r -> r.inputs().path("role").asText().equals("roles/monitoring.metricWriter"))
                .findFirst().orElseThrow();
        String poller = removed.inputs().path("member").asText();
        Plan after = CraftedPlans.plus(CraftedPlans.without(before, removed.urn()),
                CraftedPlans.resource("dev", identity, PROJECT_MEMBER, "contractor-editor",
                        "{\"project\":\"headway-dev\",\"role\":\"roles/editor\",\"member\":\"user:contractor@example.com\"}", false),
                CraftedPlans.resource("dev", identity, PROJECT_MEMBER, "poller-bq",
                        "{\"project\":\"headway-dev\",\"role\":\"roles/bigquery.dataViewer\",\"member\":\"" + poller + "\"}", false));
        SecurityChanges.Change c = SecurityChanges.of(PlanDiff.between(before, after));
        assertEquals(2, c.added().size());
        assertEquals(1, c.removed().size());
        assertEquals(java.util.Set.of("user:contractor@example.com"), c.newPrincipals());
        String md = SecurityChanges.markdown(c);
        int fresh = md.indexOf("**New principals**");
        int widened = md.indexOf("**Access widened**");
        int narrowed = md.indexOf("**Access removed**");
        assertTrue(fresh > 0 && fresh < widened && widened < narrowed, md);
        assertTrue(md.contains("- `user:contractor@example.com`\n  - + `roles/editor` on projects `headway-dev` (**privileged**)"), md);
        assertTrue(md.contains("  - + `roles/bigquery.dataViewer` on projects `headway-dev`\n"), md);
        assertTrue(md.contains("  - - `roles/monitoring.metricWriter` on projects `headway-dev`"), md);

        String view = PullRequestView.of(PlanDiff.between(before, after), Acknowledgements.none()).sections().essential();
        assertTrue(view.contains("#### Security changes"), "in the part of the comment that is never trimmed");
    }

    @Test
    void aReplacedGrantWithTheSameMemberRoleAndScopeIsNoSecurityChange() {
        Plan dev = Synth.stack("dev");
        assertTrue(SecurityChanges.of(PlanDiff.between(dev, Synth.stack("dev", java.util.Map.of("gcp:region", "us-central1",
                "headway:zone", "us-central1-a")))).isEmpty());
    }
}
