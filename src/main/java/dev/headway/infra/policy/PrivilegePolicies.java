package dev.headway.infra.policy;

import dev.headway.infra.policy.Inputs.Grant;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.headway.infra.policy.Inputs.text;

/**
 * Privilege that holds against our own CI: no account may widen its own access, and an account that
 * code nobody reviewed can federate into (a pull request's workflow) reads no data.
 */
final class PrivilegePolicies {
    /**
     * Project-wide roles that administer identities, IAM, federation or secret payloads: whoever holds
     * one can make itself (or anyone) more powerful. Google IAM guidance ("Use IAM securely": grant
     * the role that administers IAM to as few principals as possible; serviceAccountAdmin lets a
     * holder grant itself actAs on every account: https://cloud.google.com/iam/docs/service-account-permissions).
     */
    static final Set<String> ESCALATION_ROLES = Set.of(
            "roles/iam.serviceAccountAdmin", "roles/iam.serviceAccountKeyAdmin", "roles/iam.workloadIdentityPoolAdmin",
            "roles/iam.securityAdmin", "roles/iam.roleAdmin", "roles/resourcemanager.projectIamAdmin",
            "roles/secretmanager.admin");

    /**
     * Roles that read what a data store holds (documents, rows, objects, messages, secret payloads);
     * permissions from https://cloud.google.com/iam/docs/roles-permissions (e.g. datastore.viewer holds
     * datastore.entities.get, secretmanager.admin secretmanager.versions.access).
     */
    static final Set<String> DATA_READING_ROLES = Set.of(
            "roles/datastore.viewer", "roles/datastore.user", "roles/datastore.owner", "roles/datastore.importExportAdmin",
            "roles/bigquery.dataViewer", "roles/bigquery.dataEditor", "roles/bigquery.dataOwner", "roles/bigquery.admin",
            "roles/storage.objectViewer", "roles/storage.objectUser", "roles/storage.objectAdmin", "roles/storage.admin",
            "roles/pubsub.subscriber", "roles/pubsub.editor", "roles/pubsub.admin",
            "roles/secretmanager.secretAccessor", "roles/secretmanager.admin");

    /** The principal set CiAccess binds the deployer to: tokens that passed the deploy gate (workflow, branch, environment). */
    static final String DEPLOY_GATED = "/attribute.ci_role/deploy";

    private PrivilegePolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-IAM-009", Severity.HIGH, "no project-wide role that administers accounts, IAM, federation or secret payloads",
                        "Google IAM: service account permissions (admins can grant themselves actAs); limits on granting roles "
                                + "(modifiedGrantsByRole limits roles, not members)", (plan, f) -> {
                            for (PlannedResource r : plan.where(x -> Inputs.module(x.type()).equals("projects"))) {
                                for (Grant g : Inputs.grants(r)) {
                                    if (ESCALATION_ROLES.contains(g.role())) {
                                        boolean conditioned = !Inputs.isAbsent(r.input("condition.expression"));
                                        f.flag(r, "grants " + g.role() + " on the whole project to " + g.member()
                                                        + (conditioned ? " (its condition cannot limit to whom it grants)" : "")
                                                        + ": it can widen its own access",
                                                "leave identities, IAM and federation to an owner's bootstrap (ci/CiRoles.OWNER_MANAGED), "
                                                        + "or grant a narrower role on the one resource");
                                    }
                                }
                            }
                        }),
                Rule.of("HW-IAM-010", Severity.HIGH, "accounts that CI tokens outside the deploy gate can federate into read no data",
                        "GitHub OIDC: pull_request runs execute the proposed code; Google WIF best practices (one account per "
                                + "workflow, least privilege)", (plan, f) -> {
                            Set<String> ungated = ungatedFederatedAccounts(plan);
                            for (PlannedResource r : plan.resources()) {
                                for (Grant g : Inputs.grants(r)) {
                                    if (DATA_READING_ROLES.contains(g.role()) && ungated.contains(g.member())) {
                                        f.flag(r, "grants " + g.role() + " to " + g.member()
                                                        + ", which tokens outside the deploy gate (any workflow, branch or pull request) can become",
                                                "give that account metadata-only roles (ci/CiRoles), or bind it to the deploy gate only");
                                    }
                                }
                            }
                        }));
    }

    /** {@code serviceAccount:<email>} of accounts bound to a federated principal set other than the deploy gate. */
    private static Set<String> ungatedFederatedAccounts(dev.headway.infra.synth.Plan plan) {
        Set<String> out = new HashSet<>();
        for (PlannedResource r : plan.ofType(Types.SERVICE_ACCOUNT_IAM_MEMBER)) {
            String member = text(r.input("member"));
            String account = text(r.input("serviceAccountId"));
            if (!"roles/iam.workloadIdentityUser".equals(text(r.input("role"))) || member == null || account == null
                    || !(member.startsWith("principalSet://") || member.startsWith("principal://")) || member.endsWith(DEPLOY_GATED)) {
                continue;
            }
            out.add("serviceAccount:" + account.substring(account.lastIndexOf('/') + 1));
        }
        return out;
    }
}
