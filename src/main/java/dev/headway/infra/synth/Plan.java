package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What a stack declares: every registered resource (sorted by URN) and the stack outputs. */
public record Plan(String stack, String project, List<PlannedResource> resources, Map<String, JsonNode> outputs) {

    public List<PlannedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Optional<PlannedResource> find(String type, String name) {
        return resources.stream().filter(r -> r.type().equals(type) && r.name().equals(name)).findFirst();
    }

    /** The resource of this type and name; fails with the names that do exist, for tests and policies. */
    public PlannedResource get(String type, String name) {
        return find(type, name).orElseThrow(() -> new IllegalArgumentException("no " + type + " named " + name
                + "; there are: " + ofType(type).stream().map(PlannedResource::name).toList()));
    }

    public Optional<PlannedResource> byUrn(String urn) {
        return resources.stream().filter(r -> r.urn().equals(urn)).findFirst();
    }

    public List<PlannedResource> where(Predicate<PlannedResource> p) {
        return resources.stream().filter(p).toList();
    }

    /**
     * The plan's tier: the {@code tier} stack output ({@code dev} or {@code prod}); a plan made before
     * tiers existed has only {@code env}, which was {@code dev} or {@code prod}. The one reading of
     * "is this prod?" for a plan (policies, the pull-request view).
     */
    public String tier() {
        JsonNode tier = outputs == null ? null : outputs.get("tier");
        if (tier != null && tier.isTextual()) {
            return tier.textValue();
        }
        JsonNode env = outputs == null ? null : outputs.get("env");
        String name = env != null && env.isTextual() ? env.textValue() : stack;
        return "prod".equals(name) ? "prod" : "dev";
    }

    public boolean isProd() {
        return "prod".equals(tier());
    }

    /** The custom (cloud) resources, without components and the stack. */
    public List<PlannedResource> cloudResources() {
        return where(PlannedResource::custom);
    }

    /** The nearest component ancestor's name, or "stack" for top-level resources. */
    public String componentOf(PlannedResource r) {
        String parent = r.parent();
        while (parent != null && !parent.isEmpty()) {
            Optional<PlannedResource> p = byUrn(parent);
            if (p.isEmpty()) {
                break;
            }
            if (!p.get().custom() && !p.get().type().equals("pulumi:pulumi:Stack")) {
                return p.get().name();
            }
            parent = p.get().parent();
        }
        return "stack";
    }
}
