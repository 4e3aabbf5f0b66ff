package dev.headway.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.PlannedResource;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Labels on every resource whose type takes them (found from the provider's Args classes). */
final class LabelPolicies {
    static final List<String> REQUIRED = List.of("app", "env", "component", "managed-by");
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern VALUE = Pattern.compile("[a-z0-9_-]{0,63}");

    private LabelPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-LBL-001", Severity.MEDIUM, "every resource that takes labels has app=headway, env, component, managed-by=pulumi",
                        "Google guidance: labels for cost and ownership; Headway conventions (Labels.of)", (plan, f) -> {
                            String env = Inputs.env(plan);
                            for (PlannedResource r : plan.cloudResources()) {
                                Optional<String> property = LabeledTypes.labelProperty(r.type());
                                if (property.isEmpty()) {
                                    continue;
                                }
                                JsonNode labels = r.input(property.get());
                                if (Inputs.text(labels) == null && !labels.isObject() && !labels.isMissingNode() && !labels.isNull()) {
                                    continue; // unknown or secret: nothing to judge
                                }
                                List<String> missing = REQUIRED.stream().filter(k -> Inputs.isAbsent(labels.path(k))).toList();
                                String fix = "set " + property.get() + "(Labels.of(settings, \"<component>\"))";
                                if (!missing.isEmpty()) {
                                    f.flag(r, property.get() + " lack " + String.join(", ", missing), fix);
                                    continue;
                                }
                                Map<String, String> expected = Map.of("app", "headway", "managed-by", "pulumi", "env", env);
                                expected.forEach((k, v) -> {
                                    if (!v.equals(labels.path(k).asText())) {
                                        f.flag(r, property.get() + "." + k + " is \"" + labels.path(k).asText() + "\", expected \"" + v + "\"", fix);
                                    }
                                });
                            }
                        }),
                Rule.of("HW-LBL-002", Severity.LOW, "label keys and values follow Google's rules (lowercase, at most 63, at most 64 labels)",
                        "Google Cloud label requirements", (plan, f) -> {
                            for (PlannedResource r : plan.cloudResources()) {
                                Optional<String> property = LabeledTypes.labelProperty(r.type());
                                if (property.isEmpty() || !r.input(property.get()).isObject()) {
                                    continue;
                                }
                                JsonNode labels = r.input(property.get());
                                if (labels.size() > 64) {
                                    f.flag(r, "has " + labels.size() + " labels (at most 64)", "drop extra labels from headway:labels");
                                }
                                Iterator<Map.Entry<String, JsonNode>> it = labels.fields();
                                while (it.hasNext()) {
                                    Map.Entry<String, JsonNode> e = it.next();
                                    String value = Inputs.text(e.getValue());
                                    if (!KEY.matcher(e.getKey()).matches()) {
                                        f.flag(r, "label key \"" + e.getKey() + "\" breaks Google's rule " + KEY, "use lowercase letters, digits, _ and -, starting with a letter");
                                    } else if (value != null && !VALUE.matcher(value).matches()) {
                                        f.flag(r, "label " + e.getKey() + "=\"" + value + "\" breaks Google's rule " + VALUE, "use lowercase letters, digits, _ and -, at most 63");
                                    }
                                }
                            }
                        }));
    }
}
