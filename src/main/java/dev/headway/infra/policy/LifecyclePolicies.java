package dev.headway.infra.policy;

import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Day two: what the lifecycle table (docs/lifecycle.md) says goes wrong after the first {@code up}, where a
 * plan can show it: settings that never reach what runs, access that is granted but cannot be used, changes
 * the provider or the API will refuse.
 */
final class LifecyclePolicies {
    /** Roles that hold bigquery.jobs.create at project scope. */
    static final Set<String> JOB_ROLES = Set.of("roles/bigquery.jobUser", "roles/bigquery.user", "roles/bigquery.admin");
    /**
     * Top-level fields of a Flex Template job that resourceDataflowFlexJobTypeCustomizeDiff refuses to see again in
     * {@code parameters} ("value is supplied twice"), terraform-provider-google-beta v5.0.0
     * dataflow/resource_dataflow_flex_template_job.go.
     */
    static final List<String[]> FLEX_DUPLICATES = List.of(
            new String[] {"numWorkers", "numWorkers"}, new String[] {"maxNumWorkers", "maxWorkers"},
            new String[] {"autoscalingAlgorithm", "autoscalingAlgorithm"}, new String[] {"launcherMachineType", "launcherMachineType"});

    private LifecyclePolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-LIFE-001", Severity.HIGH, "VM settings do not ride in metadata startup-script (it runs only at boot)",
                        "terraform-provider-google-beta v5.0.0 compute/resource_compute_instance.go (metadata updated in place; "
                                + "metadata_startup_script ForceNew); https://cloud.google.com/compute/docs/instances/startup-scripts/linux", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.COMPUTE_INSTANCE)) {
                                if (!r.input("metadata.startup-script").isMissingNode()) {
                                    f.flag(r, "its startup script is in metadata: a change is written in place and never reaches the running VM",
                                            "pass the script as metadataStartupScript (a change replaces the VM, which boots with it)");
                                }
                            }
                        }),
                Rule.of("HW-LIFE-002", Severity.HIGH, "an account that reads BigQuery datasets may also run jobs (bigquery.jobs.create)",
                        "https://cloud.google.com/bigquery/docs/access-control#bigquery.jobUser (dataset roles hold no jobs.create)", (plan, f) -> {
                            Set<String> canRunJobs = new HashSet<>();
                            for (PlannedResource m : plan.ofType(Types.PROJECT_IAM_MEMBER)) {
                                if (JOB_ROLES.contains(Inputs.text(m, "role"))) {
                                    canRunJobs.add(Inputs.text(m, "member"));
                                }
                            }
                            for (PlannedResource g : plan.ofType(Types.BIGQUERY_DATASET_IAM_MEMBER)) {
                                String member = Inputs.text(g, "member");
                                if ("roles/bigquery.dataViewer".equals(Inputs.text(g, "role")) && member != null
                                        && !member.startsWith(Inputs.UNKNOWN) && !canRunJobs.contains(member)) {
                                    f.flag(g, member + " may read " + Inputs.text(g, "datasetId") + " but no query it starts is allowed "
                                                    + "(no project role with bigquery.jobs.create)",
                                            "warehouse.grantRunJobs(identity) (roles/bigquery.jobUser on the project)");
                                }
                            }
                        }),
                Rule.of("HW-LIFE-003", Severity.MEDIUM, "Dataflow template parameters do not repeat the job's own worker fields",
                        "terraform-provider-google-beta v5.0.0 dataflow/resource_dataflow_flex_template_job.go "
                                + "(resourceDataflowFlexJobTypeCustomizeDiff: \"value is supplied twice\")", (plan, f) -> {
                            for (PlannedResource r : Inputs.ofTypes(plan, DataflowPolicies.JOBS)) {
                                for (String[] pair : FLEX_DUPLICATES) {
                                    if (r.input("parameters").has(pair[0]) && !r.input(pair[1]).isMissingNode()) {
                                        f.flag(r, "sets " + pair[1] + " and parameters." + pair[0] + ": the provider refuses the plan",
                                                "set only " + pair[1] + " (drop " + pair[0] + " from headway:dataflow.job.parameters)");
                                    }
                                }
                            }
                        }),
                Rule.of("HW-LIFE-004", Severity.MEDIUM, "a quota override the stack owns can be lowered (force)",
                        "terraform-provider-google-beta v5.0.0 serviceusage/resource_service_usage_consumer_quota_override.go "
                                + "(force: a decrease of more than 10% is rejected unless force)", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.CONSUMER_QUOTA_OVERRIDE)) {
                                if (!Inputs.isTrue(r.input("force"))) {
                                    f.flag(r, "without force, lowering the pool by more than 10% (such as 8 GPUs to 4) is refused at up",
                                            "set force(true): the override is a cap this stack owns");
                                }
                            }
                        }));
    }
}
