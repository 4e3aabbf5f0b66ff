package dev.headway.infra.training;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.kubernetes.core.v1.LimitRange;
import com.pulumi.kubernetes.core.v1.LimitRangeArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.ResourceQuota;
import com.pulumi.kubernetes.core.v1.ResourceQuotaArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeItemArgs;
import com.pulumi.kubernetes.core.v1.inputs.LimitRangeSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceQuotaSpecArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.config.SettingsLoader;
import dev.headway.infra.identity.Identity;

import java.util.Map;

/**
 * The {@code training} namespace on the GPU cluster, declared through a Kubernetes provider built
 * from the cluster's endpoint and CA (credentials from {@code gke-gcloud-auth-plugin}, never a
 * stored token): a ResourceQuota capping {@code requests.nvidia.com/gpu} at the pool size, a
 * LimitRange, and a Kubernetes service account that Workload Identity maps to the training account.
 * Kubernetes allows only the {@code requests.} form of quota for extended resources such as GPUs
 * (GPUs cannot be overcommitted, so limits always equal requests).
 */
public final class TrainingNamespace extends ComponentResource {
    public static final String NAMESPACE = "training";
    public static final String SERVICE_ACCOUNT = "training";
    public static final String GPU_QUOTA = "requests.nvidia.com/gpu";

    private final Provider provider;

    public TrainingNamespace(String name, TrainingNamespaceArgs a, ComponentResourceOptions opts) {
        super("headway:training:TrainingNamespace", name, opts);
        GkeTrainingCluster gke = a.cluster;
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder()
                .kubeconfig(Output.tuple(gke.name(), gke.endpoint(), gke.caCertificate())
                        .applyValue(t -> kubeconfig(t.t1, t.t2, t.t3)))
                .enableServerSideApply(true)
                // only the API server is needed (from the kubeconfig's inputs), not the GPU nodes: the
                // namespace and its quota are created while the node pool is still coming up
                .build(), CustomResourceOptions.builder().parent(this).build());
        CustomResourceOptions k8s = CustomResourceOptions.builder().parent(this).provider(provider).build();
        Map<String, String> labels = Map.of("app.kubernetes.io/part-of", "headway",
                "app.kubernetes.io/managed-by", "pulumi", "headway/env", a.labels.getOrDefault("env", ""));

        Namespace ns = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAMESPACE).labels(labels).build())
                .build(), k8s);
        // Kubernetes refuses an object in a namespace that does not exist: the namespace name flows from the
        // Namespace resource (a value edge), so every object below is created after it, whatever the call order.
        Output<String> namespace = ns.metadata().applyValue(m -> m.name().orElse(NAMESPACE));
        CustomResourceOptions inNs = k8s;
        String gpus = String.valueOf(a.maxGpus);
        new ResourceQuota(name + "-gpu-quota", ResourceQuotaArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("gpu-quota").namespace(namespace).labels(labels).build())
                .spec(ResourceQuotaSpecArgs.builder().hard(Map.of(GPU_QUOTA, gpus)).build())
                .build(), inNs);
        String perPod = String.valueOf(SettingsLoader.gpusPerNode(a.machineType));
        new LimitRange(name + "-limits", LimitRangeArgs.builder()
                .metadata(ObjectMetaArgs.builder().name("training-limits").namespace(namespace).labels(labels).build())
                .spec(LimitRangeSpecArgs.builder().limits(LimitRangeItemArgs.builder()
                        .type("Container")
                        // A max with no default makes the max every container's default limit, and the
                        // default request follows it (kubernetes/kubernetes pkg/apis/core/v1/defaults.go,
                        // SetDefaults_LimitRangeItem): each sidecar and init container would ask for a GPU.
                        // So the GPU default is 0; a GPU container asks for its GPUs, at most perPod.
                        .defaultRequest(Map.of("cpu", "1", "memory", "4Gi", GpuNodePool.GPU_TAINT_KEY, "0"))
                        .default_(Map.of("cpu", "4", "memory", "16Gi", GpuNodePool.GPU_TAINT_KEY, "0"))
                        .max(Map.of(GpuNodePool.GPU_TAINT_KEY, perPod))
                        .build()).build())
                .build(), inNs);
        new ServiceAccount(name + "-ksa", ServiceAccountArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(SERVICE_ACCOUNT).namespace(namespace).labels(labels)
                        .annotations(a.training.email().applyValue(e -> Map.of("iam.gke.io/gcp-service-account", e)))
                        .build())
                .automountServiceAccountToken(true)
                .build(), inNs);
        // The pool <project>.svc.id.goog exists once the cluster does; the binding waits for it.
        new IAMMember(name + "-workload-identity", IAMMemberArgs.builder()
                .serviceAccountId(a.training.name())
                .role("roles/iam.workloadIdentityUser")
                // the member names the pool, which exists once the cluster does (the value flows from it); the
                // Kubernetes service account itself need not exist for IAM to accept the binding
                .member(gke.cluster().name().applyValue(n -> "serviceAccount:" + gke.workloadPool() + "[" + NAMESPACE + "/" + SERVICE_ACCOUNT + "]"))
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("namespace", ns.metadata().applyValue(m -> m.name().orElse(NAMESPACE))));
    }

    /** A kubeconfig that authenticates with the caller's Google credentials through gke-gcloud-auth-plugin. */
    static String kubeconfig(String cluster, String endpoint, String ca) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: https://%2$s
                    certificate-authority-data: %3$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                users:
                - name: %1$s
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: gke-gcloud-auth-plugin
                      installHint: "Install gke-gcloud-auth-plugin: gcloud components install gke-gcloud-auth-plugin"
                      provideClusterInfo: true
                """.formatted(cluster, endpoint, ca);
    }

    public Provider provider() {
        return provider;
    }
}
