package dev.headway.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Set;

/** Compute Engine VMs (instances and instance templates). */
final class ComputePolicies {
    static final Set<String> VMS = Set.of(Types.COMPUTE_INSTANCE, Types.COMPUTE_INSTANCE_TEMPLATE);

    private ComputePolicies() {
    }

    private static List<PlannedResource> vms(Plan plan) {
        return Inputs.ofTypes(plan, VMS);
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-VM-001", Severity.HIGH, "VMs have no external IP address",
                        "CIS GCP 4.9", (plan, f) -> {
                            for (PlannedResource r : vms(plan)) {
                                int i = 0;
                                for (JsonNode nic : r.input("networkInterfaces")) {
                                    if (!Inputs.isAbsent(nic.path("accessConfigs"))) {
                                        f.flag(r, "networkInterfaces[" + i + "] has an accessConfig (an external IP)",
                                                "remove accessConfigs; egress through Cloud NAT, SSH through IAP");
                                    }
                                    i++;
                                }
                            }
                        }),
                Rule.of("HW-VM-002", Severity.MEDIUM, "VMs are Shielded VMs: secure boot, vTPM, integrity monitoring",
                        "CIS GCP 4.8", (plan, f) -> {
                            for (PlannedResource r : vms(plan)) {
                                JsonNode s = r.input("shieldedInstanceConfig");
                                if (!Inputs.isTrue(s.path("enableSecureBoot")) || Inputs.isFalse(s.path("enableVtpm"))
                                        || Inputs.isFalse(s.path("enableIntegrityMonitoring"))) {
                                    f.flag(r, "is not fully shielded (secure boot off, or vTPM / integrity monitoring turned off)",
                                            "set shieldedInstanceConfig with enableSecureBoot, enableVtpm and enableIntegrityMonitoring true");
                                }
                            }
                        }),
                Rule.of("HW-VM-003", Severity.HIGH, "VMs turn on OS Login (metadata enable-oslogin=TRUE)",
                        "CIS GCP 4.4", (plan, f) -> {
                            for (PlannedResource r : vms(plan)) {
                                if (!Inputs.isTrue(r.input("metadata").path("enable-oslogin"))) {
                                    f.flag(r, "OS Login is not on: SSH access is by keys in metadata, outside IAM",
                                            "set metadata enable-oslogin to \"TRUE\"");
                                }
                            }
                        }),
                Rule.of("HW-VM-004", Severity.HIGH, "VMs keep the serial port closed",
                        "CIS GCP 4.5", (plan, f) -> {
                            for (PlannedResource r : vms(plan)) {
                                if (Inputs.isTrue(r.input("metadata").path("serial-port-enable"))) {
                                    f.flag(r, "the interactive serial console is on (serial-port-enable)",
                                            "remove serial-port-enable or set it to \"FALSE\"; use IAP SSH and serial port output logging");
                                }
                            }
                        }),
                Rule.of("HW-VM-005", Severity.MEDIUM, "VMs block project-wide SSH keys",
                        "CIS GCP 4.3", (plan, f) -> {
                            for (PlannedResource r : vms(plan)) {
                                if (!Inputs.isTrue(r.input("metadata").path("block-project-ssh-keys"))) {
                                    f.flag(r, "accepts project-wide SSH keys",
                                            "set metadata block-project-ssh-keys to \"TRUE\"");
                                }
                            }
                        }),
                Rule.of("HW-VM-006", Severity.HIGH, "VMs do not forward IP packets",
                        "CIS GCP 4.6", (plan, f) -> {
                            for (PlannedResource r : vms(plan)) {
                                if (Inputs.isTrue(r.input("canIpForward"))) {
                                    f.flag(r, "canIpForward is on: the VM can route traffic it does not own",
                                            "remove canIpForward (default false)");
                                }
                            }
                        }));
    }
}
