package dev.headway.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Small hand-made plans and edits of synthesized ones, for diff and cost tests. */
public final class CraftedPlans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CraftedPlans() {
    }

    public static String urn(String stack, String type, String name) {
        return "urn:pulumi:" + stack + "::headway::" + type + "::" + name;
    }

    /** A component resource (what {@code Plan.componentOf} reports). */
    public static PlannedResource component(String stack, String type, String name) {
        return new PlannedResource(urn(stack, type, name), type, name, "", false, List.of(), Map.of(), false, false, JSON.createObjectNode());
    }

    /** A cloud resource under {@code parent}, inputs as JSON text. */
    public static PlannedResource resource(String stack, PlannedResource parent, String type, String name, String inputs,
                                           boolean keep, String... dependsOn) {
        try {
            JsonNode in = JSON.readTree(inputs);
            return new PlannedResource(parent.urn() + "$" + type + "::" + name, type, name, parent.urn(), true,
                    List.of(dependsOn), Map.of(), keep, keep, in);
        } catch (Exception e) {
            throw new IllegalArgumentException(inputs, e);
        }
    }

    public static Plan plan(String stack, List<PlannedResource> resources) {
        return new Plan(stack, "headway-" + stack, List.copyOf(resources), Map.of());
    }

    public static Plan plus(Plan plan, PlannedResource... added) {
        List<PlannedResource> all = new ArrayList<>(plan.resources());
        all.addAll(List.of(added));
        return new Plan(plan.stack(), plan.project(), all, plan.outputs());
    }

    public static Plan without(Plan plan, String urn) {
        return new Plan(plan.stack(), plan.project(), plan.resources().stream().filter(r -> !r.urn().equals(urn)).toList(), plan.outputs());
    }
}
