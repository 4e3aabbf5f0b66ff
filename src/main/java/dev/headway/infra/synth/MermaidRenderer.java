package dev.headway.infra.synth;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dependency graph as a Mermaid flowchart: components as subgraphs, an arrow from each
 * resource to the resources that depend on it.
 */
public final class MermaidRenderer {
    private MermaidRenderer() {
    }

    public static String render(Plan plan) {
        return render(plan, plan.cloudResources(), Map.of());
    }

    /**
     * Renders {@code shown} resources only, with edges among them; {@code classes} maps a URN to a
     * Mermaid class name (added, changed, removed) declared with a style.
     */
    public static String render(Plan plan, Collection<PlannedResource> shown, Map<String, String> classes) {
        Map<String, String> ids = new LinkedHashMap<>();
        int i = 0;
        for (PlannedResource r : shown) {
            ids.put(r.urn(), "r" + i++);
        }
        Map<String, List<PlannedResource>> byComponent = new TreeMap<>();
        for (PlannedResource r : shown) {
            byComponent.computeIfAbsent(plan.componentOf(r), k -> new java.util.ArrayList<>()).add(r);
        }
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        byComponent.forEach((component, resources) -> {
            sb.append("  subgraph ").append(safeId(component)).append("[\"").append(label(component)).append("\"]\n");
            for (PlannedResource r : resources) {
                sb.append("    ").append(ids.get(r.urn())).append("[\"").append(label(TypeNames.shortName(r.type())))
                        .append("<br/>").append(label(r.name())).append("\"]\n");
            }
            sb.append("  end\n");
        });
        Set<String> edges = new TreeSet<>();
        for (PlannedResource r : shown) {
            for (String dep : r.dependsOn()) {
                if (ids.containsKey(dep)) {
                    edges.add("  " + ids.get(dep) + " --> " + ids.get(r.urn()) + "\n");
                }
            }
        }
        edges.forEach(sb::append);
        if (!classes.isEmpty()) {
            sb.append("  classDef added fill:#d4f7d4,stroke:#2a7d2a\n");
            sb.append("  classDef changed fill:#fff3c4,stroke:#a67c00\n");
            sb.append("  classDef removed fill:#f7d4d4,stroke:#a12a2a,stroke-dasharray:4\n");
            sb.append("  classDef replaced fill:#f9d9b8,stroke:#b25a00\n");
            new TreeMap<>(classes).forEach((urn, cls) -> {
                if (ids.containsKey(urn)) {
                    sb.append("  class ").append(ids.get(urn)).append(' ').append(cls).append('\n');
                }
            });
        }
        return sb.toString();
    }

    private static String safeId(String s) {
        return "c_" + s.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String label(String s) {
        return s.replace("\"", "#quot;");
    }
}
