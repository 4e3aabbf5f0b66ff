package dev.headway.infra.policy;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;

import java.util.ArrayList;
import java.util.List;

/** A policy written as a lambda over the plan that flags resources; the families are lists of these. */
record Rule(String id, Severity severity, String guards, String reference, Body body) implements Policy {

    @FunctionalInterface
    interface Body {
        void run(Plan plan, Findings findings);
    }

    static Rule of(String id, Severity severity, String guards, String reference, Body body) {
        return new Rule(id, severity, guards, reference, body);
    }

    @Override
    public List<Violation> check(Plan plan) {
        Findings findings = new Findings(this);
        body.run(plan, findings);
        return findings.list();
    }

    /** Collects the violations one policy finds. */
    static final class Findings {
        private final Policy policy;
        private final List<Violation> list = new ArrayList<>();

        Findings(Policy policy) {
            this.policy = policy;
        }

        void flag(PlannedResource r, String problem, String fix) {
            list.add(new Violation(policy.id(), policy.severity(), r.type(), r.name(), r.urn(), problem, fix));
        }

        List<Violation> list() {
            return List.copyOf(list);
        }
    }
}
