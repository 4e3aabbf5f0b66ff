package dev.headway.infra;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md, "Converging on the first up": every resource that uses an API depends on that API's
 * enablement, and every workload depends on its service account and on every grant made to it, so
 * one {@code pulumi up} converges on a fresh project. Checked on the recorded graph of both stacks.
 */
class ConvergenceTest {
    /** The API a resource of this provider module calls. */
    private static final Map<String, String> API_OF_MODULE = Map.ofEntries(
            Map.entry("compute", "compute"), Map.entry("bigquery", "bigquery"), Map.entry("pubsub", "pubsub"),
            Map.entry("storage", "storage"), Map.entry("artifactregistry", "artifactregistry"),
            Map.entry("vertex", "aiplatform"), Map.entry("container", "container"), Map.entry("firestore", "firestore"),
            Map.entry("cloudrunv2", "run"), Map.entry("cloudscheduler", "cloudscheduler"),
            Map.entry("secretmanager", "secretmanager"), Map.entry("monitoring", "monitoring"),
            Map.entry("serviceaccount", "iam"), Map.entry("iam", "iam"), Map.entry("dataflow", "dataflow"),
            Map.entry("serviceusage", "serviceusage"), Map.entry("projects", "cloudresourcemanager"));
    /** Resources that run as a service account, and the input that names it. */
    private static final Map<String, String> WORKLOADS = Map.of(
            "gcp:compute/instance:Instance", "serviceAccount.email",
            "gcp:dataflow/flexTemplateJob:FlexTemplateJob", "serviceAccountEmail",
            "gcp:cloudrunv2/job:Job", "template.template.serviceAccount",
            "gcp:container/nodePool:NodePool", "nodeConfig.serviceAccount");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "staging", "pr-7"})
    void everyResourceDependsOnTheEnablementOfTheApiItCalls(String stack) {
        Plan plan = Synth.stack(stack);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (PlannedResource r : plan.cloudResources()) {
            String api = apiOf(r);
            if (api == null) {
                continue;
            }
            checked++;
            String service = plan.get("gcp:projects/service:Service", "api-" + api).urn();
            if (!closure(plan, r).contains(service)) {
                missing.add(r.type() + " " + r.name() + " -> api-" + api);
            }
        }
        // a review stack declares no CI identity (headway:ci.enabled: false): some 45 resources fewer
        assertTrue(checked > (stack.startsWith("pr-") ? 60 : 100), "checked " + checked);
        assertTrue(missing.isEmpty(), "no dependency on the API's enablement:\n" + String.join("\n", missing));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod", "staging", "pr-7"})
    void everyWorkloadWaitsForItsAccountAndEveryGrantToIt(String stack) {
        Plan plan = Synth.stack(stack);
        List<String> missing = new ArrayList<>();
        int workloads = 0;
        for (Map.Entry<String, String> w : WORKLOADS.entrySet()) {
            for (PlannedResource r : plan.ofType(w.getKey())) {
                workloads++;
                String email = r.input(w.getValue()).asText();
                assertFalse(email.isEmpty(), r.name() + " names its service account");
                Set<String> upstream = closure(plan, r);
                // grants on the workload itself (who may run it) come after it, not before
                for (PlannedResource grant : plan.where(g -> g.type().toLowerCase().endsWith("iammember")
                        && g.input("member").asText().equals("serviceAccount:" + email)
                        && !closure(plan, g).contains(r.urn()))) {
                    if (!upstream.contains(grant.urn())) {
                        missing.add(r.name() + " does not wait for " + grant.type() + " " + grant.name());
                    }
                }
                String account = "gcp:serviceaccount/account:Account";
                PlannedResource sa = plan.get(account, email.substring(0, email.indexOf('@')));
                if (!upstream.contains(sa.urn())) {
                    missing.add(r.name() + " does not wait for its account " + sa.name());
                }
            }
        }
        // the review template declares no workload (no poller image, no streaming job, no batch worker): none to check there
        if (stack.startsWith("pr-")) {
            assertEquals(0, workloads, "a review stack runs no workload");
        } else {
            assertTrue(workloads >= (stack.equals("dev") ? 1 : 4), "workloads checked: " + workloads);
        }
        assertTrue(missing.isEmpty(), String.join("\n", missing));
    }

    private static String apiOf(PlannedResource r) {
        if (r.type().equals("gcp:projects/service:Service") || !r.type().startsWith("gcp:")) {
            return null;
        }
        if (r.type().equals("gcp:projects/serviceIdentity:ServiceIdentity")) {
            String service = r.input("service").asText();
            return service.substring(0, service.indexOf('.'));
        }
        if (r.type().equals("gcp:projects/iAMCustomRole:IAMCustomRole")) {
            // custom roles live in the IAM API (projects.roles.create): terraform-provider-google-beta v5.0.0,
            // google-beta/services/resourcemanager/resource_google_project_iam_custom_role.go uses iambeta.Projects.Roles
            return "iam";
        }
        String module = r.type().substring(4, r.type().indexOf('/'));
        return API_OF_MODULE.get(module);
    }

    /** Every URN {@code r} depends on, directly or through other resources (components expand to their children). */
    private static Set<String> closure(Plan plan, PlannedResource r) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(r.dependsOn());
        while (!todo.isEmpty()) {
            String u = todo.pop();
            if (!seen.add(u)) {
                continue;
            }
            plan.byUrn(u).ifPresent(d -> todo.addAll(d.dependsOn()));
            plan.resources().stream().filter(c -> u.equals(c.parent())).forEach(c -> todo.add(c.urn()));
        }
        return seen;
    }
}
