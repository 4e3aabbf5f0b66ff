package dev.headway.infra.review;

import dev.headway.infra.UserError;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.CraftedPlans;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data-loss guard on every update: deletes and replacements of what holds data or running work. */
class DataLossTest {
    static final Map<String, String> CENTRAL = Map.of("gcp:region", "us-central1", "headway:zone", "us-central1-a");

    private static PlanDiff regionMove() {
        return PlanDiff.between(Synth.stack("prod"), Synth.stack("prod", CENTRAL));
    }

    @Test
    void aProdRegionMoveBlocksOnEveryStoreAndRunningWorkItReplaces() {
        List<DataLoss.Finding> findings = DataLoss.of(regionMove(), Acknowledgements.none());
        Map<String, DataLoss.Finding> byName = findings.stream().collect(Collectors.toMap(f -> f.resource().name(), f -> f));
        assertTrue(byName.keySet().containsAll(List.of("hw-prod-headway-gru", "hw-prod-headway-lstm", "hw-prod-feed-to-bigquery",
                "headway-prod-hw-prod-pipeline-root")), byName.keySet().toString());
        assertTrue(byName.get("headway-prod-hw-prod-pipeline-root").blocked(), "a protected bucket cannot be replaced by up");
        assertFalse(byName.get("hw-prod-feed-to-bigquery").blocked());
        assertFalse(DataLoss.allAcknowledged(findings));
        String md = DataLoss.markdown(findings);
        assertTrue(md.contains("**blocked: protected; `up` will refuse** **replaces** storage.Bucket `headway-prod-hw-prod-pipeline-root`"), md);
        assertFalse(md.contains("pipeline-root` (because `location` changed): loses its data; the new one starts empty"), "blocked, not 'starts empty'");
    }

    @Test
    void aReplacedDatasetListsTheTablesItHolds() {
        PlanDiff d = PlanDiff.between(Synth.stack("prod"), Synth.stack("prod", Map.of("headway:warehouse", "{\"location\":\"us-east1\"}")));
        DataLoss.Finding raw = DataLoss.of(d, Acknowledgements.none()).stream()
                .filter(f -> f.resource().name().equals("hw_prod_raw")).findFirst().orElseThrow();
        assertEquals("replace", raw.action());
        assertEquals(List.of("location"), raw.because());
        assertEquals(List.of("trip_updates"), raw.holds());
        assertTrue(DataLoss.markdown(List.of(raw)).contains("holds tables `trip_updates`"));
    }

    @Test
    void acknowledgementsAddedByTheChangeClearTheGuardAndAreListed() {
        PlanDiff d = regionMove();
        List<DataLoss.Finding> open = DataLoss.of(d, Acknowledgements.none());
        StringBuilder yaml = new StringBuilder("acknowledgements:\n");
        open.forEach(f -> yaml.append("  - urn: \"").append(f.resource().urn()).append("\"\n    reason: \"moving to us-central1; exported first\"\n"));
        Acknowledgements acks = Acknowledgements.of(Optional.empty(), Optional.of(yaml.toString()), false);
        List<DataLoss.Finding> done = DataLoss.of(d, acks);
        assertTrue(DataLoss.allAcknowledged(done));
        assertTrue(DataLoss.markdown(done).contains("acknowledged: moving to us-central1; exported first"));

        Acknowledgements stale = Acknowledgements.of(Optional.of(yaml.toString()), Optional.of(yaml.toString()), false);
        assertFalse(DataLoss.allAcknowledged(DataLoss.of(d, stale)), "entries already on the base acknowledged an earlier change");

        Acknowledgements label = Acknowledgements.of(Optional.empty(), Optional.empty(), true);
        assertTrue(DataLoss.allAcknowledged(DataLoss.of(d, label)));
        assertTrue(DataLoss.markdown(DataLoss.of(d, label)).contains("acknowledged: label `acknowledge-data-loss` on the pull request"));
    }

    @Test
    void anUpdateInPlaceOrAScratchResourceLosesNothing() {
        Plan before = Synth.stack("dev");
        PlanDiff d = PlanDiff.between(before, Synth.stack("dev", Map.of("headway:pubsub", "{\"ackDeadlineSeconds\":30}")));
        assertFalse(d.isEmpty());
        assertEquals(List.of(), DataLoss.of(d, Acknowledgements.none()));
    }

    @Test
    void aDeletedSubscriptionLosesItsBacklog() {
        Plan after = Synth.stack("dev");
        PlannedResource sub = after.ofType("gcp:pubsub/subscription:Subscription").get(0);
        PlanDiff d = PlanDiff.between(after, CraftedPlans.without(after, sub.urn()));
        List<DataLoss.Finding> f = DataLoss.of(d, Acknowledgements.none());
        assertEquals(1, f.size());
        assertEquals("its backlog of unacknowledged messages", f.get(0).loses());
    }

    @Test
    void aBadAcknowledgementFileIsOneLineExitTwo() {
        for (String bad : List.of("acknowledgements:\n  - urn: urn:pulumi:x\n", "acknowledgements:\n  - urn: nope\n    reason: because I said so\n",
                "acks: []\n", "acknowledgements:\n  - urn: urn:pulumi:a\n    reason: short\n",
                "acknowledgements:\n  - urn: urn:pulumi:a\n    reason: a good reason\n    extra: 1\n")) {
            UserError e = assertThrows(UserError.class, () -> Acknowledgements.of(Optional.empty(), Optional.of(bad), false), bad);
            assertEquals(UserError.USAGE, e.exitCode());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
            assertTrue(e.getMessage().startsWith(".headway/ack.yaml"), e.getMessage());
        }
    }
}
