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
}
