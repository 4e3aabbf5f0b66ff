package dev.headway.infra.policy;

import dev.headway.infra.synth.TypeNames;

/**
 * One resource breaking one policy: the resource (type and name), the policy, what is wrong and how
 * to fix it. {@link #line()} is what {@code check} prints.
 */
public record Violation(String policy, Severity severity, String type, String name, String urn, String problem, String fix) {

    public String line() {
        return policy + " " + severity + " " + TypeNames.shortName(type) + " " + name + ": " + problem + "; fix: " + fix;
    }
}
