package dev.headway.infra.policy;

/** How bad a violation is: HIGH opens the platform to attack or loses data; LOW is hygiene. */
public enum Severity {
    HIGH, MEDIUM, LOW
}
