package dev.headway.infra.policy;

import dev.headway.infra.policy.Inputs.Grant;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Set;

import static dev.headway.infra.policy.Inputs.DEFAULT_COMPUTE_SA;
import static dev.headway.infra.policy.Inputs.text;

/** Who may do what: IAM members, bindings and policies of every service, keys, workload identities. */
final class IamPolicies {
    private static final Set<String> BASIC_ROLES = Set.of("roles/owner", "roles/editor", "roles/viewer");
    private static final Set<String> PUBLIC = Set.of("allUsers", "allAuthenticatedUsers");
    private static final Set<String> IMPERSONATION = Set.of("roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator");
    private static final String INTENT = "grant a predefined role at the narrowest scope through the owning component's intent method";

    private IamPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-IAM-001", Severity.HIGH, "no basic roles (owner, editor, viewer) in any IAM grant",
                        "CIS GCP 1.5; Google IAM guidance: avoid basic roles", (plan, f) -> {
                            for (PlannedResource r : plan.resources()) {
                                for (Grant g : Inputs.grants(r)) {
                                    if (BASIC_ROLES.contains(g.role())) {
                                        f.flag(r, "grants basic role " + g.role() + " to " + g.member(), INTENT);
                                    }
                                }
                            }
                        }),
                Rule.of("HW-IAM-002", Severity.HIGH, "no allUsers / allAuthenticatedUsers member in any IAM grant",
                        "CIS GCP 5.1, 7.1; Google guidance: no public principals", (plan, f) -> {
                            for (PlannedResource r : plan.resources()) {
                                for (Grant g : Inputs.grants(r)) {
                                    if (PUBLIC.contains(g.member())) {
                                        f.flag(r, "grants " + g.role() + " to the public (" + g.member() + ")",
                                                "grant to a workload's service account or a group, never to " + g.member());
                                    }
                                }
                            }
                        }),
                Rule.of("HW-IAM-003", Severity.HIGH, "no user-managed service account keys",
                        "CIS GCP 1.4", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.SERVICE_ACCOUNT_KEY)) {
                                f.flag(r, "creates a service account key (a long-lived secret)",
                                        "attach the service account to the workload, or use Workload Identity (Federation) for CI");
                            }
                        }),
                Rule.of("HW-IAM-004", Severity.HIGH, "no serviceAccountUser / serviceAccountTokenCreator at project level",
                        "CIS GCP 1.6", (plan, f) -> {
                            for (PlannedResource r : plan.where(x -> Inputs.module(x.type()).equals("projects"))) {
                                for (Grant g : Inputs.grants(r)) {
                                    if (IMPERSONATION.contains(g.role())) {
                                        f.flag(r, "grants " + g.role() + " on the whole project to " + g.member()
                                                + " (may act as every service account)",
                                                "grant it on the one service account (serviceaccount.IAMMember)");
                                    }
                                }
                            }
                        }),
                Rule.of("HW-IAM-005", Severity.HIGH, "no authoritative project/folder/organization IAM policy or binding",
                        "Google provider guidance: IAMPolicy/IAMBinding replace grants made elsewhere (service agents)", (plan, f) -> {
                            for (PlannedResource r : plan.where(x -> Set.of("projects", "organizations", "folder").contains(Inputs.module(x.type()))
                                    && (x.type().endsWith("IAMPolicy") || x.type().endsWith("IAMBinding")))) {
                                f.flag(r, "is authoritative: it removes every other grant of its role(s) on the " + Inputs.module(r.type()),
                                        "use projects.IAMMember (additive) for each grant");
                            }
                        }),
                Rule.of("HW-IAM-006", Severity.HIGH, "no workload (VM, node pool, Dataflow or Cloud Run job) runs as the default compute service account",
                        "CIS GCP 4.1; CIS GKE 5.2.1", (plan, f) -> {
                            for (PlannedResource r : plan.cloudResources()) {
                                String property = workloadAccountProperty(r);
                                if (property == null) {
                                    continue;
                                }
                                String account = text(r.input(property));
                                boolean unknown = !Inputs.isAbsent(r.input(property)) && account == null;
                                if (unknown) {
                                    continue;
                                }
                                if (account == null) {
                                    f.flag(r, "sets no " + property + ", so it runs as the default compute service account (Editor on the project)",
                                            "set " + property + " to the workload's own service account (identities.of(Workload.X).email())");
                                } else if (DEFAULT_COMPUTE_SA.matcher(account).matches()) {
                                    f.flag(r, "runs as the default compute service account " + account,
                                            "set " + property + " to the workload's own service account");
                                }
                            }
                        }),
                Rule.of("HW-IAM-007", Severity.MEDIUM, "no IAM grants to individual users (user:)",
                        "CIS GCP 1.1; Google IAM guidance: grant roles to groups and service accounts", (plan, f) -> {
                            for (PlannedResource r : plan.resources()) {
                                for (Grant g : Inputs.grants(r)) {
                                    if (g.member().startsWith("user:")) {
                                        f.flag(r, "grants " + g.role() + " to a person (" + g.member() + ")",
                                                "grant to a group: or a workload's serviceAccount:");
                                    }
                                }
                            }
                        }),
                Rule.of("HW-IAM-008", Severity.HIGH, "Workload Identity Federation providers restrict who may federate (attributeCondition; GitHub: the repository and owner by id)",
                        "Google guidance: Workload Identity Federation best practices (use attribute conditions)", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.WORKLOAD_IDENTITY_POOL_PROVIDER)) {
                                String condition = text(r.input("attributeCondition"));
                                String issuer = text(r.input("oidc.issuerUri"));
                                if (Inputs.isAbsent(r.input("attributeCondition"))) {
                                    f.flag(r, "has no attributeCondition: any identity of the issuer may federate",
                                            "set attributeCondition, e.g. assertion.repository == 'owner/name'");
                                } else if (condition != null && issuer != null && issuer.contains("token.actions.githubusercontent.com")
                                        && !(condition.contains("assertion.repository_id ==") && condition.contains("assertion.repository_owner_id =="))) {
                                    // Names can be re-registered after a rename or deletion; the numeric ids cannot (GitHub, "About
                                    // security hardening with OpenID Connect": repository_id, repository_owner_id claims).
                                    f.flag(r, "trusts GitHub Actions without pinning the repository and owner by their immutable ids (condition: "
                                                    + condition + ")",
                                            "add assertion.repository_id == '<id>' && assertion.repository_owner_id == '<id>' (headway:ci)");
                                }
                            }
                        }));
    }

    /** The input naming the service account a workload runs as, or null for non-workloads. */
    private static String workloadAccountProperty(PlannedResource r) {
        return switch (r.type()) {
            case Types.COMPUTE_INSTANCE, Types.COMPUTE_INSTANCE_TEMPLATE -> "serviceAccount.email";
            case Types.GKE_NODE_POOL -> "nodeConfig.serviceAccount";
            // Autopilot nodes run as the default compute account unless autoProvisioningDefaults names another
            // (GKE, "Create an Autopilot cluster": node service accounts; pulumi-gcp 7.0.0
            // container.inputs.ClusterClusterAutoscalingAutoProvisioningDefaultsArgs#serviceAccount)
            case Types.GKE_CLUSTER -> Inputs.isTrue(r.input("enableAutopilot")) ? "clusterAutoscaling.autoProvisioningDefaults.serviceAccount"
                    : Inputs.isTrue(r.input("removeDefaultNodePool")) ? null : "nodeConfig.serviceAccount";
            case Types.DATAFLOW_FLEX_TEMPLATE_JOB, Types.DATAFLOW_JOB -> "serviceAccountEmail";
            case Types.CLOUD_RUN_JOB -> "template.template.serviceAccount";
            case Types.CLOUD_RUN_SERVICE -> "template.serviceAccount";
            default -> null;
        };
    }
}
