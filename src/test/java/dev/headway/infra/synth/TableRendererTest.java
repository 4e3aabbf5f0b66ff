package dev.headway.infra.synth;

import dev.headway.infra.testing.Plans;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code synth --format table|markdown}: one row per cloud resource, grouped by component, the inputs that say most. */
class TableRendererTest {
    static final String NETWORK = "urn:pulumi:dev::headway::headway:network:Network::network";
    static final String LONG_48 = "a".repeat(44) + " | x";
    static final String LONG_49 = "b".repeat(49);

    static final Plan PLAN = Plans.of("""
            {env: 'dev', resources: [
              {type: 'headway:network:Network', name: 'network', custom: false},
              {type: 'gcp:compute/subnetwork:Subnetwork', name: 'hw-dev-subnet', parent: '%s', protect: true, retainOnDelete: true,
               inputs: {name: 'hw-dev-subnet', ipCidrRange: '10.10.0.0/20', region: 'us-east1'}},
              {type: 'gcp:monitoring/alertPolicy:AlertPolicy', name: 'lag', retainOnDelete: true, inputs: {displayName: '%s'}},
              {type: 'gcp:compute/instance:Instance', name: 'poller',
               inputs: {desiredState: 'RUNNING', region: 'us-east1', zone: 'us-east1-b', machineType: 'e2-micro', service: null}},
              {type: 'gcp:compute/firewall:Firewall', name: 'iap', protect: true,
               inputs: {sourceRanges: ['35.235.240.0/20'], displayName: '%s'}}
            ]}""".formatted(NETWORK, LONG_48, LONG_49));

    /**
     * Columns padded to the widest cell plus two spaces (the last not padded); rows sorted by
     * component, type, name; at most three key inputs in the listed order, absent and null ones
     * skipped, values over 48 characters cut to 45 and "...", lists as JSON; P protect, R retain.
     */
    @Test
    void theTableAlignsSortsAndAbridges() {
        String table = TableRenderer.render(PLAN);
        List<String> lines = table.lines().toList();
        assertEquals("stack dev (project headway-dev): 4 resources", lines.get(0));
        assertEquals("", lines.get(1));
        String expectedIap = "displayName=" + "b".repeat(45) + "... sourceRanges=[\"35.235.240.0/20\"]";
        int keyW = Math.max(expectedIap.length(), ("displayName=" + LONG_48).length()) + 2;
        String f = "%-11s%-24s%-15s%-" + keyW + "s%s";
        assertEquals(List.of(
                String.format(f, "COMPONENT", "TYPE", "NAME", "KEY INPUTS", "KEEP"),
                String.format(f, "network", "compute.Subnetwork", "hw-dev-subnet", "region=us-east1 ipCidrRange=10.10.0.0/20", "PR"),
                String.format(f, "stack", "compute.Firewall", "iap", expectedIap, "P"),
                String.format(f, "stack", "compute.Instance", "poller", "machineType=e2-micro zone=us-east1-b region=us-east1", ""),
                String.format(f, "stack", "monitoring.AlertPolicy", "lag", "displayName=" + LONG_48, "R"),
                "",
                "KEEP: P = protected (pulumi refuses to delete), R = retained on delete (left in the cloud)"), lines.subList(2, lines.size()), table);
    }

    /** The same rows as a Markdown table, a pipe inside a value escaped so it stays in its cell. */
    @Test
    void theMarkdownTableEscapesPipes() {
        assertEquals("""
                | component | type | name | key inputs | keep |
                |---|---|---|---|---|
                | network | compute.Subnetwork | hw-dev-subnet | region=us-east1 ipCidrRange=10.10.0.0/20 | PR |
                | stack | compute.Firewall | iap | displayName=%s... sourceRanges=["35.235.240.0/20"] | P |
                | stack | compute.Instance | poller | machineType=e2-micro zone=us-east1-b region=us-east1 |  |
                | stack | monitoring.AlertPolicy | lag | displayName=%s \\| x | R |
                """.formatted("b".repeat(45), "a".repeat(44)), TableRenderer.markdown(PLAN));
    }
}
