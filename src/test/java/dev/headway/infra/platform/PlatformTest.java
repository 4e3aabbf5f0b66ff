package dev.headway.infra.platform;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlatformTest {
    private static final String SERVICE = "gcp:projects/service:Service";
    private static final String SUBNET = "gcp:compute/subnetwork:Subnetwork";
    private static final String FIREWALL = "gcp:compute/firewall:Firewall";
    private static Plan dev;

    /** Per run of the class, not per class load: under mutation testing each mutant gets its own plans. */
    @BeforeAll
    static void synth() {
        dev = Synth.stack("dev");
    }

    @Test
    void servicesStayEnabledWhenTheStackIsDestroyed() {
        assertFalse(dev.ofType(SERVICE).isEmpty());
        for (PlannedResource s : dev.ofType(SERVICE)) {
            assertFalse(s.input("disableOnDestroy").asBoolean(true), s.name());
            assertEquals("headway-dev", s.input("project").asText(), s.name());
        }
        assertEquals("compute.googleapis.com", dev.get(SERVICE, "api-compute").input("service").asText());
    }

    @Test
    void optionalFeaturesEnableTheirApisOnlyWhenOn() {
        assertTrue(dev.find(SERVICE, "api-container").isEmpty(), "dev has no GKE backend");
        assertTrue(dev.find(SERVICE, "api-run").isEmpty(), "dev has no batch worker");
        Plan prod = Synth.stack("prod");
        assertTrue(prod.find(SERVICE, "api-container").isPresent());
        assertTrue(prod.find(SERVICE, "api-run").isPresent());
        assertTrue(prod.find(SERVICE, "api-cloudscheduler").isPresent());
    }

    @Test
    void subnetIsPrivateWithGoogleAccessAndFlowLogs() {
        PlannedResource subnet = dev.get(SUBNET, "hw-dev-subnet");
        assertEquals("10.10.0.0/20", subnet.input("ipCidrRange").asText());
        assertTrue(subnet.input("privateIpGoogleAccess").asBoolean());
        assertEquals(0.5, subnet.input("logConfig.flowSampling").asDouble());
        assertEquals("us-east1", subnet.input("region").asText());
        assertEquals("projects/headway-dev/global/networks/hw-dev-vpc", subnet.input("network").asText());
    }

    @Test
    void networkDependsOnTheComputeApiAndEverythingElseOnTheNetwork() {
        PlannedResource vpc = dev.get("gcp:compute/network:Network", "hw-dev-vpc");
        assertTrue(vpc.dependsOn().contains(dev.get(SERVICE, "api-compute").urn()));
        assertFalse(vpc.input("autoCreateSubnetworks").asBoolean(true));
        for (String type : new String[]{SUBNET, FIREWALL, "gcp:compute/router:Router"}) {
            for (PlannedResource r : dev.ofType(type)) {
                assertTrue(r.dependsOn().contains(vpc.urn()), r.name() + " depends on the VPC");
            }
        }
    }

    @Test
    void natCoversOnlyTheSubnetAndLogsErrors() {
        PlannedResource nat = dev.get("gcp:compute/routerNat:RouterNat", "hw-dev-nat");
        assertEquals("LIST_OF_SUBNETWORKS", nat.input("sourceSubnetworkIpRangesToNat").asText());
        assertEquals("projects/headway-dev/regions/us-east1/subnetworks/hw-dev-subnet", nat.input("subnetworks[0].name").asText());
        assertEquals("ERRORS_ONLY", nat.input("logConfig.filter").asText());
        assertEquals("hw-dev-router", nat.input("router").asText());
    }

    @Test
    void onlyIapMayReachSshAndOnlyDataflowWorkersTalkToEachOther() {
        PlannedResource ssh = dev.get(FIREWALL, "hw-dev-allow-iap-ssh");
        assertEquals("35.235.240.0/20", ssh.input("sourceRanges[0]").asText());
        assertEquals(1, ssh.input("sourceRanges").size());
        assertEquals("22", ssh.input("allows[0].ports[0]").asText());
        assertEquals(Platform.POLLER_TAG, ssh.input("targetTags[0]").asText());
        PlannedResource dataflow = dev.get(FIREWALL, "hw-dev-allow-dataflow-internal");
        assertEquals("dataflow", dataflow.input("sourceTags[0]").asText());
        assertEquals("dataflow", dataflow.input("targetTags[0]").asText());
        assertTrue(dataflow.input("sourceRanges").isMissingNode(), "no source range: tags only");
    }

    @Test
    void subnetRangeComesFromConfig() {
        Plan plan = Synth.stack("dev", Map.of("headway:network", "{\"subnetCidr\":\"192.168.16.0/24\"}"));
        assertEquals("192.168.16.0/24", plan.get(SUBNET, "hw-dev-subnet").input("ipCidrRange").asText());
    }
}
