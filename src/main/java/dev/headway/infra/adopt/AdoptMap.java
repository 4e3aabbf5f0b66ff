package dev.headway.infra.adopt;

import dev.headway.infra.config.ConfigError;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code headway:adopt} checked against the stack's plan: each key names one resource of the plan whose type
 * is imported by name, and each value has the shape Google allows for that type's names. The loader has
 * already checked the map's own shape ({@code SettingsLoader}); this needs the plan, so it runs after synth.
 */
public final class AdoptMap {
    private AdoptMap() {
    }

    /** Plan resource to the existing name it adopts; a {@link ConfigError} (exit 2) naming the key otherwise. */
    public static Map<PlannedResource, String> resolve(Plan plan, Map<String, String> adopt, ImportIds ids) {
        Map<PlannedResource, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : new TreeMap<>(adopt).entrySet()) {
            String key = "headway:adopt." + e.getKey();
            List<PlannedResource> named = plan.where(r -> r.custom() && r.name().equals(e.getKey()));
            if (named.isEmpty()) {
                throw new ConfigError(key, "a resource name of the " + plan.stack() + " plan"
                        + suggestion(plan, e.getKey()), "\"" + e.getKey() + "\" (no resource has it)");
            }
            if (named.size() > 1) {
                throw new ConfigError(key, "a name that one resource of the plan has", "\"" + e.getKey() + "\", which "
                        + named.size() + " resources share (" + named.stream().map(PlannedResource::type).toList() + ")");
            }
            PlannedResource r = named.get(0);
            ImportIds.Rule rule = ids.rule(r.type()).orElseThrow();
            if (rule.mode() != ImportIds.Mode.IMPORT || rule.nameInput() == null) {
                throw new ConfigError(key, "a resource that is imported by name; " + r.type() + " is "
                        + (rule.mode() == ImportIds.Mode.IMPORT ? "found by Google's own id" : "not imported (" + rule.why() + ")"),
                        "\"" + e.getKey() + "\"");
            }
            if (!rule.shape().matcher(e.getValue()).matches()) {
                throw new ConfigError(key, "a " + r.type() + " name matching " + rule.shape().pattern() + " (" + rule.shapeSource() + ")",
                        "\"" + e.getValue() + "\"");
            }
            out.put(r, e.getValue());
        }
        return out;
    }

    private static String suggestion(Plan plan, String given) {
        return plan.where(PlannedResource::custom).stream().map(PlannedResource::name)
                .filter(n -> n.contains(given) || given.contains(n)).findFirst()
                .map(n -> ", did you mean " + n + "?").orElse(" (synth " + plan.stack() + " lists them)");
    }
}
