package dev.headway.infra.policy;

import dev.headway.infra.conventions.NameRules;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Map;

/** Names: Google's rules per resource type, and the hw-<env>-<purpose> convention. */
final class NamingPolicies {
    /** Google's naming rules by type, with their sources: the table {@code conventions.Names} derives names against. */
    static final Map<String, NameRules.Typed> RULES = NameRules.BY_TYPE;

    /** Types named by {@code Names.of} ({@code hw-<env>-...}); buckets and datasets have their own forms. */
    private static final List<String> CONVENTIONAL = List.of(Types.COMPUTE_INSTANCE, Types.COMPUTE_NETWORK,
            Types.COMPUTE_SUBNETWORK, Types.COMPUTE_FIREWALL, Types.COMPUTE_ROUTER,
            Types.COMPUTE_ROUTER_NAT, Types.PUBSUB_TOPIC, Types.PUBSUB_SUBSCRIPTION,
            Types.SERVICE_ACCOUNT, Types.GKE_CLUSTER, Types.CLOUD_RUN_JOB,
            Types.DATAFLOW_FLEX_TEMPLATE_JOB, Types.STORAGE_BUCKET, Types.BIGQUERY_DATASET);

    private NamingPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-NAM-001", Severity.HIGH, "names follow Google's rules for their type (length, characters, reserved prefixes)",
                        "Google Cloud resource naming rules per service (each with its source in conventions/NameRules)", (plan, f) -> {
                            for (PlannedResource r : plan.cloudResources()) {
                                NameRules.Typed rule = RULES.get(r.type());
                                if (rule == null) {
                                    continue;
                                }
                                String name = Inputs.text(r.input(rule.property()));
                                if (name != null && !rule.rule().accepts(name)) {
                                    f.flag(r, rule.property() + " \"" + name + "\" breaks Google's rule: " + rule.rule().words(),
                                            "derive it with conventions.Names (of, serviceAccountId, bucket, dataset)");
                                }
                            }
                        }),
                Rule.of("HW-NAM-002", Severity.LOW, "names follow the convention hw-<env>-<purpose> (buckets <project>-hw-<env>-..., datasets hw_<env>_...)",
                        "Headway naming convention (DESIGN: names)", (plan, f) -> {
                            String env = Inputs.env(plan);
                            for (PlannedResource r : plan.where(x -> CONVENTIONAL.contains(x.type()))) {
                                NameRules.Typed rule = RULES.get(r.type());
                                String name = Inputs.text(r.input(rule.property()));
                                if (name == null) {
                                    continue;
                                }
                                String expected = switch (r.type()) {
                                    case Types.STORAGE_BUCKET -> "-hw-" + env + "-";
                                    case Types.BIGQUERY_DATASET -> "hw_" + env.replace('-', '_') + "_";
                                    default -> "hw-" + env + "-";
                                };
                                boolean ok = r.type().equals(Types.STORAGE_BUCKET) ? name.contains(expected) : name.startsWith(expected);
                                if (!ok) {
                                    f.flag(r, rule.property() + " \"" + name + "\" does not follow the convention (" + expected + "...)",
                                            "name it with conventions.Names");
                                }
                            }
                        }));
    }
}
