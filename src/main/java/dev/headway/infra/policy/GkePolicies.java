package dev.headway.infra.policy;

import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Set;

/** GKE clusters and node pools. */
final class GkePolicies {
    private GkePolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-GKE-001", Severity.HIGH, "GKE clusters have private nodes",
                        "CIS GKE 5.6.5; CIS GCP (private clusters)", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_CLUSTER)) {
                                if (!Inputs.isTrue(r.input("privateClusterConfig.enablePrivateNodes"))) {
                                    f.flag(r, "nodes get external IPs", "set privateClusterConfig.enablePrivateNodes(true) with masterIpv4CidrBlock from headway:training.gke.masterCidr");
                                }
                            }
                        }),
                Rule.of("HW-GKE-002", Severity.HIGH, "GKE clusters use Workload Identity",
                        "CIS GKE 5.2.2", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_CLUSTER)) {
                                if (Inputs.isAbsent(r.input("workloadIdentityConfig.workloadPool"))) {
                                    f.flag(r, "has no Workload Identity: pods use the node's service account",
                                            "set workloadIdentityConfig.workloadPool to <project>.svc.id.goog");
                                }
                            }
                        }),
                Rule.of("HW-GKE-003", Severity.MEDIUM, "GKE clusters use Shielded GKE nodes",
                        "CIS GKE 5.5.5", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_CLUSTER)) {
                                if (Inputs.isFalse(r.input("enableShieldedNodes"))) {
                                    f.flag(r, "turns Shielded GKE nodes off", "remove enableShieldedNodes(false) (default true)");
                                }
                            }
                        }),
                Rule.of("HW-GKE-004", Severity.MEDIUM, "GKE clusters are on a release channel",
                        "CIS GKE 5.5.4 (automatic upgrades through release channels)", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_CLUSTER)) {
                                if (!Set.of("RAPID", "REGULAR", "STABLE").contains(String.valueOf(Inputs.text(r.input("releaseChannel.channel"))))) {
                                    f.flag(r, "is on no release channel (" + StoragePolicies.describe(r.input("releaseChannel.channel"), "UNSPECIFIED") + ")",
                                            "set releaseChannel.channel from headway:training.gke.releaseChannel");
                                }
                            }
                        }),
                Rule.of("HW-GKE-005", Severity.HIGH, "GKE clusters keep legacy ABAC off",
                        "CIS GKE 5.8.4", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_CLUSTER)) {
                                if (Inputs.isTrue(r.input("enableLegacyAbac"))) {
                                    f.flag(r, "legacy ABAC is on: grants bypass Kubernetes RBAC", "remove enableLegacyAbac (default false)");
                                }
                            }
                        }),
                Rule.of("HW-GKE-006", Severity.MEDIUM, "GKE node pools keep auto-repair and auto-upgrade on",
                        "CIS GKE 5.5.2, 5.5.3", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_NODE_POOL)) {
                                if (Inputs.isFalse(r.input("management.autoRepair")) || Inputs.isFalse(r.input("management.autoUpgrade"))) {
                                    f.flag(r, "turns node auto-repair or auto-upgrade off", "set management autoRepair(true) and autoUpgrade(true)");
                                }
                            }
                        }),
                Rule.of("HW-GKE-007", Severity.HIGH, "GKE node pools expose only the GKE metadata server (GKE_METADATA)",
                        "CIS GKE 5.4.2", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_NODE_POOL)) {
                                if (!"GKE_METADATA".equals(Inputs.text(r.input("nodeConfig.workloadMetadataConfig.mode")))) {
                                    f.flag(r, "pods can read the node's metadata (workloadMetadataConfig.mode "
                                                    + StoragePolicies.describe(r.input("nodeConfig.workloadMetadataConfig.mode"), "node default") + ")",
                                            "set nodeConfig.workloadMetadataConfig.mode(\"GKE_METADATA\")");
                                }
                            }
                        }),
                Rule.of("HW-GKE-008", Severity.LOW, "GKE clusters issue no client certificates",
                        "CIS GKE 5.8.2", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.GKE_CLUSTER)) {
                                if (Inputs.isTrue(r.input("masterAuth.clientCertificateConfig.issueClientCertificate"))) {
                                    f.flag(r, "issues a client certificate (a static credential that cannot be revoked)",
                                            "remove masterAuth.clientCertificateConfig (authenticate through IAM)");
                                }
                            }
                        }));
    }
}
