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
        if (args.token.equals("gcp:organizations/getProject:getProject")) {
            return CompletableFuture.completedFuture(Map.of("projectId", project, "number", "123456789012",
                    "name", project, "id", "projects/" + project));
        }
        return CompletableFuture.completedFuture(Map.of());
    }

    /** Fills in outputs Google computes; returns the resource id. */
    private String computed(String type, String name, Map<String, Object> in, Map<String, Object> out) {
        String location = String.valueOf(in.getOrDefault("location", in.getOrDefault("region", region)));
        switch (type) {
            case "gcp:projects/service:Service":
                return project + "/" + in.get("service");
            case "gcp:compute/network:Network":
                return compute(out, "projects/" + project + "/global/networks/" + name);
            case "gcp:compute/subnetwork:Subnetwork":
                return compute(out, "projects/" + project + "/regions/" + location + "/subnetworks/" + name);
            case "gcp:compute/router:Router":
                return compute(out, "projects/" + project + "/regions/" + location + "/routers/" + name);
            case "gcp:compute/firewall:Firewall":
                return compute(out, "projects/" + project + "/global/firewalls/" + name);
            case "gcp:compute/instance:Instance": {
                String zone = String.valueOf(in.getOrDefault("zone", region + "-b"));
                out.put("instanceId", "4" + Math.abs(name.hashCode()));
                return compute(out, "projects/" + project + "/zones/" + zone + "/instances/" + name);
            }
            case "gcp:serviceaccount/account:Account": {
                String email = in.get("accountId") + "@" + project + ".iam.gserviceaccount.com";
                out.put("email", email);
                out.put("member", "serviceAccount:" + email);
                out.put("name", "projects/" + project + "/serviceAccounts/" + email);
                out.put("uniqueId", "1" + String.format("%020d", Math.abs((long) email.hashCode())).substring(0, 20));
                return "projects/" + project + "/serviceAccounts/" + email;
            }
            case "gcp:storage/bucket:Bucket":
                out.put("url", "gs://" + name);
                out.put("selfLink", "https://www.googleapis.com/storage/v1/b/" + name);
                return name;
            case "gcp:pubsub/topic:Topic":
                return "projects/" + project + "/topics/" + name;
            case "gcp:pubsub/subscription:Subscription":
                return "projects/" + project + "/subscriptions/" + name;
            case "gcp:bigquery/dataset:Dataset":
                return "projects/" + project + "/datasets/" + in.get("datasetId");
            case "gcp:bigquery/table:Table":
                return "projects/" + project + "/datasets/" + in.get("datasetId") + "/tables/" + in.get("tableId");
            case "gcp:artifactregistry/repository:Repository":
                out.put("name", in.get("repositoryId"));
                return "projects/" + project + "/locations/" + location + "/repositories/" + in.get("repositoryId");
            case "gcp:projects/serviceIdentity:ServiceIdentity": {
                String service = String.valueOf(in.get("service"));
                String agent = "service-123456789012@" + serviceAgentDomain(service);
                out.put("email", agent);
                out.put("member", "serviceAccount:" + agent);
                return "projects/" + project + "/services/" + service;
            }
            case "gcp:dataflow/flexTemplateJob:FlexTemplateJob": {
                String jobId = "2024-01-01_00_00_00-" + Math.abs((long) name.hashCode());
                out.put("jobId", jobId);
                out.put("state", "JOB_STATE_RUNNING");
                return jobId;
            }
            case "gcp:vertex/aiEndpoint:AiEndpoint":
                return "projects/" + project + "/locations/" + location + "/endpoints/" + name;
            case "gcp:vertex/aiTensorboard:AiTensorboard":
                out.put("name", "1234567890123456789");
                return "projects/123456789012/locations/" + location + "/tensorboards/1234567890123456789";
            case "gcp:container/cluster:Cluster":
                out.put("endpoint", "10.0.0.2");
                out.put("masterAuth", Map.of("clusterCaCertificate", "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t",
                        "clientCertificateConfig", Map.of("issueClientCertificate", false)));
                return "projects/" + project + "/locations/" + location + "/clusters/" + name;
            case "gcp:secretmanager/secret:Secret":
                out.put("name", "projects/123456789012/secrets/" + in.get("secretId"));
                return "projects/" + project + "/secrets/" + in.get("secretId");
            case "gcp:firestore/database:Database":
                return "projects/" + project + "/databases/" + name;
            case "gcp:cloudrunv2/job:Job":
                return "projects/" + project + "/locations/" + location + "/jobs/" + name;
            case "gcp:iam/workloadIdentityPool:WorkloadIdentityPool":
                out.put("name", "projects/123456789012/locations/global/workloadIdentityPools/" + in.get("workloadIdentityPoolId"));
                return String.valueOf(out.get("name"));
            case "gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider":
                out.put("name", "projects/123456789012/locations/global/workloadIdentityPools/"
                        + in.get("workloadIdentityPoolId") + "/providers/" + in.get("workloadIdentityPoolProviderId"));
                return String.valueOf(out.get("name"));
            case "gcp:monitoring/notificationChannel:NotificationChannel":
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
