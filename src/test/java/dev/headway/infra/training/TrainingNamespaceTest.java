package dev.headway.infra.training;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlanJson;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingNamespaceTest {
    @Test
    void kubernetesResourcesUseTheProviderBuiltFromTheCluster() {
        Plan plan = Synth.stack("prod");
        PlannedResource cluster = plan.get("gcp:container/cluster:Cluster", "hw-prod-training");
        List<PlannedResource> providers = plan.ofType("pulumi:providers:kubernetes");
        assertEquals(1, providers.size());
        PlannedResource provider = providers.get(0);
        assertTrue(provider.propertyDependencies().get("kubeconfig").contains(cluster.urn()),
                "the kubeconfig comes from the cluster's outputs");
        String kubeconfig = provider.input("kubeconfig").asText();
        assertTrue(kubeconfig.contains("server: https://10.0.0.2"), kubeconfig);
        assertTrue(kubeconfig.contains("certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"), kubeconfig);
        assertTrue(kubeconfig.contains("command: gke-gcloud-auth-plugin"), kubeconfig);

        List<PlannedResource> k8s = plan.where(r -> r.type().startsWith("kubernetes:"));
        assertEquals(4, k8s.size(), "namespace, quota, limit range, service account");
        for (PlannedResource r : k8s) {
            assertEquals(provider.urn(), r.providerUrn(), r.name() + " must use the cluster's provider");
        }
        assertTrue(plan.where(r -> r.custom() && r.type().startsWith("gcp:")).stream().allMatch(r -> r.provider().isEmpty()));
        // The synth JSON carries the provider reference and reads it back.
        Plan roundTrip = PlanJson.fromTree(PlanJson.toTree(plan));
        assertEquals(provider.urn(), roundTrip.get(k8s.get(0).type(), k8s.get(0).name()).providerUrn());
    }

    @Test
    void namespaceQuotaLimitsAndWorkloadIdentity() {
        Plan plan = Synth.stack("prod");
        PlannedResource ns = plan.ofType("kubernetes:core/v1:Namespace").get(0);
        assertEquals("training", ns.input("metadata.name").asText());
        PlannedResource quota = plan.ofType("kubernetes:core/v1:ResourceQuota").get(0);
        assertEquals("training", quota.input("metadata.namespace").asText());
        assertTrue(quota.dependsOn().contains(ns.urn()));
        PlannedResource limits = plan.ofType("kubernetes:core/v1:LimitRange").get(0);
        assertEquals("Container", limits.input("spec.limits[0].type").asText());
        assertEquals("1", limits.input("spec.limits[0].max").path("nvidia.com/gpu").asText());

        PlannedResource ksa = plan.ofType("kubernetes:core/v1:ServiceAccount").get(0);
        assertEquals("training", ksa.input("metadata.name").asText());
        assertEquals("hw-prod-training@headway-prod.iam.gserviceaccount.com",
                ksa.input("metadata.annotations").path("iam.gke.io/gcp-service-account").asText());

        PlannedResource wi = plan.get("gcp:serviceaccount/iAMMember:IAMMember", "training-namespace-workload-identity");
        assertEquals("roles/iam.workloadIdentityUser", wi.input("role").asText());
        assertEquals("serviceAccount:headway-prod.svc.id.goog[training/training]", wi.input("member").asText());
        assertEquals("projects/headway-prod/serviceAccounts/hw-prod-training@headway-prod.iam.gserviceaccount.com",
                wi.input("serviceAccountId").asText());
        PlannedResource cluster = plan.get("gcp:container/cluster:Cluster", "hw-prod-training");
        assertTrue(wi.dependsOn().contains(cluster.urn()), "the identity pool exists once the cluster does");
    }

    /**
     * Kubernetes' own defaulting of a LimitRange item (kubernetes/kubernetes pkg/apis/core/v1/defaults.go,
     * SetDefaults_LimitRangeItem): a max with no default becomes the default limit, and a default
     * limit with no default request becomes the default request. LimitRanger then gives these to
     * every container that names no limit or request of its own (sidecars and init containers too).
     */
    static Map<String, Map<String, String>> kubernetesDefaults(JsonNode item) {
        Map<String, String> defaultLimit = new TreeMap<>();
        Map<String, String> defaultRequest = new TreeMap<>();
        item.path("default").fields().forEachRemaining(e -> defaultLimit.put(e.getKey(), e.getValue().asText()));
        item.path("defaultRequest").fields().forEachRemaining(e -> defaultRequest.put(e.getKey(), e.getValue().asText()));
        if ("Container".equals(item.path("type").asText())) {
            item.path("max").fields().forEachRemaining(e -> defaultLimit.putIfAbsent(e.getKey(), e.getValue().asText()));
            defaultLimit.forEach(defaultRequest::putIfAbsent);
            item.path("min").fields().forEachRemaining(e -> defaultRequest.putIfAbsent(e.getKey(), e.getValue().asText()));
        }
        return Map.of("limits", defaultLimit, "requests", defaultRequest);
    }

    @Test
    void aContainerThatAsksForNoGpuGetsNone() {
        PlannedResource limits = Synth.stack("prod").ofType("kubernetes:core/v1:LimitRange").get(0);
        JsonNode item = limits.input("spec.limits[0]");
        Map<String, Map<String, String>> defaults = kubernetesDefaults(item);
        // a sidecar with no resources of its own: no GPU requested, none held (issue 16)
        assertEquals("0", defaults.get("limits").get("nvidia.com/gpu"), defaults.toString());
        assertEquals("0", defaults.get("requests").get("nvidia.com/gpu"), defaults.toString());
        // the cap per container stays one machine's GPUs
        assertEquals("1", item.path("max").path("nvidia.com/gpu").asText());
        // the model is Kubernetes': without a GPU default, the max would be every container's limit
        ObjectNode withoutDefault = ((ObjectNode) item.deepCopy());
        ((ObjectNode) withoutDefault.path("default")).remove("nvidia.com/gpu");
        ((ObjectNode) withoutDefault.path("defaultRequest")).remove("nvidia.com/gpu");
        assertEquals("1", kubernetesDefaults(withoutDefault).get("limits").get("nvidia.com/gpu"));
        assertEquals("1", kubernetesDefaults(withoutDefault).get("requests").get("nvidia.com/gpu"));
    }
}
