package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Estimates {@code pulumi up} wall time (create from empty) from the recorded graph. Every edge is classified
 * by why it exists ({@link Why}); three schedules are computed over the same create times:
 *
 * <ul>
 *   <li>serial: one operation at a time ({@code --parallel 1});</li>
 *   <li>estimate: every edge, at Pulumi's default parallelism (each resource starts when its dependencies are
 *       done), with IAM policy changes serialized per policy as the provider does;</li>
 *   <li>floor: only the edges Google Cloud itself imposes, a value flowing ({@link Why#VALUE}) or an API that
 *       must be on ({@link Why#API}); the same IAM serialization. A grant or ordering edge that lengthens
 *       the deploy shows as the gap between the estimate and the floor; {@code floorWithGrants} adds the
 *       grant edges, which one {@code up} needs to converge (workloads start with their access), so what
 *       remains above it is ordering only.</li>
 * </ul>
 *
 * <p>IAM serialization: terraform-provider-google-beta v5.0.0 (which pulumi-gcp 7.0.0 bridges) wraps every
 * IAM member create in a read-modify-write of the whole policy under a process-wide mutex
 * ({@code google-beta/tpgiamresource/iam.go}, {@code iamPolicyReadModifyWrite}: {@code MutexStore.Lock(
 * updater.GetMutexKey())}), keyed by the resource whose policy it is: {@code iam-project-<project>} for project
 * IAM ({@code google-beta/services/resourcemanager/iam_project.go}, {@code getProjectIamPolicyMutexKey}),
 * {@code iam-storage-bucket-<bucket>}, {@code iam-service-account-<id>} and so on. So two IAM members on the
 * same policy never overlap, however many the engine starts at once. The key here is the member's type and its
 * inputs other than role, member and condition (the resource it grants on).
 */
public final class DeployTime {

    /** Why an edge exists. */
    public enum Why {
        /** A value flows: an input of the dependent comes from an output of the dependency (or its provider). */
        VALUE,
        /** The dependency is an API's enablement, which must be on before its resources can be created. */
        API,
        /** The dependency is an account, a service agent or a grant that a workload must have when it starts. */
        GRANT,
        /** Ordering only: nothing flows and Google Cloud does not require it. */
        ORDERING
    }

    public record Edge(PlannedResource from, PlannedResource to, Why why) {
    }

    /** One step of a path: the resource, and what it waited for last (an edge class, "iam lock", or nothing). */
    public record Step(PlannedResource resource, String waitedFor, double finish) {
    }

    public record Estimate(double serialSeconds, double estimateSeconds, double floorSeconds, double floorWithGrantsSeconds,
                           List<Step> criticalPath, List<Step> floorPath, List<Edge> edges) {

        public double ratioToFloor() {
            return floorSeconds == 0 ? 1 : estimateSeconds / floorSeconds;
        }

        public double speedupOverSerial() {
            return estimateSeconds == 0 ? 1 : serialSeconds / estimateSeconds;
        }

        public Map<Why, Long> edgeCounts() {
            Map<Why, Long> counts = new TreeMap<>();
            for (Why w : Why.values()) {
                counts.put(w, edges.stream().filter(e -> e.why() == w).count());
            }
            return counts;
        }

        public List<Edge> ordering() {
            return edges.stream().filter(e -> e.why() == Why.ORDERING).toList();
        }
    }

    private static final Set<String> GRANT_TYPES = Set.of(
            Types.PROJECT_SERVICE_IDENTITY,
            Types.SERVICE_ACCOUNT);
    private static final Set<String> NOT_THE_TARGET = Set.of("role", "member", "condition");

    private final Plan plan;
    private final CreateTimes times;
    private final Map<String, PlannedResource> byUrn = new HashMap<>();
    private final Map<String, List<Edge>> incoming = new HashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    private DeployTime(Plan plan, CreateTimes times) {
        this.plan = plan;
        this.times = times;
        plan.resources().forEach(r -> byUrn.put(r.urn(), r));
        for (PlannedResource r : plan.cloudResources()) {
            Set<String> viaInputs = r.propertyDependencies().values().stream().flatMap(List::stream).collect(Collectors.toSet());
            Map<String, Edge> in = new java.util.LinkedHashMap<>();
            for (String dep : r.dependsOn()) {
                for (PlannedResource target : customResourcesUnder(dep)) {
                    in.putIfAbsent(target.urn(), new Edge(target, r, viaInputs.contains(dep) ? Why.VALUE : classify(target)));
                }
            }
            PlannedResource provider = byUrn.get(r.providerUrn());
            if (provider != null && provider.custom()) {
                // the engine configures an explicit provider from its inputs before any resource that uses it
                in.put(provider.urn(), new Edge(provider, r, Why.VALUE));
            }
            incoming.put(r.urn(), List.copyOf(in.values()));
            edges.addAll(in.values());
        }
    }

    public static Estimate estimate(Plan plan, CreateTimes times) {
        return new DeployTime(plan, times).run();
    }

    /** The class of an explicit (not through an input) dependency on {@code target}. */
    static Why classify(PlannedResource target) {
        if (target.type().equals(Types.PROJECT_SERVICE)) {
            return Why.API;
        }
        if (GRANT_TYPES.contains(target.type()) || isIamMember(target)) {
            return Why.GRANT;
        }
        return Why.ORDERING;
    }

    static boolean isIamMember(PlannedResource r) {
        return r.type().toLowerCase(java.util.Locale.ROOT).endsWith("iammember");
    }

    /** The provider's IAM mutex key: whose policy this member changes; empty for everything else. */
    static String lockKey(PlannedResource r) {
        if (!isIamMember(r)) {
            return "";
        }
        StringBuilder key = new StringBuilder(r.type());
        r.inputs().fields().forEachRemaining(f -> {
            if (!NOT_THE_TARGET.contains(f.getKey())) {
                key.append(' ').append(f.getKey()).append('=').append(text(f.getValue()));
            }
        });
        return key.toString();
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.textValue() : n.toString();
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
        double serial = plan.cloudResources().stream().mapToDouble(times::of).sum();
        Schedule all = schedule(EnumSet.allOf(Why.class));
        Schedule floor = schedule(EnumSet.of(Why.VALUE, Why.API));
        Schedule grants = schedule(EnumSet.of(Why.VALUE, Why.API, Why.GRANT));
        return new Estimate(serial, all.total, floor.total, grants.total, all.path(), floor.path(), List.copyOf(edges));
    }

    private final class Schedule {
        final Map<String, Double> finish = new HashMap<>();
        final Map<String, String> after = new HashMap<>();
        final Map<String, String> waitedFor = new HashMap<>();
        double total;

        List<Step> path() {
            String last = finish.entrySet().stream().max(Map.Entry.<String, Double>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey())).map(Map.Entry::getKey).orElse(null);
            List<Step> path = new ArrayList<>();
            for (String u = last; u != null; u = after.get(u)) {
                path.add(new Step(byUrn.get(u), waitedFor.getOrDefault(u, ""), finish.get(u)));
            }
            Collections.reverse(path);
            return path;
        }
    }

    /**
     * List scheduling over the edges of the given classes: a resource is ready when those dependencies are done,
     * and starts when ready unless another member of the same IAM policy holds the provider's lock; then it starts
     * when the lock is released (first ready, first served).
     */
    private Schedule schedule(Set<Why> kept) {
        Schedule s = new Schedule();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<Edge>> outgoing = new HashMap<>();
        Map<String, Double> ready = new HashMap<>();
        for (PlannedResource r : plan.cloudResources()) {
            int n = 0;
            for (Edge e : incoming.get(r.urn())) {
                if (kept.contains(e.why())) {
                    n++;
                    outgoing.computeIfAbsent(e.from().urn(), k -> new ArrayList<>()).add(e);
                }
            }
            waiting.put(r.urn(), n);
            ready.put(r.urn(), 0.0);
        }
        record Ready(double at, String urn) {
        }
        PriorityQueue<Ready> queue = new PriorityQueue<>(java.util.Comparator.comparingDouble(Ready::at).thenComparing(Ready::urn));
        waiting.forEach((u, n) -> {
            if (n == 0) {
                queue.add(new Ready(0, u));
            }
        });
        Map<String, Double> lockFree = new HashMap<>();
        Map<String, String> lockHolder = new HashMap<>();
        int done = 0;
        while (!queue.isEmpty()) {
            Ready next = queue.poll();
            PlannedResource r = byUrn.get(next.urn());
            String key = lockKey(r);
            double start = next.at();
            if (!key.isEmpty() && lockFree.getOrDefault(key, 0.0) > start) {
                start = lockFree.get(key);
                s.after.put(r.urn(), lockHolder.get(key));
                s.waitedFor.put(r.urn(), "iam lock");
            }
            double end = start + times.of(r);
            if (!key.isEmpty()) {
                lockFree.put(key, end);
                lockHolder.put(key, r.urn());
            }
            s.finish.put(r.urn(), end);
            done++;
            for (Edge e : outgoing.getOrDefault(r.urn(), List.of())) {
                String d = e.to().urn();
                if (!s.after.containsKey(d) || end > ready.get(d)) {
                    ready.put(d, end);
                    s.after.put(d, r.urn());
                    s.waitedFor.put(d, e.why().name().toLowerCase(java.util.Locale.ROOT));
                }
                if (waiting.merge(d, -1, Integer::sum) == 0) {
                    queue.add(new Ready(ready.get(d), d));
                }
            }
        }
        if (done != plan.cloudResources().size()) {
            throw new IllegalStateException("the dependency graph has a cycle");
        }
        s.total = s.finish.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return s;
    }
}
