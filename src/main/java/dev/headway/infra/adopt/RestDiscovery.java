package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import dev.headway.infra.UserError;
import dev.headway.infra.synth.Types;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Google's REST list methods for the types without a client library on the class path: one GET per page,
 * following {@code nextPageToken}, each bounded in time. The endpoint is overridable per service (for tests
 * and private endpoints); a loopback endpoint gets plain HTTP and no credentials, any other HTTPS with
 * Application Default Credentials.
 */
public final class RestDiscovery implements Discovery {
    /** One list method: where it lives, which field holds the items and how an item is keyed. */
    record Lister(String type, String envVar, String defaultBase, String path, String itemsField, String nestedField,
                  Function<JsonNode, String> key, Function<JsonNode, String> serverId, String source, String permission,
                  String parentType) {
        Lister(String type, String envVar, String defaultBase, String path, String itemsField,
               Function<JsonNode, String> key, Function<JsonNode, String> serverId, String source, String permission) {
            this(type, envVar, defaultBase, path, itemsField, null, key, serverId, source, permission, null);
        }

        Lister(String type, String envVar, String defaultBase, String path, String itemsField,
               Function<JsonNode, String> key, String source, String permission) {
            this(type, envVar, defaultBase, path, itemsField, null, key, key, source, permission, null);
        }

        Lister(String type, String envVar, String defaultBase, String path, String itemsField, String nestedField,
               Function<JsonNode, String> key, Function<JsonNode, String> serverId, String source, String permission) {
            this(type, envVar, defaultBase, path, itemsField, nestedField, key, serverId, source, permission, null);
        }

        /**
         * Listed per parent: {@code path} holds {@code {parent}}, called once for each {@code parentType} resource that
         * exists (tables per dataset, providers per pool). The same id under two parents is ambiguous.
         */
        static Lister under(String parentType, String type, String envVar, String defaultBase, String path, String itemsField,
                            Function<JsonNode, String> key, String source, String permission) {
            return new Lister(type, envVar, defaultBase, path, itemsField, null, key, key, source, permission, parentType);
        }

        /** Items inside each listed item ({@code nestedField}): NATs inside routers, node pools inside clusters. */
        static Lister nested(String type, String envVar, String defaultBase, String path, String itemsField, String nestedField,
                             String source, String permission) {
            Function<JsonNode, String> name = i -> i.path("name").asText();
            return new Lister(type, envVar, defaultBase, path, itemsField, nestedField, name, name, source, permission);
        }
    }

    /** The last segment of a resource name: {@code projects/p/databases/x} to {@code x}. */
    static String last(JsonNode item, String field) {
        String name = item.path(field).asText();
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The id given for a key that more than one resource has. */
    public static final String AMBIGUOUS = "";

    static List<Lister> listers(String project, String region, String zone) {
        String p = enc(project);
        String suffix = "@" + project + ".iam.gserviceaccount.com";
        return List.of(
                // https://cloud.google.com/storage/docs/json_api/v1/buckets/list: project is required; items[].name
                new Lister(Types.STORAGE_BUCKET, "HEADWAY_STORAGE_ENDPOINT", "https://storage.googleapis.com",
                        "/storage/v1/b?project=" + enc(project) + "&maxResults=1000", "items", i -> i.path("name").asText(),
                        "storage.buckets.list", "storage.buckets.list"),
                // https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets/list: datasets[].datasetReference.datasetId
                new Lister(Types.BIGQUERY_DATASET, "HEADWAY_BIGQUERY_ENDPOINT", "https://bigquery.googleapis.com",
                        "/bigquery/v2/projects/" + enc(project) + "/datasets?all=true&maxResults=1000", "datasets",
                        i -> i.path("datasetReference").path("datasetId").asText(), "bigquery.datasets.list", "bigquery.datasets.get (roles/bigquery.metadataViewer)"),
                // https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts/list: pageSize at most 100;
                // an account made in the project is <accountId>@<project>.iam.gserviceaccount.com
                new Lister(Types.SERVICE_ACCOUNT, "HEADWAY_IAM_ENDPOINT", "https://iam.googleapis.com",
                        "/v1/projects/" + enc(project) + "/serviceAccounts?pageSize=100", "accounts", i -> {
                            String email = i.path("email").asText();
                            return email.endsWith(suffix) ? email.substring(0, email.length() - suffix.length()) : email;
                        }, "iam.serviceAccounts.list", "iam.serviceAccounts.list (roles/iam.serviceAccountViewer)"),
                // https://cloud.google.com/compute/docs/reference/rest/v1/networks/list and firewalls/list: maxResults at most 500
                new Lister(Types.COMPUTE_NETWORK, "HEADWAY_COMPUTE_ENDPOINT", "https://compute.googleapis.com",
                        "/compute/v1/projects/" + enc(project) + "/global/networks?maxResults=500", "items", i -> i.path("name").asText(),
                        "compute.networks.list", "compute.networks.list (roles/compute.networkViewer)"),
                new Lister(Types.COMPUTE_FIREWALL, "HEADWAY_COMPUTE_ENDPOINT", "https://compute.googleapis.com",
                        "/compute/v1/projects/" + enc(project) + "/global/firewalls?maxResults=500", "items", i -> i.path("name").asText(),
                        "compute.firewalls.list", "compute.firewalls.list (roles/compute.networkViewer)"),
                // https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alertPolicies/list: the id is Google's
                // (name projects/<p>/alertPolicies/<id>), so a policy is found by its displayName
                new Lister(Types.MONITORING_ALERT_POLICY, "HEADWAY_MONITORING_ENDPOINT", "https://monitoring.googleapis.com",
                        "/v3/projects/" + enc(project) + "/alertPolicies?pageSize=1000", "alertPolicies", i -> i.path("displayName").asText(),
                        i -> i.path("name").asText(), "monitoring.alertPolicies.list", "monitoring.alertPolicies.list (roles/monitoring.viewer)"),
                // https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.notificationChannels/list
                new Lister(Types.MONITORING_NOTIFICATION_CHANNEL, "HEADWAY_MONITORING_ENDPOINT", "https://monitoring.googleapis.com",
                        "/v3/projects/" + enc(project) + "/notificationChannels?pageSize=1000", "notificationChannels",
                        i -> i.path("displayName").asText(), i -> i.path("name").asText(),
                        "monitoring.notificationChannels.list", "monitoring.notificationChannels.list (roles/monitoring.viewer)"),
                // https://cloud.google.com/secret-manager/docs/reference/rest/v1/projects.secrets/list: name projects/<number>/secrets/<id>
                new Lister(Types.SECRET, "HEADWAY_SECRETMANAGER_ENDPOINT", "https://secretmanager.googleapis.com",
                        "/v1/projects/" + enc(project) + "/secrets?pageSize=1000", "secrets", i -> last(i, "name"),
                        "secretmanager.secrets.list", "secretmanager.secrets.list (roles/secretmanager.viewer)"),
                // https://cloud.google.com/firestore/docs/reference/rest/v1/projects.databases/list: databases[].name, one page
                new Lister(Types.FIRESTORE_DATABASE, "HEADWAY_FIRESTORE_ENDPOINT", "https://firestore.googleapis.com",
                        "/v1/projects/" + enc(project) + "/databases", "databases", i -> last(i, "name"),
                        "datastore.databases.list", "datastore.databases.list (roles/datastore.viewer)"),
                // https://cloud.google.com/compute/docs/reference/rest/v1/subnetworks/list, routers/list, instances/list
                new Lister(Types.COMPUTE_SUBNETWORK, "HEADWAY_COMPUTE_ENDPOINT", "https://compute.googleapis.com",
                        "/compute/v1/projects/" + p + "/regions/" + enc(region) + "/subnetworks?maxResults=500", "items",
                        i -> i.path("name").asText(), "compute.subnetworks.list", "compute.subnetworks.list (roles/compute.networkViewer)"),
                new Lister(Types.COMPUTE_ROUTER, "HEADWAY_COMPUTE_ENDPOINT", "https://compute.googleapis.com",
                        "/compute/v1/projects/" + p + "/regions/" + enc(region) + "/routers?maxResults=500", "items",
                        i -> i.path("name").asText(), "compute.routers.list", "compute.routers.list (roles/compute.networkViewer)"),
                new Lister(Types.COMPUTE_INSTANCE, "HEADWAY_COMPUTE_ENDPOINT", "https://compute.googleapis.com",
                        "/compute/v1/projects/" + p + "/zones/" + enc(zone) + "/instances?maxResults=500", "items",
                        i -> i.path("name").asText(), "compute.instances.list", "compute.instances.list (roles/compute.viewer)"),
                // https://cloud.google.com/artifact-registry/docs/reference/rest/v1/projects.locations.repositories/list
                new Lister(Types.ARTIFACT_REPOSITORY, "HEADWAY_ARTIFACTREGISTRY_ENDPOINT", "https://artifactregistry.googleapis.com",
                        "/v1/projects/" + p + "/locations/" + enc(region) + "/repositories?pageSize=1000", "repositories", i -> last(i, "name"),
                        "artifactregistry.repositories.list", "artifactregistry.repositories.list (roles/artifactregistry.reader)"),
                // https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools/list
                new Lister(Types.WORKLOAD_IDENTITY_POOL, "HEADWAY_IAM_ENDPOINT", "https://iam.googleapis.com",
                        "/v1/projects/" + p + "/locations/global/workloadIdentityPools?pageSize=1000", "workloadIdentityPools", i -> last(i, "name"),
                        "iam.workloadIdentityPools.list", "iam.workloadIdentityPools.list (roles/iam.workloadIdentityPoolViewer)"),
                // https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/list and tensorboards/list:
                // regional hosts; names hold the project number and Google's numeric id; a TensorBoard is found by displayName
                new Lister(Types.VERTEX_ENDPOINT, "HEADWAY_VERTEX_REST_ENDPOINT", "https://" + region + "-aiplatform.googleapis.com",
                        "/v1/projects/" + p + "/locations/" + enc(region) + "/endpoints?pageSize=1000", "endpoints", i -> last(i, "name"),
                        "aiplatform.endpoints.list", "aiplatform.endpoints.list (roles/aiplatform.viewer)"),
                new Lister(Types.VERTEX_TENSORBOARD, "HEADWAY_VERTEX_REST_ENDPOINT", "https://" + region + "-aiplatform.googleapis.com",
                        "/v1/projects/" + p + "/locations/" + enc(region) + "/tensorboards?pageSize=1000", "tensorboards",
                        i -> i.path("displayName").asText(), i -> last(i, "name"),
                        "aiplatform.tensorboards.list", "aiplatform.tensorboards.list (roles/aiplatform.viewer)"),
                // https://cloud.google.com/compute/docs/reference/rest/v1/routers/list: each Router carries its nats[] (RouterNat.name)
                Lister.nested(Types.COMPUTE_ROUTER_NAT, "HEADWAY_COMPUTE_ENDPOINT", "https://compute.googleapis.com",
                        "/compute/v1/projects/" + p + "/regions/" + enc(region) + "/routers?maxResults=500", "items", "nats",
                        "compute.routers.list", "compute.routers.list (roles/compute.networkViewer)"),
                // https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters/list: clusters[] with
                // their nodePools[], one answer (the request has no page parameters); the plan's clusters are regional
                new Lister(Types.GKE_CLUSTER, "HEADWAY_CONTAINER_ENDPOINT", "https://container.googleapis.com",
                        "/v1/projects/" + p + "/locations/" + enc(region) + "/clusters", "clusters", i -> i.path("name").asText(),
                        "container.clusters.list", "container.clusters.list (roles/container.clusterViewer)"),
                Lister.nested(Types.GKE_NODE_POOL, "HEADWAY_CONTAINER_ENDPOINT", "https://container.googleapis.com",
                        "/v1/projects/" + p + "/locations/" + enc(region) + "/clusters", "clusters", "nodePools",
                        "container.clusters.list", "container.clusters.list (roles/container.clusterViewer)"),
                // https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/list: jobs[].name
                // projects/<project>/locations/<location>/jobs/<jobId>
                new Lister(Types.CLOUD_RUN_JOB, "HEADWAY_RUN_ENDPOINT", "https://run.googleapis.com",
                        "/v2/projects/" + p + "/locations/" + enc(region) + "/jobs?pageSize=100", "jobs", i -> last(i, "name"),
                        "run.jobs.list", "run.jobs.list (roles/run.viewer)"),
                // https://cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs/list: "The maximum page size is 500"
                new Lister(Types.SCHEDULER_JOB, "HEADWAY_SCHEDULER_ENDPOINT", "https://cloudscheduler.googleapis.com",
                        "/v1/projects/" + p + "/locations/" + enc(region) + "/jobs?pageSize=500", "jobs", i -> last(i, "name"),
                        "cloudscheduler.jobs.list", "cloudscheduler.jobs.list (roles/cloudscheduler.viewer)"),
                // https://cloud.google.com/bigquery/docs/reference/rest/v2/tables/list: per dataset, tables[].tableReference.tableId
                Lister.under(Types.BIGQUERY_DATASET, Types.BIGQUERY_TABLE, "HEADWAY_BIGQUERY_ENDPOINT", "https://bigquery.googleapis.com",
                        "/bigquery/v2/projects/" + p + "/datasets/{parent}/tables?maxResults=1000", "tables",
                        i -> i.path("tableReference").path("tableId").asText(), "bigquery.tables.list", "bigquery.tables.list (roles/bigquery.metadataViewer)"),
                // https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers/list:
                // per pool, pageSize at most 100 (larger is cut to 100); workloadIdentityPoolProviders[].name ends in the provider id
                Lister.under(Types.WORKLOAD_IDENTITY_POOL, Types.WORKLOAD_IDENTITY_POOL_PROVIDER,
                        "HEADWAY_IAM_ENDPOINT", "https://iam.googleapis.com",
                        "/v1/projects/" + p + "/locations/global/workloadIdentityPools/{parent}/providers?pageSize=100", "workloadIdentityPoolProviders",
                        i -> last(i, "name"), "iam.workloadIdentityPoolProviders.list", "iam.workloadIdentityPoolProviders.list (roles/iam.workloadIdentityPoolViewer)"));
    }

    private final Map<String, Lister> byType;
    private final Map<String, String> env;
    private final Duration timeout;
    private final HttpClient http;
    private final Map<String, Map<String, String>> cache = new HashMap<>();
    private String token;

    public RestDiscovery(String project, String region, String zone, Map<String, String> env, Duration timeout) {
        this.byType = listers(project, region, zone).stream().collect(Collectors.toMap(Lister::type, l -> l));
        this.env = env;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10)).build();
    }

    @Override
    public Set<String> types() {
        return byType.keySet();
    }

    @Override
    public Optional<Map<String, String>> list(String type) {
        Lister l = byType.get(type);
        if (l == null) {
            return Optional.empty();
        }
        // not computeIfAbsent: a kind listed per parent lists its parents' kind first, through this cache
        Map<String, String> known = cache.get(type);
        if (known == null) {
            known = fetch(l);
            cache.put(type, known);
        }
        return Optional.of(known);
    }

    private Map<String, String> fetch(Lister l) {
        String base = Optional.ofNullable(env.get(l.envVar())).filter(s -> !s.isBlank()).orElse(l.defaultBase()).replaceAll("/+$", "");
        URI baseUri = URI.create(base);
        boolean local = "http".equals(baseUri.getScheme()) && dev.headway.infra.hooks.GoogleClients.forEndpoint(
                baseUri.getHost() + ":" + Math.max(baseUri.getPort(), 80), timeout).plaintext();
        if (!local && !"https".equals(baseUri.getScheme())) {
            throw new UserError(UserError.USAGE, l.envVar() + " \"" + base + "\": expected https://host, or http:// on a loopback host");
        }
        Map<String, String> out = new TreeMap<>();
        if (l.parentType() == null) {
            pages(l, base, l.path(), local, out);
        } else {
            for (String parent : list(l.parentType()).orElseThrow().keySet()) {
                pages(l, base, l.path().replace("{parent}", enc(parent)), local, out);
            }
        }
        return out;
    }

    /** Every page of one list call into {@code out}; the pages of one call share one deadline ({@code --timeout}). */
    private void pages(Lister l, String base, String path, boolean local, Map<String, String> out) {
        Instant deadline = Instant.now().plus(timeout);
        String page = null;
        do {
            String url = base + path + (page == null ? "" : (path.contains("?") ? "&" : "?") + "pageToken=" + enc(page));
            HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).GET()
                    .timeout(Duration.between(Instant.now(), deadline).isNegative() ? Duration.ofMillis(1) : Duration.between(Instant.now(), deadline));
            if (!local) {
                req.header("Authorization", "Bearer " + token());
            }
            JsonNode body = send(l, req.build(), base);
            for (JsonNode listed : body.path(l.itemsField())) {
                for (JsonNode item : l.nestedField() == null ? List.of(listed) : listed.path(l.nestedField())) {
                    // display names need not be unique (a script run twice makes two alert policies), nor NAT or node pool
                    // names across routers or clusters: such a key is ambiguous
                    out.merge(l.key().apply(item), l.serverId().apply(item), (a, b) -> AMBIGUOUS);
                }
            }
            page = body.path("nextPageToken").asText(null);
            if (page != null && page.isEmpty()) {
                page = null;
            }
        } while (page != null);
    }

    private JsonNode send(Lister l, HttpRequest req, String base) {
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString());
            if (resp.statusCode() != 200) {
                String message = JSON.readTree(resp.body().isBlank() ? "{}" : resp.body()).path("error").path("message").asText("");
                throw new UserError(UserError.ENVIRONMENT, l.source() + " at " + base + " answered HTTP " + resp.statusCode()
                        + (message.isEmpty() ? "" : ": " + message) + " (the caller needs " + l.permission() + "; " + l.envVar() + " overrides the endpoint)");
            }
            return JSON.readTree(resp.body());
        } catch (java.net.http.HttpTimeoutException e) {
            throw new UserError(UserError.ENVIRONMENT, l.source() + " at " + base + ": no answer within " + timeout.toSeconds() + " s (--timeout)");
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, l.source() + " at " + base + ": " + e.getMessage() + " (" + l.envVar() + " overrides the endpoint)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(UserError.ENVIRONMENT, l.source() + ": interrupted");
        }
    }

    private String token() {
        if (token == null) {
            try {
                GoogleCredentials c = GoogleCredentials.getApplicationDefault()
                        .createScoped(List.of("https://www.googleapis.com/auth/cloud-platform"));
                c.refreshIfExpired();
                token = c.getAccessToken().getTokenValue();
            } catch (IOException e) {
                throw new UserError(UserError.ENVIRONMENT, "no Application Default Credentials: " + e.getMessage().lines().findFirst().orElse("")
                        + " (run gcloud auth application-default login)");
            }
        }
        return token;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
