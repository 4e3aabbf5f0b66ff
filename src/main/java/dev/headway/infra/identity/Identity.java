package dev.headway.infra.identity;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.projects.inputs.IAMMemberConditionArgs;
import com.pulumi.gcp.serviceaccount.Account;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One workload's service account, and every grant made to it. Components grant access through
 * their own intent methods ({@code feed.grantPublish(poller)}), which record the grant here, so a
 * workload can depend on its account and on all of its grants ({@link #readiness()}) and start with
 * the access it needs on the first {@code up}.
 */
public final class Identity {
    /** Basic roles are never granted (CIS GCP 1.5, 1.6). */
    static final Set<String> PRIMITIVE_ROLES = Set.of("roles/owner", "roles/editor", "roles/viewer");

    private final Workload workload;
    private final Account account;
    private final String project;
    private final Resource parent;
    private final Resource resourceManagerApi;
    private final List<Resource> grants = new ArrayList<>();

    Identity(Workload workload, Account account, String project, Resource parent, Resource resourceManagerApi) {
        this.workload = workload;
        this.account = account;
        this.project = project;
        this.parent = parent;
        this.resourceManagerApi = resourceManagerApi;
    }

    public Workload workload() {
        return workload;
    }

    public Output<String> email() {
        return account.email();
    }

    /** {@code serviceAccount:<email>}, for IAM members. */
    public Output<String> member() {
        return account.email().applyValue(e -> "serviceAccount:" + e);
    }

    /** The account's resource name ({@code projects/p/serviceAccounts/e}), for account-level IAM. */
    public Output<String> name() {
        return account.name();
    }

    public Account account() {
        return account;
    }

    /**
     * Records a grant made on some resource to this identity; call from a component's intent method.
     */
    public <R extends Resource> R recordGrant(R grant) {
        grants.add(grant);
        return grant;
    }

    /**
     * A project-level role, for the few roles that have no narrower scope (a Dataflow worker, a
     * metric writer). Anything with a resource to scope to is granted on that resource instead.
     */
    public IAMMember grantProjectRole(String role, String why) {
        String name = "hw-" + workload.purpose() + "-" + role.substring(role.indexOf('/') + 1).replace('.', '-');
        return grantProjectRole(name, role, null, parent);
    }

    /**
     * A project-level role limited by an IAM condition (a role whose resources cannot hold IAM
     * themselves, such as Firestore databases), declared as a child of {@code owner}.
     */
    public IAMMember grantProjectRole(String name, String role, @Nullable IAMMemberConditionArgs condition, Resource owner) {
        if (PRIMITIVE_ROLES.contains(role)) {
            throw new IllegalArgumentException("basic role " + role + " is never granted; use a predefined role");
        }
        // project IAM is read and written through the Resource Manager API: wait for its enablement
        IAMMemberArgs.Builder args = IAMMemberArgs.builder().project(project).role(role).member(member());
        if (condition != null) {
            args.condition(condition);
        }
        return recordGrant(new IAMMember(name, args.build(),
                CustomResourceOptions.builder().parent(owner).dependsOn(resourceManagerApi).build()));
    }

    /**
     * A project custom role granted on the project. IAM refuses a binding to a role that does not exist, so the
     * role name flows from the role resource (a value edge: the grant is created after the role, whatever the
     * call order); {@code roleName} is {@code projects/<project>/roles/<roleId>}, as the plan shows it.
     */
    public IAMMember grantCustomRole(String name, com.pulumi.gcp.projects.IAMCustomRole role, String roleName, Resource owner) {
        IAMMemberArgs args = IAMMemberArgs.builder().project(project)
                .role(role.roleId().applyValue(id -> roleName)).member(member()).build();
        return recordGrant(new IAMMember(name, args,
                CustomResourceOptions.builder().parent(owner).dependsOn(resourceManagerApi).build()));
    }

    /** The account and every grant recorded so far: what a workload running as it depends on. */
    public List<Resource> readiness() {
        List<Resource> all = new ArrayList<>(grants);
        all.add(0, account);
        return List.copyOf(all);
    }
}
