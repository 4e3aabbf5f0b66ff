package dev.headway.infra.synth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Estimates {@code pulumi up} wall time from the recorded graph: serial (one operation at a time),
 * at Pulumi's default parallelism (unbounded: each resource starts when its dependencies are done),
 * and the floor: the longest chain over only the dependencies that cannot be removed.
 *
 * <p>Irremovable: every property dependency (a value flows from one resource into the other), and
 * explicit dependencies on what must exist first for Google Cloud to accept a create: an API's
 * enablement, a service account or a grant it needs (a workload starting with the access it needs),
 * a service agent. Every other explicit dependency is a candidate to remove.
 */
public final class DeployTime {
    private static final Set<String> ORDERING_TYPES = Set.of(
            "gcp:projects/service:Service",
            "gcp:projects/serviceIdentity:ServiceIdentity",
            "gcp:serviceaccount/account:Account");

    public record Edge(PlannedResource from, PlannedResource to, boolean required) {
    }

    public record Estimate(double serialSeconds, double defaultSeconds, double floorSeconds,
                           List<PlannedResource> criticalPath, List<PlannedResource> floorPath, List<Edge> removableOnPath) {
        public double ratioToFloor() {
            return floorSeconds == 0 ? 1 : defaultSeconds / floorSeconds;
        }

        public double speedupOverSerial() {
            return defaultSeconds == 0 ? 1 : serialSeconds / defaultSeconds;
        }
    }

    private final Plan plan;
    private final CreateTimes times;
    private final Map<String, PlannedResource> byUrn = new HashMap<>();
    private final Map<String, List<Edge>> incoming = new HashMap<>();

    private DeployTime(Plan plan, CreateTimes times) {
        this.plan = plan;
        this.times = times;
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        for (PlannedResource r : plan.cloudResources()) {
            Set<String> viaInputs = new LinkedHashSet<>();
            r.propertyDependencies().values().forEach(viaInputs::addAll);
            List<Edge> edges = new ArrayList<>();
            for (String dep : r.dependsOn()) {
                boolean fromInput = viaInputs.contains(dep);
                for (PlannedResource target : customResourcesUnder(dep)) {
                    edges.add(new Edge(target, r, fromInput || isRequiredOrdering(target)));
                }
            }
            incoming.put(r.urn(), edges);
        }
    }

    public static Estimate estimate(Plan plan, CreateTimes times) {
        return new DeployTime(plan, times).run();
    }

    private static boolean isRequiredOrdering(PlannedResource target) {
        return ORDERING_TYPES.contains(target.type()) || target.type().toLowerCase().endsWith("iammember");
    }

    /** A dependency on a component means waiting for every custom resource under it. */
    private List<PlannedResource> customResourcesUnder(String urn) {
        PlannedResource r = byUrn.get(urn);
        if (r == null) {
            return List.of();
        }
        if (r.custom()) {
            return List.of(r);
        }
        List<PlannedResource> out = new ArrayList<>();
        for (PlannedResource child : plan.resources()) {
            if (urn.equals(child.parent())) {
                out.addAll(customResourcesUnder(child.urn()));
            }
        }
        return out;
    }

    private Estimate run() {
        List<PlannedResource> order = topological();
        double serial = order.stream().mapToDouble(times::of).sum();
        Map<String, Double> finishAll = new HashMap<>();
        Map<String, Double> finishRequired = new HashMap<>();
        Map<String, Edge> viaAll = new HashMap<>();
        Map<String, Edge> viaRequired = new HashMap<>();
        for (PlannedResource r : order) {
            double startAll = 0;
            double startReq = 0;
            for (Edge e : incoming.getOrDefault(r.urn(), List.of())) {
                double fa = finishAll.get(e.from().urn());
                if (fa > startAll) {
                    startAll = fa;
                    viaAll.put(r.urn(), e);
                }
                if (e.required()) {
                    double fr = finishRequired.get(e.from().urn());
                    if (fr > startReq) {
                        startReq = fr;
                        viaRequired.put(r.urn(), e);
                    }
                }
            }
            finishAll.put(r.urn(), startAll + times.of(r));
            finishRequired.put(r.urn(), startReq + times.of(r));
        }
        List<PlannedResource> critical = path(finishAll, viaAll);
        List<PlannedResource> floor = path(finishRequired, viaRequired);
        List<Edge> removable = new ArrayList<>();
        for (PlannedResource r : critical) {
            Edge e = viaAll.get(r.urn());
            if (e != null && !e.required()) {
                removable.add(e);
            }
        }
        double total = finishAll.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double floorTotal = finishRequired.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new Estimate(serial, total, floorTotal, critical, floor, removable);
    }

    private List<PlannedResource> path(Map<String, Double> finish, Map<String, Edge> via) {
        String last = finish.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
        List<PlannedResource> path = new ArrayList<>();
        for (String u = last; u != null; u = via.containsKey(u) ? via.get(u).from().urn() : null) {
            path.add(byUrn.get(u));
        }
        Collections.reverse(path);
        return path;
    }

    private List<PlannedResource> topological() {
        Map<String, Integer> indegree = new HashMap<>();
        Map<String, List<PlannedResource>> dependents = new HashMap<>();
        for (PlannedResource r : plan.cloudResources()) {
            indegree.putIfAbsent(r.urn(), 0);
            for (Edge e : incoming.get(r.urn())) {
                indegree.merge(r.urn(), 1, Integer::sum);
                dependents.computeIfAbsent(e.from().urn(), k -> new ArrayList<>()).add(r);
            }
        }
        PriorityQueue<String> ready = new PriorityQueue<>();
        indegree.forEach((u, n) -> {
            if (n == 0) {
                ready.add(u);
            }
        });
        List<PlannedResource> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String u = ready.poll();
            out.add(byUrn.get(u));
            for (PlannedResource d : dependents.getOrDefault(u, List.of())) {
                if (indegree.merge(d.urn(), -1, Integer::sum) == 0) {
                    ready.add(d.urn());
                }
            }
        }
        if (out.size() != plan.cloudResources().size()) {
            throw new IllegalStateException("the dependency graph has a cycle");
        }
        return out;
    }
}
