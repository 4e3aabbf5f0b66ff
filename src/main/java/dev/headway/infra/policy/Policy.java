package dev.headway.infra.policy;

import dev.headway.infra.synth.Plan;

import java.util.List;

/**
 * One rule over a synthesized {@link Plan}. Policies read only what the program sent the engine
 * (types, inputs, protect, retainOnDelete, dependencies), so they judge the plan a reviewer sees.
 */
public interface Policy {
    /** Stable id such as {@code HW-IAM-001}; the family is the middle part. */
    String id();

    Severity severity();

    /** What the policy guards, in one line ({@code check --list}). */
    String guards();

    /** Where the rule comes from: a CIS Google Cloud Foundations Benchmark item or Google's guidance. */
    String reference();

    /** Every violation in the plan; empty when it passes. */
    List<Violation> check(Plan plan);
}
