package dev.headway.infra.policy;

import dev.headway.infra.synth.Plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every policy, by family. {@code check} runs them all over a synthesized plan. */
public final class PolicySuite {
    private final List<Policy> policies;

    private PolicySuite(List<Policy> policies) {
        this.policies = List.copyOf(policies);
    }

    public static PolicySuite standard() {
        List<Policy> all = new ArrayList<>();
        all.addAll(IamPolicies.all());
        all.addAll(PrivilegePolicies.all());
        all.addAll(StoragePolicies.all());
        all.addAll(ComputePolicies.all());
        all.addAll(NetworkPolicies.all());
        all.addAll(DataPolicies.all());
        all.addAll(PubSubPolicies.all());
        all.addAll(DataflowPolicies.all());
        all.addAll(GkePolicies.all());
        all.addAll(ArtifactPolicies.all());
        all.addAll(LabelPolicies.all());
        all.addAll(RetentionPolicies.all());
        all.addAll(NamingPolicies.all());
        all.addAll(ProviderPolicies.all());
        all.addAll(LifecyclePolicies.all());
        all.addAll(EnvironmentPolicies.all());
        return new PolicySuite(all);
    }

    public List<Policy> policies() {
        return policies;
    }

    public Optional<Policy> byId(String id) {
        return policies.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** All violations, ordered by severity, policy id, resource type and name. */
    public List<Violation> check(Plan plan) {
        List<Violation> out = new ArrayList<>();
        for (Policy p : policies) {
            out.addAll(p.check(plan));
        }
        out.sort(Comparator.comparing(Violation::severity).thenComparing(Violation::policy)
                .thenComparing(Violation::type).thenComparing(Violation::name));
        return List.copyOf(out);
    }
}
