package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code synth --format critical-path}: the schedules, the edge counts, both paths and the ordering-only edges. */
class CriticalPathRendererTest {
    private static final String ROOT = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
    private static final String SERVICE = "gcp:projects/service:Service";
    private static final String BUCKET = "gcp:storage/bucket:Bucket";
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String API = "urn:pulumi:s::p::" + SERVICE + "::container";
    private static final String LOGS = "urn:pulumi:s::p::" + BUCKET + "::logs";
    /** The service is an estimate, the bucket measured; only the cluster has a provider create timeout. */
    private static final CreateTimes TIMES = new CreateTimes("2026-01", 1, Map.of(SERVICE, 40.0, BUCKET, 400.0, CLUSTER, 500.0), Map.of(),
            Map.of(SERVICE, "estimate", BUCKET, "measured"), Map.of(CLUSTER, 2400.0));

    private static PlannedResource res(String type, String name, String... dependsOn) {
        return new PlannedResource("urn:pulumi:s::p::" + type + "::" + name, type, name, ROOT, true, List.of(dependsOn), Map.of(),
                false, false, JsonNodeFactory.instance.objectNode());
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::stripTrailing).toList();
    }

    /**
     * The cluster waits for the container API (needed) and for a slow bucket (ordering only): the
     * estimate follows the bucket (400 + 500 s), the floor the API (40 + 500 s), and the ordering
     * edge is listed as the one to question.
     */
    @Test
    void anOrderingEdgeOnTheCriticalPathShowsAgainstTheFloor() {
        Plan plan = new Plan("s", "p", List.of(res(SERVICE, "container"), res(BUCKET, "logs"), res(CLUSTER, "gke", API, LOGS)), Map.of());
        assertEquals(lines("""
                deploy-time estimate for stack s: create from empty, 3 resources
                (create times per type from deploy/create-times.json, 2026-01, each with its source; 1 of 2 are estimates without a citable typical value; IAM changes serialized per policy as the provider does)

                  serial (--parallel 1)                             940 s
                  estimate (every edge)                             900 s
                  floor (values and API enablement only)            540 s
                  floor with grants (what one up converges on)      540 s
                  estimate / floor  1.67x    serial / estimate  1.04x
                  with every provider create timeout as the time (upper bound): estimate 2800 s, floor 2440 s

                edges: 0 a value flows, 1 an API must be on, 0 a grant or account must exist, 1 ordering only

                critical path (every edge):
                    400 s  + 400  storage.Bucket                     logs
                    900 s  + 500  container.Cluster                  gke                                      after: ordering

                floor path:
                     40 s  +  40  projects.Service                   container
                    540 s  + 500  container.Cluster                  gke                                      after: api

                ordering-only edges (nothing flows and Google Cloud does not require them):
                  gke waits for storage.Bucket logs
                """), lines(CriticalPathRenderer.render(plan, TIMES)));
    }

    @Test
    void noOrderingEdgesSaysNone() {
        Plan plan = new Plan("s", "p", List.of(res(SERVICE, "container"), res(CLUSTER, "gke", API)), Map.of());
        String text = CriticalPathRenderer.render(plan, TIMES);
        assertTrue(text.endsWith("\nordering-only edges (nothing flows and Google Cloud does not require them): none\n"), text);
    }

    /** The command reads the committed create times (deploy/create-times.json), with their date and how many are estimates. */
    @Test
    void theCommandUsesTheCommittedCreateTimes() {
        CreateTimes committed = CreateTimes.load();
        long estimates = committed.basis().values().stream().filter("estimate"::equals).count();
        String text = CriticalPathRenderer.render(new Plan("s", "p", List.of(res(SERVICE, "container")), Map.of()));
        assertTrue(text.contains("(create times per type from deploy/create-times.json, " + committed.asOf() + ", each with its source; "
                + estimates + " of " + committed.basis().size() + " are estimates"), text);
        assertTrue(committed.basis().size() > 2, "the committed file lists many types");
    }
}
