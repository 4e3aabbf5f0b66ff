package dev.headway.infra.policy;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Set;

/** Dataflow jobs: private workers, and a streaming job that drains before what it reads is removed. */
final class DataflowPolicies {
    static final Set<String> JOBS = Set.of(Types.DATAFLOW_FLEX_TEMPLATE_JOB, Types.DATAFLOW_JOB);

    private DataflowPolicies() {
    }

    private static List<PlannedResource> jobs(Plan plan) {
        return Inputs.ofTypes(plan, JOBS);
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-DF-001", Severity.MEDIUM, "Dataflow workers have no external IPs",
                        "Google guidance: Dataflow security (WORKER_IP_PRIVATE)", (plan, f) -> {
                            for (PlannedResource r : jobs(plan)) {
                                if (!"WORKER_IP_PRIVATE".equals(Inputs.text(r.input("ipConfiguration")))) {
                                    f.flag(r, "workers get external IPs (ipConfiguration " + StoragePolicies.describe(r.input("ipConfiguration"), "public") + ")",
                                            "set ipConfiguration(\"WORKER_IP_PRIVATE\") and run in the platform subnet (Cloud NAT, Private Google Access)");
                                }
                            }
                        }),
                Rule.of("HW-DF-002", Severity.MEDIUM, "streaming Dataflow jobs drain on delete",
                        "Google guidance: stop a streaming pipeline by draining (no in-flight data lost)", (plan, f) -> {
                            for (PlannedResource r : jobs(plan)) {
                                if (!"drain".equals(Inputs.text(r.input("onDelete")))) {
                                    f.flag(r, "is cancelled on delete (onDelete " + StoragePolicies.describe(r.input("onDelete"), "cancel")
                                                    + "): in-flight messages are dropped",
                                            "set onDelete(\"drain\")");
                                }
                            }
                        }),
                Rule.of("HW-DF-003", Severity.MEDIUM, "a Dataflow job depends on every subscription it reads (so it drains before the subscription goes)",
                        "Headway teardown rule: the streaming job drains before its subscription is removed", (plan, f) -> {
                            for (PlannedResource job : jobs(plan)) {
                                String parameters = job.input("parameters").toString();
                                for (PlannedResource sub : plan.ofType(Types.PUBSUB_SUBSCRIPTION)) {
                                    String name = Inputs.text(sub.input("name"));
                                    if (name != null && parameters.contains("subscriptions/" + name + "\"")
                                            && !job.dependsOn().contains(sub.urn())) {
                                        f.flag(job, "reads subscription " + name + " but does not depend on it: a destroy may delete the subscription while the job drains",
                                                "pass the subscription's id Output as the parameter (or add dependsOn(subscription))");
                                    }
                                }
                            }
                        }));
    }
}
