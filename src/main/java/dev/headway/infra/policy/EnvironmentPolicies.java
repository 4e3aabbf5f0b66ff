package dev.headway.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.config.Environments;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Environments: what a stack's name promises holds in its plan. A stack named like production is
 * prod-tier (so nothing reaches prod unprotected through a stack file that says otherwise); a review
 * stack ({@code pr-<number>}) is tier dev, holds no production data and no GPU quota.
 */
final class EnvironmentPolicies {
    private static final String STACK = "pulumi:pulumi:Stack";
    /**
     * On the project: roles/owner, roles/editor, and roles whose last word is admin (roles/storage.admin,
     * roles/compute.instanceAdmin.v1, custom ...Admin). On one resource only the escalation roles count (objectAdmin on the stack's own
     * Dataflow bucket is the worker's documented need).
     */
    private static final Pattern ADMIN_ROLE = Pattern.compile("roles/(owner|editor)|.*(\\.admin|[a-z]Admin)(\\.v[0-9]+)?");
    /** Names Headway gives a production environment's resources: hw-prod-..., hw_prod_..., -hw-prod-... */
    private static final Pattern PROD_NAME = Pattern.compile("(^|[^a-z0-9])hw[-_](prod|production|prd)[-_]");
    /** Project ids in resource names, URLs, BigQuery URIs and service account emails. */
    private static final List<Pattern> PROJECT_REFS = List.of(
            Pattern.compile("projects/([a-z][a-z0-9-]{4,28}[a-z0-9])(/|$)"),
            Pattern.compile("bq://([a-z][a-z0-9-]{4,28}[a-z0-9])\\."),
            Pattern.compile("hw-[a-z0-9-]+@([a-z][a-z0-9-]{4,28}[a-z0-9])\\.iam\\.gserviceaccount\\.com"),
            Pattern.compile("gs://([a-z][a-z0-9-]{4,28}[a-z0-9])-hw-"));

    private EnvironmentPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-ENV-001", Severity.HIGH, "a stack named like production (prod, production, prd) is prod-tier",
                        "Headway environments (conventions: the tier decides retention; issue 15: a prod stack saying dev)", (plan, f) -> {
                            if (Environments.namedLikeProd(plan.stack()) && !plan.isProd()) {
                                stack(plan).ifPresent(s -> f.flag(s, "stack " + plan.stack() + " is tier " + plan.tier()
                                        + ": its data stores are neither protected nor retained", "set headway:tier: prod in Pulumi." + plan.stack() + ".yaml"));
                            }
                        }),
                Rule.of("HW-REV-001", Severity.HIGH, "a review stack (pr-<number>) is tier dev: it is destroyed with its pull request",
                        "Headway review stacks (issue 17)", (plan, f) -> {
                            if (Environments.isReview(plan.stack()) && plan.isProd()) {
                                stack(plan).ifPresent(s -> f.flag(s, "review stack " + plan.stack() + " is prod-tier", "keep headway:tier: dev (stacks/review.template.yaml)"));
                            }
                        }),
                Rule.of("HW-REV-002", Severity.HIGH, "a review stack holds and references no production data (its own project only; no hw-prod names)",
                        "Headway review stacks (issue 17): no production data in an ephemeral stack", (plan, f) -> {
                            if (!Environments.isReview(plan.stack())) {
                                return;
                            }
                            for (PlannedResource r : plan.cloudResources()) {
                                String project = Inputs.text(r.input("project"));
                                String problem = project != null && !project.equals(plan.project())
                                        ? "is declared in project " + project + ", not the stack's own (" + plan.project() + ")"
                                        : productionReference(plan, r.inputs());
                                if (problem != null) {
                                    f.flag(r, problem, "point review stacks at their own resources (stacks/review.template.yaml), never at production");
                                }
                            }
                        }),
                Rule.of("HW-REV-003", Severity.HIGH, "a review stack has no GPU quota, no GKE and no GPU machines",
                        "Headway review stacks (issue 17): GPUs are the costly ceiling", (plan, f) -> {
                            if (!Environments.isReview(plan.stack())) {
                                return;
                            }
                            for (PlannedResource r : plan.cloudResources()) {
                                if (r.type().equals(Types.CONSUMER_QUOTA_OVERRIDE) && r.input("metric").asText("").contains("gpus")
                                        && !"0".equals(Inputs.text(r.input("overrideValue")))) {
                                    f.flag(r, "caps GPU quota at " + Inputs.text(r.input("overrideValue")) + ", not 0", "headway:training.maxGpus: 0");
                                } else if (r.type().startsWith("gcp:container/")) {
                                    f.flag(r, "is GKE in a review stack", "remove headway:training.gke");
                                } else if (!Inputs.isAbsent(r.input("guestAccelerators"))) {
                                    // VMs and templates; nodeConfig.guestAccelerators exists only on gcp:container/ types
                                    // (pulumi-gcp 7.0.0 container.inputs.*NodeConfigGuestAcceleratorArgs), flagged as GKE above
                                    f.flag(r, "attaches GPUs", "no accelerators in review stacks");
                                }
                            }
                        }),
                // The review workflow authenticates as the sandbox's deployer (review-stack.yml); a pool, a
                // provider or a key in the stack is a second way in that lives as long as the pull request's
                // code says. Types: pulumi-gcp 7.0.0 iam/WorkloadIdentityPool(Provider), serviceaccount/Key;
                // "admin" roles: https://cloud.google.com/iam/docs/roles-overview (basic roles/owner, roles/editor;
                // predefined roles/<service>.admin, <service>.<thing>Admin), project-wide, or an escalation role anywhere.
                Rule.of("HW-REV-004", Severity.HIGH, "a review stack declares no Workload Identity pool or provider, no service account key and no admin role",
                        "Headway review stacks (issue 17): CI access belongs to the sandbox, not to the pull request's stack", (plan, f) -> {
                            if (!Environments.isReview(plan.stack())) {
                                return;
                            }
                            for (PlannedResource r : plan.cloudResources()) {
                                if (r.type().startsWith("gcp:iam/workloadIdentityPool")) {
                                    f.flag(r, "declares Workload Identity federation in a review stack", "headway:ci.enabled: false (stacks/review.template.yaml)");
                                } else if (r.type().equals(Types.SERVICE_ACCOUNT_KEY)) {
                                    f.flag(r, "declares a service account key in a review stack", "no keys: the workflow federates as the sandbox's deployer");
                                }
                                boolean projectWide = Inputs.isIam(r.type()) && Inputs.module(r.type()).equals("projects");
                                for (Inputs.Grant g : Inputs.grants(r)) {
                                    if (PrivilegePolicies.ESCALATION_ROLES.contains(g.role()) || (projectWide && ADMIN_ROLE.matcher(g.role()).matches())) {
                                        f.flag(r, "grants " + g.role() + " to " + g.member() + " in a review stack",
                                                "grant the narrow role the hook or workload needs, on its resource");
                                    }
                                }
                            }
                        }));
    }

    private static Optional<PlannedResource> stack(Plan plan) {
        return plan.ofType(STACK).stream().findFirst();
    }

    /** The first production reference in {@code n}: a hw-prod name, or another project than the stack's own. */
    private static String productionReference(Plan plan, JsonNode n) {
        if (n.isContainerNode()) {
            for (JsonNode child : n) {
                String p = productionReference(plan, child);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        String s = n.asText("");
        if (PROD_NAME.matcher(s).find()) {
            return "names a production resource: " + abbreviate(s);
        }
        for (Pattern ref : PROJECT_REFS) {
            Matcher m = ref.matcher(s);
            while (m.find()) {
                if (!m.group(1).equals(plan.project())) {
                    return "references project " + m.group(1) + ", not its own (" + plan.project() + "): " + abbreviate(s);
                }
            }
        }
        return null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
