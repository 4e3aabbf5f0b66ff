package dev.headway.infra.synth;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Stands in for Google Cloud during synth: every resource "creates" at once, echoing its inputs
 * and filling in the outputs Google would compute (ids, self links, emails) in Google's formats,
 * so that values one resource takes from another look as they would in a real deployment. The
 * engine-process test's stand-in engine answers with it too, so both paths see the same outputs.
 */
public final class MockCloud implements Mocks {
    private final String project;
    private final String region;

    public MockCloud(String project, String region) {
        this.project = project;
        this.region = region;
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new HashMap<>(args.inputs);
        String name = String.valueOf(args.inputs.getOrDefault("name", args.name));
        String id = computed(args.type, name, args.inputs, state);
        state.putIfAbsent("project", project);
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        if (args.token.equals(Types.INVOKE_GET_PROJECT)) {
            return CompletableFuture.completedFuture(Map.of("projectId", project, "number", "123456789012",
                    "name", project, "id", "projects/" + project));
        }
        return CompletableFuture.completedFuture(Map.of());
    }

    /** Fills in outputs Google computes; returns the resource id. */
    private String computed(String type, String name, Map<String, Object> in, Map<String, Object> out) {
        String location = String.valueOf(in.getOrDefault("location", in.getOrDefault("region", region)));
        switch (type) {
            case Types.PROJECT_SERVICE:
                return project + "/" + in.get("service");
            case Types.COMPUTE_NETWORK:
                return compute(out, "projects/" + project + "/global/networks/" + name);
            case Types.COMPUTE_SUBNETWORK:
                return compute(out, "projects/" + project + "/regions/" + location + "/subnetworks/" + name);
            case Types.COMPUTE_ROUTER:
                return compute(out, "projects/" + project + "/regions/" + location + "/routers/" + name);
            case Types.COMPUTE_FIREWALL:
                return compute(out, "projects/" + project + "/global/firewalls/" + name);
            case Types.COMPUTE_INSTANCE: {
                String zone = String.valueOf(in.getOrDefault("zone", region + "-b"));
                out.put("instanceId", "4" + Math.abs(name.hashCode()));
                return compute(out, "projects/" + project + "/zones/" + zone + "/instances/" + name);
            }
            case Types.SERVICE_ACCOUNT: {
                String email = in.get("accountId") + "@" + project + ".iam.gserviceaccount.com";
                out.put("email", email);
                out.put("member", "serviceAccount:" + email);
                out.put("name", "projects/" + project + "/serviceAccounts/" + email);
                out.put("uniqueId", "1" + String.format("%020d", Math.abs((long) email.hashCode())).substring(0, 20));
                return "projects/" + project + "/serviceAccounts/" + email;
            }
            case Types.STORAGE_BUCKET:
                out.put("url", "gs://" + name);
                out.put("selfLink", "https://www.googleapis.com/storage/v1/b/" + name);
                return name;
            case Types.PUBSUB_TOPIC:
                return "projects/" + project + "/topics/" + name;
            case Types.PUBSUB_SUBSCRIPTION:
                return "projects/" + project + "/subscriptions/" + name;
            case Types.BIGQUERY_DATASET:
                return "projects/" + project + "/datasets/" + in.get("datasetId");
            case Types.BIGQUERY_TABLE:
                return "projects/" + project + "/datasets/" + in.get("datasetId") + "/tables/" + in.get("tableId");
            case Types.ARTIFACT_REPOSITORY:
                out.put("name", in.get("repositoryId"));
                return "projects/" + project + "/locations/" + location + "/repositories/" + in.get("repositoryId");
            case Types.PROJECT_SERVICE_IDENTITY: {
                String service = String.valueOf(in.get("service"));
                String agent = "service-123456789012@" + serviceAgentDomain(service);
                out.put("email", agent);
                out.put("member", "serviceAccount:" + agent);
                return "projects/" + project + "/services/" + service;
            }
            case Types.DATAFLOW_FLEX_TEMPLATE_JOB: {
                String jobId = "2024-01-01_00_00_00-" + Math.abs((long) name.hashCode());
                out.put("jobId", jobId);
                out.put("state", "JOB_STATE_RUNNING");
                return jobId;
            }
            case Types.VERTEX_ENDPOINT:
                return "projects/" + project + "/locations/" + location + "/endpoints/" + name;
            case Types.VERTEX_TENSORBOARD:
                // the API names it by project number and a server-chosen id; the provider keeps that
                // full name as `name` and uses it as the id (resource_vertex_ai_tensorboard.go, v5.0.0)
                out.put("name", "projects/123456789012/locations/" + location + "/tensorboards/1234567890123456789");
                return String.valueOf(out.get("name"));
            case Types.GKE_CLUSTER:
                out.put("endpoint", "10.0.0.2");
                out.put("masterAuth", Map.of("clusterCaCertificate", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t",
                        "clientCertificateConfig", Map.of("issueClientCertificate", false)));
                return "projects/" + project + "/locations/" + location + "/clusters/" + name;
            case Types.SECRET:
                out.put("name", "projects/123456789012/secrets/" + in.get("secretId"));
                return "projects/" + project + "/secrets/" + in.get("secretId");
            case Types.FIRESTORE_DATABASE:
                return "projects/" + project + "/databases/" + name;
            case Types.CLOUD_RUN_JOB:
                return "projects/" + project + "/locations/" + location + "/jobs/" + name;
            case Types.WORKLOAD_IDENTITY_POOL: {
                // `name` comes from the API with the project number, the id is built from the project
                // id (resource_iam_workload_identity_pool.go, terraform-provider-google-beta v5.0.0)
                String path = "/locations/global/workloadIdentityPools/" + in.get("workloadIdentityPoolId");
                out.put("name", "projects/123456789012" + path);
                return "projects/" + project + path;
            }
            case Types.WORKLOAD_IDENTITY_POOL_PROVIDER: {
                String path = "/locations/global/workloadIdentityPools/" + in.get("workloadIdentityPoolId")
                        + "/providers/" + in.get("workloadIdentityPoolProviderId");
                out.put("name", "projects/123456789012" + path);
                return "projects/" + project + path;
            }
            case Types.MONITORING_NOTIFICATION_CHANNEL:
                out.put("name", "projects/" + project + "/notificationChannels/" + Math.abs(name.hashCode()));
                return String.valueOf(out.get("name"));
            default:
                return name;
        }
    }

    private static String compute(Map<String, Object> out, String id) {
        out.put("selfLink", "https://www.googleapis.com/compute/v1/" + id);
        return id;
    }

    private static String serviceAgentDomain(String service) {
        return switch (service) {
            case "pubsub.googleapis.com" -> "gcp-sa-pubsub.iam.gserviceaccount.com";
            case "aiplatform.googleapis.com" -> "gcp-sa-aiplatform.iam.gserviceaccount.com";
            case "dataflow.googleapis.com" -> "dataflow-service-producer-prod.iam.gserviceaccount.com";
            default -> "gcp-sa-" + service.substring(0, service.indexOf('.')) + ".iam.gserviceaccount.com";
        };
    }
}
