package dev.headway.infra.streaming;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Instance;
import com.pulumi.gcp.compute.InstanceArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskInitializeParamsArgs;
import com.pulumi.gcp.compute.inputs.InstanceNetworkInterfaceArgs;
import com.pulumi.gcp.compute.inputs.InstanceSchedulingArgs;
import com.pulumi.gcp.compute.inputs.InstanceServiceAccountArgs;
import com.pulumi.gcp.compute.inputs.InstanceShieldedInstanceConfigArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.platform.Platform;

import java.util.Map;

/**
 * The GTFS-realtime poller: a shielded Container-Optimized OS VM with no external IP (egress
 * through Cloud NAT, SSH only through IAP with OS Login), no serial port, no project-wide SSH
 * keys, running as its own service account. Its startup script runs the poller container with the
 * feed topic; a change to the script's settings replaces the VM (the script runs only at boot). {@code running=false} stops the VM (TERMINATED) and keeps its disk: pause, not delete.
 *
 * <p>Besides what callers grant (publish on the feed topic, read of its image repository), the VM
 * needs to write its logs and metrics, the two project-level roles with no narrower scope; it is
 * created after its account and every grant recorded on it.
 */
public final class PollerVm extends ComponentResource {
    static final String LOG_WRITER = "roles/logging.logWriter";
    static final String METRIC_WRITER = "roles/monitoring.metricWriter";

    private final Instance instance;

    public PollerVm(String name, PollerVmArgs args, ComponentResourceOptions opts) {
        super("headway:streaming:PollerVm", name, opts);
        args.identity.grantProjectRole(LOG_WRITER, "the poller container logs to Cloud Logging (gcplogs)");
        args.identity.grantProjectRole(METRIC_WRITER, "the VM's agent reports metrics");

        String vmName = args.names.of("poller");
        Output<String> startupScript = Output.tuple(args.image, args.topic)
                .applyValue(t -> StartupScript.render(t.t1, t.t2, args.feedUrl, args.pollIntervalSeconds));
        this.instance = new Instance(vmName, InstanceArgs.builder()
                .project(args.project)
                .zone(args.zone)
                .name(vmName)
                .description("Headway GTFS-realtime poller: publishes the MTA feed to Pub/Sub")
                .machineType(args.machineType)
                .labels(args.labels)
                .tags(Platform.POLLER_TAG)
                .bootDisk(InstanceBootDiskArgs.builder()
                        .autoDelete(true)
                        .initializeParams(InstanceBootDiskInitializeParamsArgs.builder()
                                .image(args.bootImage)
                                .size(10)
                                .type("pd-balanced")
                                .build())
                        .build())
                // One interface on the private subnet and no access configs: no external IP.
                .networkInterfaces(InstanceNetworkInterfaceArgs.builder()
                        .subnetwork(args.subnetwork)
                        .build())
                .shieldedInstanceConfig(InstanceShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(true)
                        .enableVtpm(true)
                        .enableIntegrityMonitoring(true)
                        .build())
                .serviceAccount(InstanceServiceAccountArgs.builder()
                        .email(args.identity.email())
                        .scopes("https://www.googleapis.com/auth/cloud-platform")
                        .build())
                .metadata(Map.of(
                        "enable-oslogin", "TRUE",
                        "serial-port-enable", "FALSE",
                        "block-project-ssh-keys", "TRUE",
                        "google-logging-enabled", "true"))
                // Not metadata["startup-script"]: that updates in place and runs only at the next boot, so a new
                // image, feed URL or interval would never reach the running poller. metadata_startup_script is
                // ForceNew (terraform-provider-google-beta v5.0.0 compute/resource_compute_instance.go): a change
                // replaces the VM, which boots with the new settings (docs/lifecycle.md).
                .metadataStartupScript(startupScript)
                .scheduling(InstanceSchedulingArgs.builder()
                        .automaticRestart(true)
                        .onHostMaintenance("MIGRATE")
                        .preemptible(false)
                        .build())
                .desiredStatus(args.running ? "RUNNING" : "TERMINATED")
                .allowStoppingForUpdate(true)
                .deletionProtection(false)
                .build(), options(this, args.identity.readiness()));

        registerOutputs(Map.of("instanceName", instance.name(), "zone", instance.zone()));
    }

    /**
     * Delete before replace: instance names are unique per zone, so the new VM cannot be created while the
     * old one exists (the engine's default order, create then delete, would fail on the name).
     */
    static CustomResourceOptions options(com.pulumi.resources.Resource parent, java.util.List<com.pulumi.resources.Resource> dependsOn) {
        return CustomResourceOptions.builder().parent(parent).dependsOn(dependsOn).deleteBeforeReplace(true).build();
    }

    public Output<String> instanceName() {
        return instance.name();
    }

    public Output<String> zone() {
        return instance.zone();
    }

    public Instance instance() {
        return instance;
    }
}
