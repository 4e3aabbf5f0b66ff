package dev.headway.infra.streaming;

import dev.headway.infra.lifecycle.Lifecycle;
import dev.headway.infra.platform.Platform;
import dev.headway.infra.synth.MarkdownDiff;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanDiff;
import dev.headway.infra.synth.RunningWork;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollerVmTest {
    static final String INSTANCE = "gcp:compute/instance:Instance";
    static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
    static Plan dev;
    static PlannedResource vm;

    @BeforeAll
    static void synth() {
        dev = Synth.stack("dev");
        vm = dev.get(INSTANCE, "hw-dev-poller");
    }

    @Test
    void shieldedWithNoExternalIp() {
        assertTrue(vm.input("shieldedInstanceConfig.enableSecureBoot").asBoolean());
        assertTrue(vm.input("shieldedInstanceConfig.enableVtpm").asBoolean());
        assertTrue(vm.input("shieldedInstanceConfig.enableIntegrityMonitoring").asBoolean());
        assertEquals(1, vm.input("networkInterfaces").size());
        assertTrue(vm.input("networkInterfaces[0].accessConfigs").isMissingNode()
                || vm.input("networkInterfaces[0].accessConfigs").isEmpty(), "no access config: no external IP");
        assertEquals("projects/headway-dev/regions/us-east1/subnetworks/hw-dev-subnet",
                vm.input("networkInterfaces[0].subnetwork").asText());
        assertEquals("[\"" + Platform.POLLER_TAG + "\"]", vm.input("tags").toString());
        assertTrue(vm.input("bootDisk.initializeParams.image").asText().startsWith("cos-cloud/"));
    }

    @Test
    void osLoginNoSerialPortNoProjectKeys() {
        assertEquals("TRUE", vm.input("metadata.enable-oslogin").asText());
        assertEquals("FALSE", vm.input("metadata.serial-port-enable").asText());
        assertEquals("TRUE", vm.input("metadata.block-project-ssh-keys").asText());
    }

    @Test
    void sizedAndPlacedFromConfig() {
        assertEquals("e2-micro", vm.input("machineType").asText());
        assertEquals("us-east1-b", vm.input("zone").asText());
        assertEquals("headway-dev", vm.input("project").asText());
        assertEquals("poller", vm.input("labels.component").asText());
        assertEquals("e2-small", Synth.stack("prod").get(INSTANCE, "hw-prod-poller").input("machineType").asText());
        assertEquals("hw-dev-poller", dev.outputs().get("pollerInstance").asText());
        assertEquals("us-east1-b", dev.outputs().get("pollerZone").asText());
    }

    @Test
    void noVmUntilCiHasPushedAnImage() {
        // First up on an empty project: the training repository is created empty, so the poller is
        // declared only once config names a pushed image by digest (issue 13, bootstrap order).
        Plan first = Synth.stack("dev", Map.of("headway:poller", "{\"running\": true}"));
        assertTrue(first.ofType(INSTANCE).isEmpty());
        assertFalse(first.outputs().containsKey("pollerInstance"));
        assertTrue(first.find("gcp:artifactregistry/repository:Repository", "hw-dev-training").isPresent(), "the repository CI pushes to");
        // once given, the VM names the image by digest and does not read the repository resource
        assertTrue(vm.input("metadataStartupScript").asText().contains("headway-poller@sha256:"));
        assertTrue(vm.propertyDependencies().getOrDefault("metadataStartupScript", List.of()).stream().noneMatch(u -> u.contains("Repository::")),
                vm.propertyDependencies().toString());
    }

    @Test
    void runningFlagPausesAndResumes() {
        assertEquals("RUNNING", vm.input("desiredStatus").asText());
        assertTrue(vm.input("allowStoppingForUpdate").asBoolean());
        PlannedResource paused = Synth.stack("dev", Map.of("headway:poller", "{\"running\": false, \"image\": \"headway-poller@sha256:37a9912bbd565e71595d9971c5d105177ba8adacb61be516572ace38a31b9f73\"}"))
                .get(INSTANCE, "hw-dev-poller");
        assertEquals("TERMINATED", paused.input("desiredStatus").asText());
    }

    @Test
    void runsAsItsOwnAccountThatMayOnlyPublish() {
        assertEquals("hw-dev-poller@headway-dev.iam.gserviceaccount.com", vm.input("serviceAccount.email").asText());
        assertEquals("[\"https://www.googleapis.com/auth/cloud-platform\"]", vm.input("serviceAccount.scopes").toString());
        String member = "serviceAccount:hw-dev-poller@headway-dev.iam.gserviceaccount.com";
        List<PlannedResource> grants = dev.where(r -> r.type().endsWith("Member") && r.input("member").asText().equals(member));
        List<String> roles = grants.stream().map(r -> r.type().replaceAll(".*:", "") + " " + r.input("role").asText()).sorted().toList();
        assertEquals(List.of(
                "IAMMember roles/logging.logWriter",
                "IAMMember roles/monitoring.metricWriter",
                "RepositoryIamMember roles/artifactregistry.reader",
                "TopicIAMMember roles/pubsub.publisher"), roles);
        // ... and the VM is created after the account and every one of those grants
        for (PlannedResource g : grants) {
            assertTrue(vm.dependsOn().contains(g.urn()), "poller waits for " + g.name());
        }
        assertTrue(vm.dependsOn().stream().anyMatch(u -> u.endsWith("Account::hw-dev-poller")));
    }

    @Test
    void startupScriptRunsThePollerOnTheTopic() {
        String script = vm.input("metadataStartupScript").asText();
        assertTrue(script.startsWith("#!/bin/bash\n"));
        assertTrue(script.contains("--env FEED_TOPIC='projects/headway-dev/topics/hw-dev-feed'"), script);
        assertTrue(script.contains("--env FEED_URL='https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/nyct%2Fgtfs'"), script);
        assertTrue(script.contains("--env POLL_INTERVAL_SECONDS=30"), script);
        assertTrue(script.contains("'us-east1-docker.pkg.dev/headway-dev/hw-dev-training/headway-poller@sha256:37a9912bbd565e71595d9971c5d105177ba8adacb61be516572ace38a31b9f73'"), script);
        assertTrue(script.contains("configure-docker --registries='us-east1-docker.pkg.dev'"), script);
    }

    @Test
    void startupScriptQuotesWhatItIsGiven() {
        assertEquals("'a'\"'\"'b; rm -rf /'", StartupScript.quote("a'b; rm -rf /"));
        String script = StartupScript.render("r-docker.pkg.dev/p/x/img:1", "projects/p/topics/t", "https://x/?a=$(id)", 15);
        assertTrue(script.contains("FEED_URL='https://x/?a=$(id)'"), "no command substitution from config");
        assertFalse(script.contains("FEED_URL=https"));
    }

    @Test
    void aNewIntervalReplacesTheVmSoTheNewSettingsRun() {
        // the startup script runs only at boot: a change must replace the VM (metadataStartupScript is ForceNew),
        // not update metadata in place where the running poller never sees it
        assertTrue(vm.input("metadata.startup-script").isMissingNode(), "no startup-script in metadata");
        Plan changed = Synth.stack("dev", java.util.Map.of("headway:poller", "{\"pollIntervalSeconds\": 60, \"image\": \"" + Synth.pollerImage("dev") + "\"}"));
        PlanDiff diff = PlanDiff.between(dev, changed);
        assertEquals(java.util.List.of("hw-dev-poller"), diff.changed().stream().map(c -> c.after().name()).toList());
        PlanDiff.Changed c = diff.changed().get(0);
        assertEquals(java.util.List.of("metadataStartupScript"), c.changes().stream().map(PlanDiff.PropertyChange::path).toList());
        assertEquals(Lifecycle.OnChange.REPLACE, RunningWork.strongest(c).orElseThrow().onChange());
        assertTrue(RunningWork.effect(c).orElseThrow().contains("poller restarted"), RunningWork.effect(c).orElseThrow());
        String md = MarkdownDiff.render(diff, "");
        assertTrue(md.contains("0 to change, 1 to replace") && md.contains("± replace") && md.contains("Running work: **poller restarted**"), md);
    }

    @Test
    void replacedDeleteFirstBecauseInstanceNamesAreUniquePerZone() {
        assertTrue(PollerVm.options(null, List.of()).getDeleteBeforeReplace());
        assertTrue(FlexJob.options(null, List.of()).getDeleteBeforeReplace(), "one active Dataflow job per name and region");
    }
}
