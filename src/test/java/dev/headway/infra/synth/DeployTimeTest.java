package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployTimeTest {
    private static final String ROOT = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
    private static final String SERVICE = "gcp:projects/service:Service";
    private static final String NETWORK = "gcp:compute/network:Network";
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String BUCKET = "gcp:storage/bucket:Bucket";
    private static final String ACCOUNT = "gcp:serviceaccount/account:Account";
    private static final String PROJECT_MEMBER = "gcp:projects/iAMMember:IAMMember";
    private static final CreateTimes TIMES = new CreateTimes("test", 1,
            Map.of(SERVICE, 40.0, NETWORK, 20.0, CLUSTER, 500.0, BUCKET, 3.0, ACCOUNT, 5.0, PROJECT_MEMBER, 10.0), Map.of());

    private static PlannedResource res(String type, String name, List<String> explicit, Map<String, List<String>> viaInputs) {
        return res(type, name, explicit, viaInputs, JsonNodeFactory.instance.objectNode());
    }

    private static PlannedResource res(String type, String name, List<String> explicit, Map<String, List<String>> viaInputs, JsonNode inputs) {
        List<String> all = new ArrayList<>(explicit);
        viaInputs.values().forEach(all::addAll);
        return new PlannedResource(urn(type, name), type, name, ROOT, true, all, viaInputs, false, false, inputs);
    }

    private static String urn(String type, String name) {
        return "urn:pulumi:s::p::" + type + "::" + name;
    }

    private static PlannedResource member(String name, String project, List<String> explicit) {
        ObjectNode in = JsonNodeFactory.instance.objectNode().put("project", project).put("role", "roles/" + name)
                .put("member", "serviceAccount:x@" + project + ".iam.gserviceaccount.com");
        return res(PROJECT_MEMBER, name, explicit, Map.of(), in);
    }

    private static Plan plan(PlannedResource... resources) {
        return new Plan("s", "p", List.of(resources), Map.of());
    }

    @Test
    void eachEdgeIsClassifiedByWhyItExists() {
        String api = urn(SERVICE, "api-container");
        String bucket = urn(BUCKET, "logs");
        String account = urn(ACCOUNT, "gke-nodes");
        Plan plan = plan(
                res(SERVICE, "api-container", List.of(), Map.of()),
                res(BUCKET, "logs", List.of(), Map.of()),
                res(ACCOUNT, "gke-nodes", List.of(), Map.of()),
                res(NETWORK, "vpc", List.of(api), Map.of()),
                res(CLUSTER, "gke", List.of(api, bucket, account), Map.of("network", List.of(urn(NETWORK, "vpc")))));
        DeployTime.Estimate e = DeployTime.estimate(plan, TIMES);
        assertEquals(Map.of(DeployTime.Why.VALUE, 1L, DeployTime.Why.API, 2L, DeployTime.Why.GRANT, 1L, DeployTime.Why.ORDERING, 1L),
                e.edgeCounts());
        assertEquals(List.of("gke waits for logs"), e.ordering().stream().map(x -> x.to().name() + " waits for " + x.from().name()).toList());
    }

    @Test
    void serialSumsEstimateFollowsEveryEdgeFloorOnlyValuesAndEnablement() {
        String api = urn(SERVICE, "api-container");
        String bucket = urn(BUCKET, "logs");
        String account = urn(ACCOUNT, "gke-nodes");
        CreateTimes slow = new CreateTimes("test", 1, Map.of(SERVICE, 40.0, NETWORK, 20.0, CLUSTER, 500.0, BUCKET, 100.0,
                ACCOUNT, 70.0), Map.of());
        Plan plan = plan(
                res(SERVICE, "api-container", List.of(), Map.of()),
                res(BUCKET, "logs", List.of(), Map.of()),
                res(ACCOUNT, "gke-nodes", List.of(), Map.of()),
                // waits for the API (required), the account (a grant) and, needlessly, a bucket
                res(NETWORK, "vpc", List.of(api, bucket, account), Map.of()),
                res(CLUSTER, "gke", List.of(), Map.of("network", List.of(urn(NETWORK, "vpc")))));
        DeployTime.Estimate e = DeployTime.estimate(plan, slow);
        assertEquals(40 + 100 + 70 + 20 + 500, e.serialSeconds());
        assertEquals(100 + 20 + 500, e.estimateSeconds());
        assertEquals(70 + 20 + 500, e.floorWithGrantsSeconds());
        assertEquals(40 + 20 + 500, e.floorSeconds());
        assertEquals(List.of("logs", "vpc", "gke"), e.criticalPath().stream().map(s -> s.resource().name()).toList());
        assertEquals(List.of("", "ordering", "value"), e.criticalPath().stream().map(DeployTime.Step::waitedFor).toList());
        assertEquals(List.of("api-container", "vpc", "gke"), e.floorPath().stream().map(s -> s.resource().name()).toList());
    }

    /**
     * terraform-provider-google-beta v5.0.0 google-beta/tpgiamresource/iam.go: every IAM member create is a
     * read-modify-write under MutexStore.Lock(updater.GetMutexKey()), and project IAM's key is
     * "iam-project-<project>" (services/resourcemanager/iam_project.go): members of one project's policy run one
     * after another even at unbounded parallelism; another project's policy does not wait.
     */
    @Test
    void projectIamMembersOfOneProjectAreSerializedByTheProvidersMutex() {
        Plan oneProject = plan(member("a", "p1", List.of()), member("b", "p1", List.of()), member("c", "p1", List.of()));
        DeployTime.Estimate one = DeployTime.estimate(oneProject, TIMES);
        assertEquals(30, one.estimateSeconds());
        assertEquals(30, one.floorSeconds(), "the lock holds in the floor too: it is the provider's, not ours");
        assertEquals("iam lock", one.criticalPath().get(2).waitedFor());

        Plan twoProjects = plan(member("a", "p1", List.of()), member("b", "p2", List.of()), member("c", "p1", List.of()));
        assertEquals(20, DeployTime.estimate(twoProjects, TIMES).estimateSeconds());
    }

    /** The floor ignores ordering-only edges, so one that lengthens the deploy shows as a gap, and in the report. */
    @Test
    void anUnneededOrderingEdgeWidensTheGapAndShowsInTheReport() {
        Plan prod = Synth.stack("prod");
        CreateTimes times = CreateTimes.load();
        DeployTime.Estimate before = DeployTime.estimate(prod, times);
        String reportBefore = CriticalPathRenderer.render(prod, times);

        // the Firestore database made to wait for the GPU node pool (the end of the longest chain): nothing flows
        PlannedResource database = prod.ofType("gcp:firestore/database:Database").get(0);
        PlannedResource pool = prod.ofType("gcp:container/nodePool:NodePool").get(0);
        List<String> deps = new ArrayList<>(database.dependsOn());
        deps.add(pool.urn());
        PlannedResource waiting = new PlannedResource(database.urn(), database.type(), database.name(), database.parent(), true, deps,
                database.propertyDependencies(), database.protect(), database.retainOnDelete(), database.inputs(), database.provider());
        Plan edited = new Plan(prod.stack(), prod.project(), prod.resources().stream().map(r -> r == database ? waiting : r).toList(),
                prod.outputs());
        DeployTime.Estimate after = DeployTime.estimate(edited, times);

        assertEquals(before.floorSeconds(), after.floorSeconds());
        assertEquals(before.floorWithGrantsSeconds(), after.floorWithGrantsSeconds());
        assertEquals(before.estimateSeconds() + times.of(database), after.estimateSeconds(), 0.001,
                "the database now starts when the node pool is done");
        assertEquals(before.ordering().size() + 1, after.ordering().size());
        String reportAfter = CriticalPathRenderer.render(edited, times);
        assertNotEquals(reportBefore, reportAfter);
        String line = "  " + database.name() + " waits for " + TypeNames.shortName(pool.type()) + " " + pool.name() + "\n";
        assertTrue(reportAfter.contains(line), reportAfter);
        assertFalse(reportBefore.contains(line), reportBefore);
    }

    /** Regression guard on the committed stacks: no ordering-only edge lengthens their deploy. */
    @Test
    void committedStacksHaveNoOrderingOnlyDelay() {
        for (String stack : List.of("dev", "prod")) {
            DeployTime.Estimate e = DeployTime.estimate(Synth.stack(stack), CreateTimes.load());
            assertEquals(e.floorWithGrantsSeconds(), e.estimateSeconds(), 0.001, stack + ": an ordering-only edge delays the deploy");
        }
    }

    @Test
    void everyCreateTimeHasASourceAndABasis() {
        CreateTimes t = CreateTimes.load();
        for (String type : t.seconds().keySet()) {
            assertFalse(t.sources().getOrDefault(type, "").isBlank(), type);
            assertTrue(List.of("documentation", "provider-code", "measurement", "estimate").contains(t.basis().get(type)), type);
        }
    }
    @Test
    void aDependencyOnAComponentWaitsForEveryCloudResourceUnderIt() {
        // the engine waits for a component's whole subtree: here its slower child, nested one level down
        String component = "urn:pulumi:s::p::headway:x:Group::g";
        String inner = "urn:pulumi:s::p::headway:x:Group::g-inner";
        PlannedResource group = new PlannedResource(component, "headway:x:Group", "g", ROOT, false, List.of(), Map.of(), false, false,
                JsonNodeFactory.instance.objectNode());
        PlannedResource innerGroup = new PlannedResource(inner, "headway:x:Group", "g-inner", component, false, List.of(), Map.of(),
                false, false, JsonNodeFactory.instance.objectNode());
        PlannedResource bucket = new PlannedResource(urn(BUCKET, "b"), BUCKET, "b", component, true, List.of(), Map.of(), false, false,
                JsonNodeFactory.instance.objectNode());
        PlannedResource network = new PlannedResource(urn(NETWORK, "n"), NETWORK, "n", inner, true, List.of(), Map.of(), false, false,
                JsonNodeFactory.instance.objectNode());
        Plan plan = plan(group, innerGroup, bucket, network, res(CLUSTER, "gke", List.of(component), Map.of()));
        DeployTime.Estimate e = DeployTime.estimate(plan, TIMES);
        assertEquals(20 + 500, e.estimateSeconds());
        assertEquals(List.of("n", "gke"), e.criticalPath().stream().map(s -> s.resource().name()).toList());
    }

    @Test
    void aDependencyOnAResourceNotInThePlanAddsNoWait() {
        Plan plan = plan(res(CLUSTER, "gke", List.of("urn:pulumi:s::p::gcp:compute/network:Network::elsewhere"), Map.of()));
        assertEquals(500, DeployTime.estimate(plan, TIMES).estimateSeconds());
    }

    @Test
    void aResourceWaitsForItsExplicitProviderToBeConfigured() {
        String k8s = "pulumi:providers:kubernetes";
        CreateTimes times = new CreateTimes("test", 1, Map.of(k8s, 7.0, BUCKET, 3.0), Map.of());
        PlannedResource provider = res(k8s, "gke", List.of(), Map.of());
        PlannedResource ns = new PlannedResource(urn("kubernetes:core/v1:Namespace", "training"), "kubernetes:core/v1:Namespace", "training",
                ROOT, true, List.of(), Map.of(), false, false, JsonNodeFactory.instance.objectNode(), provider.urn() + "::id-1");
        DeployTime.Estimate e = DeployTime.estimate(plan(provider, ns), times);
        assertEquals(7 + 1, e.estimateSeconds());
        assertEquals(List.of(DeployTime.Why.VALUE), e.edges().stream().map(DeployTime.Edge::why).toList());
    }

    @Test
    void resourcesThatAreNotIamMembersNeverWaitForALock() {
        ObjectNode same = JsonNodeFactory.instance.objectNode().put("project", "p1");
        Plan plan = plan(res(BUCKET, "a", List.of(), Map.of(), same), res(BUCKET, "b", List.of(), Map.of(), same));
        assertEquals("", DeployTime.lockKey(plan.resources().get(0)));
        assertEquals(3, DeployTime.estimate(plan, TIMES).estimateSeconds());
    }

    @Test
    void aCycleIsRefused() {
        Plan plan = plan(res(BUCKET, "a", List.of(urn(BUCKET, "b")), Map.of()), res(BUCKET, "b", List.of(urn(BUCKET, "a")), Map.of()));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> DeployTime.estimate(plan, TIMES));
        assertEquals("the dependency graph has a cycle", e.getMessage());
    }

    @Test
    void ratiosCompareTheEstimateWithTheFloorAndTheSerialTime() {
        DeployTime.Estimate e = new DeployTime.Estimate(300, 100, 40, 50, List.of(), List.of(), List.of());
        assertEquals(2.5, e.ratioToFloor());
        assertEquals(3.0, e.speedupOverSerial());
        DeployTime.Estimate empty = new DeployTime.Estimate(0, 0, 0, 0, List.of(), List.of(), List.of());
        assertEquals(1.0, empty.ratioToFloor(), "an empty plan is at its floor");
        assertEquals(1.0, empty.speedupOverSerial());
    }
}
