package dev.headway.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Set;

/** VPC networks, subnets and firewall rules. */
final class NetworkPolicies {
    private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");
    /** Subnet purposes that cannot carry flow logs or Private Google Access (proxy-only, PSC). */
    private static final Set<String> SPECIAL_PURPOSES = Set.of("REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY",
            "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT");

    private NetworkPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                worldIngress("HW-NET-001", 22, "SSH", "CIS GCP 3.6"),
                worldIngress("HW-NET-002", 3389, "RDP", "CIS GCP 3.7"),
                Rule.of("HW-NET-003", Severity.HIGH, "no firewall rule opens every port to 0.0.0.0/0",
                        "Google guidance: VPC firewall rules, least exposure", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.COMPUTE_FIREWALL)) {
                                if (!fromWorld(r)) {
                                    continue;
                                }
                                for (JsonNode allow : r.input("allows")) {
                                    if (allPorts(allow)) {
                                        f.flag(r, "allows " + protocol(allow) + " on every port from the internet",
                                                "name the ports, and restrict sourceRanges to the peers that need them");
                                    }
                                }
                            }
                        }),
                Rule.of("HW-NET-004", Severity.MEDIUM, "subnets turn on Private Google Access",
                        "Google guidance: Private Google Access for VMs without external IPs", (plan, f) -> {
                            for (PlannedResource r : subnets(plan.ofType(Types.COMPUTE_SUBNETWORK))) {
                                if (!Inputs.isTrue(r.input("privateIpGoogleAccess"))) {
                                    f.flag(r, "Private Google Access is off: VMs without external IPs cannot reach Google APIs",
                                            "set privateIpGoogleAccess(true)");
                                }
                            }
                        }),
                Rule.of("HW-NET-005", Severity.MEDIUM, "subnets keep VPC flow logs (with metadata)",
                        "CIS GCP 3.8", (plan, f) -> {
                            for (PlannedResource r : subnets(plan.ofType(Types.COMPUTE_SUBNETWORK))) {
                                JsonNode log = r.input("logConfig");
                                if (Inputs.isAbsent(log)) {
                                    f.flag(r, "has no flow logs", "set logConfig (aggregationInterval, flowSampling, metadata INCLUDE_ALL_METADATA)");
                                } else if ("EXCLUDE_ALL_METADATA".equals(Inputs.text(log.path("metadata")))) {
                                    f.flag(r, "flow logs exclude all metadata", "set logConfig.metadata to INCLUDE_ALL_METADATA");
                                }
                            }
                        }),
                Rule.of("HW-NET-006", Severity.LOW, "firewall rules log their matches",
                        "Google guidance: Firewall Rules Logging", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.COMPUTE_FIREWALL)) {
                                if (Inputs.isAbsent(r.input("logConfig")) && !Inputs.isTrue(r.input("enableLogging"))) {
                                    f.flag(r, "does not log the connections it allows or denies",
                                            "set logConfig(FirewallLogConfigArgs.builder().metadata(\"INCLUDE_ALL_METADATA\"))");
                                }
                            }
                        }),
                Rule.of("HW-NET-007", Severity.MEDIUM, "no auto-mode VPC (default-network style subnets in every region)",
                        "CIS GCP 3.1, 3.2", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.COMPUTE_NETWORK)) {
                                if (!Inputs.isFalse(r.input("autoCreateSubnetworks"))) {
                                    f.flag(r, "creates a subnet in every region with default firewall-free ranges (autoCreateSubnetworks defaults to true)",
                                            "set autoCreateSubnetworks(false) and declare the subnets");
                                }
                            }
                        }));
    }

    private static Rule worldIngress(String id, int port, String what, String reference) {
        return Rule.of(id, Severity.HIGH, "no ingress from 0.0.0.0/0 to port " + port + " (" + what + ")", reference, (plan, f) -> {
            for (PlannedResource r : plan.ofType(Types.COMPUTE_FIREWALL)) {
                if (!fromWorld(r)) {
                    continue;
                }
                for (JsonNode allow : r.input("allows")) {
                    if (opens(allow, port)) {
                        f.flag(r, "allows " + what + " (" + protocol(allow) + "/" + port + ") from the internet",
                                "allow only IAP's range 35.235.240.0/20 (or named peers) in sourceRanges");
                    }
                }
            }
        });
    }

    private static List<PlannedResource> subnets(List<PlannedResource> all) {
        return all.stream().filter(r -> !SPECIAL_PURPOSES.contains(String.valueOf(Inputs.text(r.input("purpose"))))).toList();
    }

    /** An enabled ingress rule whose sources include the whole internet (also when no source is given). */
    static boolean fromWorld(PlannedResource r) {
        String direction = Inputs.text(r.input("direction"));
        if ((direction != null && !direction.equals("INGRESS")) || Inputs.isTrue(r.input("disabled"))) {
            return false;
        }
        JsonNode ranges = r.input("sourceRanges");
        for (JsonNode range : ranges) {
            if (WORLD.contains(range.asText())) {
                return true;
            }
        }
        return Inputs.isAbsent(ranges) && Inputs.isAbsent(r.input("sourceTags")) && Inputs.isAbsent(r.input("sourceServiceAccounts"));
    }

    private static String protocol(JsonNode allow) {
        String p = Inputs.text(allow.path("protocol"));
        return p == null ? "all" : p.equals("6") ? "tcp" : p.equals("17") ? "udp" : p.toLowerCase();
    }

    private static boolean allPorts(JsonNode allow) {
        String p = protocol(allow);
        if (p.equals("all")) {
            return true;
        }
        if (!Set.of("tcp", "udp", "sctp").contains(p)) {
            return false;
        }
        if (Inputs.isAbsent(allow.path("ports"))) {
            return true;
        }
        for (JsonNode port : allow.path("ports")) {
            int[] range = range(port.asText());
            if (range != null && range[0] <= 1 && range[1] >= 65535) {
                return true;
            }
        }
        return false;
    }

    private static boolean opens(JsonNode allow, int port) {
        String p = protocol(allow);
        if (p.equals("all") || (p.equals("tcp") && Inputs.isAbsent(allow.path("ports")))) {
            return true;
        }
        if (!p.equals("tcp")) {
            return false;
        }
        for (JsonNode text : allow.path("ports")) {
            int[] range = range(text.asText());
            if (range != null && range[0] <= port && port <= range[1]) {
                return true;
            }
        }
        return false;
    }

    private static int[] range(String ports) {
        try {
            String[] parts = ports.trim().split("-");
            int lo = Integer.parseInt(parts[0].trim());
            int hi = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : lo;
            return new int[]{lo, hi};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
