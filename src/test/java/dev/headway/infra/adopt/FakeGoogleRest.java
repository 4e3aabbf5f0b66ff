package dev.headway.infra.adopt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process stand-in for Google list methods on loopback, refusing what the real APIs refuse:
 * <ul>
 * <li>Cloud Storage {@code GET /storage/v1/b}: {@code project} is a required query parameter; {@code maxResults}
 * at most 1000 (https://cloud.google.com/storage/docs/json_api/v1/buckets/list); items[].name.</li>
 * <li>BigQuery {@code GET /bigquery/v2/projects/{projectId}/datasets}: datasets[].datasetReference
 * (https://cloud.google.com/bigquery/docs/reference/rest/v2/datasets/list).</li>
 * <li>IAM {@code GET /v1/projects/{project}/serviceAccounts}: {@code pageSize} at most 100; accounts[].email
 * (https://cloud.google.com/iam/docs/reference/rest/v1/projects.serviceAccounts/list).</li>
 * <li>Compute {@code GET /compute/v1/projects/{project}/global/networks} and {@code .../firewalls}: {@code maxResults}
 * at most 500 (https://cloud.google.com/compute/docs/reference/rest/v1/networks/list); items[].name.</li>
 * <li>Monitoring {@code GET /v3/projects/{project}/alertPolicies} and {@code .../notificationChannels}: names
 * {@code projects/<project>/alertPolicies/<id>} with the id Google chose, and a displayName
 * (https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.alertPolicies/list).</li>
 * <li>Secret Manager {@code GET /v1/projects/{project}/secrets}: names {@code projects/<number>/secrets/<id>}
 * (the project number, not its id: https://cloud.google.com/secret-manager/docs/reference/rest/v1/projects.secrets/list).</li>
 * <li>Firestore {@code GET /v1/projects/{project}/databases}: databases[].name, one page, no page token
 * (https://cloud.google.com/firestore/docs/reference/rest/v1/projects.databases/list).</li>
 * <li>Compute regional and zonal lists ({@code /regions/{region}/subnetworks}, {@code /regions/{region}/routers},
 * {@code /zones/{zone}/instances}), {@code maxResults} at most 500.</li>
 * <li>Artifact Registry {@code GET /v1/projects/{p}/locations/{l}/repositories}: {@code pageSize} at most 1000
 * (https://cloud.google.com/artifact-registry/docs/reference/rest/v1/projects.locations.repositories/list).</li>
 * <li>IAM {@code GET /v1/projects/{p}/locations/global/workloadIdentityPools}: pools live only in {@code global}.</li>
 * <li>Vertex AI {@code GET /v1/projects/{p}/locations/{l}/endpoints} and {@code .../tensorboards}: names with the project
 * number and Google's numeric id (https://cloud.google.com/vertex-ai/docs/reference/rest/v1/projects.locations.endpoints/list).</li>
 * <li>Compute routers carry their Cloud NATs ({@code nats[].name}, https://cloud.google.com/compute/docs/reference/rest/v1/routers/list).</li>
 * <li>GKE {@code GET /v1/projects/{p}/locations/{l}/clusters}: clusters[] with their nodePools[], one answer; the request
 * has no page parameters, so one is refused as an unknown name
 * (https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters/list).</li>
 * <li>Cloud Run {@code GET /v2/projects/{p}/locations/{l}/jobs}: names {@code projects/<p>/locations/<l>/jobs/<id>}; jobs are
 * regional, so a zone or {@code global} is refused (https://cloud.google.com/run/docs/reference/rest/v2/projects.locations.jobs/list).</li>
 * <li>Cloud Scheduler {@code GET /v1/projects/{p}/locations/{l}/jobs}: names {@code projects/<p>/locations/<l>/jobs/<id>}
 * (https://cloud.google.com/scheduler/docs/reference/rest/v1/projects.locations.jobs/list).</li>
 * <li>BigQuery {@code GET /bigquery/v2/projects/{p}/datasets/{d}/tables}: tables[].tableReference; a dataset that does not
 * exist is 404 (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables/list).</li>
 * <li>IAM {@code GET /v1/projects/{p}/locations/global/workloadIdentityPools/{pool}/providers}: a pool that does not exist is
 * 404 (https://cloud.google.com/iam/docs/reference/rest/v1/projects.locations.workloadIdentityPools.providers/list).</li>
 * </ul>
 * Only GET (anything else is 405), unknown paths 404, a project outside {@code project} 403 PERMISSION_DENIED.
 * Pages of {@link #PAGE} items chained by {@code nextPageToken}, so a client that ignores it misses items.
 */
public final class FakeGoogleRest implements AutoCloseable {
    static final int PAGE = 2;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DATASETS = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets");
    private static final Pattern ACCOUNTS = Pattern.compile("/v1/projects/([^/]+)/serviceAccounts");
    private static final Pattern COMPUTE = Pattern.compile("/compute/v1/projects/([^/]+)/global/(networks|firewalls)");
    private static final Pattern MONITORING = Pattern.compile("/v3/projects/([^/]+)/(alertPolicies|notificationChannels)");
    private static final Pattern SECRETS = Pattern.compile("/v1/projects/([^/]+)/secrets");
    private static final Pattern DATABASES = Pattern.compile("/v1/projects/([^/]+)/databases");
    static final String PROJECT_NUMBER = "123456789012";
    private static final Pattern REGIONAL = Pattern.compile("/compute/v1/projects/([^/]+)/(regions/[a-z]+-[a-z]+[0-9]+|zones/[a-z]+-[a-z]+[0-9]+-[a-z])/(subnetworks|routers|instances)");
    private static final Pattern TABLES = Pattern.compile("/bigquery/v2/projects/([^/]+)/datasets/([^/]+)/tables");
    private static final Pattern PROVIDERS = Pattern.compile("/v1/projects/([^/]+)/locations/global/workloadIdentityPools/([^/]+)/providers");
    private static final Pattern CLUSTERS = Pattern.compile("/v1/projects/([^/]+)/locations/([a-z0-9-]+)/clusters");
    private static final Pattern JOBS = Pattern.compile("/(v1|v2)/projects/([^/]+)/locations/([a-z0-9-]+)/jobs");
    private static final Pattern LOCATIONS = Pattern.compile("/v1/projects/([^/]+)/locations/([a-z0-9-]+)/(repositories|workloadIdentityPools|endpoints|tensorboards)");

    private final HttpServer server;
    private final String project;
    public final List<String> buckets = new CopyOnWriteArrayList<>();
    public final List<String> datasets = new CopyOnWriteArrayList<>();
    public final List<String> accountEmails = new CopyOnWriteArrayList<>();
    public final List<String> networks = new CopyOnWriteArrayList<>();
    public final List<String> firewalls = new CopyOnWriteArrayList<>();
    /** Display names; Google numbers them 1000, 1001, ... in order. */
    public final List<String> alertPolicies = new CopyOnWriteArrayList<>();
    public final List<String> notificationChannels = new CopyOnWriteArrayList<>();
    public final List<String> secrets = new CopyOnWriteArrayList<>();
    public final List<String> databases = new CopyOnWriteArrayList<>();
    public final List<String> subnetworks = new CopyOnWriteArrayList<>();
    public final List<String> routers = new CopyOnWriteArrayList<>();
    public final List<String> instances = new CopyOnWriteArrayList<>();
    public final List<String> repositories = new CopyOnWriteArrayList<>();
    public final List<String> pools = new CopyOnWriteArrayList<>();
    /** Vertex endpoint ids (Google's numbers). */
    public final List<String> endpoints = new CopyOnWriteArrayList<>();
    /** TensorBoard display names; Google numbers them 7000, 7001, ... in order. */
    public final List<String> tensorboards = new CopyOnWriteArrayList<>();
    /** Router name to its Cloud NATs' names (a router listed in {@link #routers}). */
    public final Map<String, List<String>> routerNats = new java.util.concurrent.ConcurrentHashMap<>();
    /** GKE cluster name to its node pools' names, in order. */
    public final Map<String, List<String>> clusters = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    /** Dataset id to its table ids (a dataset listed in {@link #datasets}). */
    public final Map<String, List<String>> tables = new java.util.concurrent.ConcurrentHashMap<>();
    /** Pool id to its provider ids (a pool listed in {@link #pools}). */
    public final Map<String, List<String>> providers = new java.util.concurrent.ConcurrentHashMap<>();
    public final List<String> runJobs = new CopyOnWriteArrayList<>();
    public final List<String> schedulerJobs = new CopyOnWriteArrayList<>();
    public final List<String> requests = new CopyOnWriteArrayList<>();
    public volatile long delayMillis;

    public FakeGoogleRest(String project) throws IOException {
        this.project = project;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            if (!ex.getRequestMethod().equals("GET")) {
                error(ex, 405, "METHOD_NOT_ALLOWED", "only list (GET) is served here");
                return;
            }
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            Matcher d = DATASETS.matcher(path);
            Matcher a = ACCOUNTS.matcher(path);
            if (path.equals("/storage/v1/b")) {
                if (!q.containsKey("project")) {
                    error(ex, 400, "INVALID_ARGUMENT", "Required parameter: project");
                } else if (Integer.parseInt(q.getOrDefault("maxResults", "1000")) > 1000) {
                    error(ex, 400, "INVALID_ARGUMENT", "Invalid maxResults");
                } else if (allowed(ex, q.get("project"))) {
                    page(ex, q, "items", buckets, n -> JSON.createObjectNode().put("kind", "storage#bucket").put("name", n));
                }
            } else if (d.matches()) {
                if (allowed(ex, d.group(1))) {
                    page(ex, q, "datasets", datasets, n -> {
                        ObjectNode o = JSON.createObjectNode().put("kind", "bigquery#dataset").put("id", project + ":" + n);
                        o.putObject("datasetReference").put("projectId", project).put("datasetId", n);
                        return o;
                    });
                }
            } else if (a.matches()) {
                if (Integer.parseInt(q.getOrDefault("pageSize", "20")) > 100) {
                    error(ex, 400, "INVALID_ARGUMENT", "pageSize must be at most 100");
                } else if (allowed(ex, a.group(1))) {
                    page(ex, q, "accounts", accountEmails, n -> JSON.createObjectNode().put("email", n)
                            .put("name", "projects/" + project + "/serviceAccounts/" + n));
                }
            } else if (path.matches(COMPUTE.pattern())) {
                Matcher c = COMPUTE.matcher(path);
                c.matches();
                if (Integer.parseInt(q.getOrDefault("maxResults", "500")) > 500) {
                    error(ex, 400, "INVALID_ARGUMENT", "Invalid value for field 'maxResults': must be less than or equal to 500");
                } else if (allowed(ex, c.group(1))) {
                    boolean nets = c.group(2).equals("networks");
                    page(ex, q, "items", nets ? networks : firewalls, n -> JSON.createObjectNode()
                            .put("kind", nets ? "compute#network" : "compute#firewall").put("name", n));
                }
            } else if (path.matches(MONITORING.pattern())) {
                Matcher m = MONITORING.matcher(path);
                m.matches();
                if (allowed(ex, m.group(1))) {
                    List<String> all = m.group(2).equals("alertPolicies") ? alertPolicies : notificationChannels;
                    page(ex, q, m.group(2), all, n -> JSON.createObjectNode()
                            .put("name", "projects/" + project + "/" + m.group(2) + "/" + (1000 + all.indexOf(n))).put("displayName", n));
                }
            } else if (path.matches(SECRETS.pattern())) {
                Matcher m = SECRETS.matcher(path);
                m.matches();
                if (allowed(ex, m.group(1))) {
                    page(ex, q, "secrets", secrets, n -> JSON.createObjectNode().put("name", "projects/" + PROJECT_NUMBER + "/secrets/" + n));
                }
            } else if (path.matches(DATABASES.pattern())) {
                Matcher m = DATABASES.matcher(path);
                m.matches();
                if (q.containsKey("pageToken") || q.containsKey("pageSize")) {
                    error(ex, 400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unknown name \\\"pageSize\\\"");
                } else if (allowed(ex, m.group(1))) {
                    ObjectNode body = JSON.createObjectNode();
                    ArrayNode items = body.putArray("databases");
                    databases.forEach(n -> items.addObject().put("name", "projects/" + project + "/databases/" + n));
                    send(ex, 200, body.toString());
                }
            } else if (path.matches(REGIONAL.pattern())) {
                Matcher m = REGIONAL.matcher(path);
                m.matches();
                if (Integer.parseInt(q.getOrDefault("maxResults", "500")) > 500) {
                    error(ex, 400, "INVALID_ARGUMENT", "Invalid value for field 'maxResults': must be less than or equal to 500");
                } else if (allowed(ex, m.group(1))) {
                    List<String> all = switch (m.group(3)) {
                        case "subnetworks" -> subnetworks;
                        case "routers" -> routers;
                        default -> instances;
                    };
                    page(ex, q, "items", all, n -> {
                        ObjectNode o = JSON.createObjectNode().put("name", n);
                        if (all == routers) {
                            routerNats.getOrDefault(n, List.of()).forEach(nat -> o.withArray("nats").addObject().put("name", nat));
                        }
                        return o;
                    });
                }
            } else if (path.matches(LOCATIONS.pattern())) {
                Matcher m = LOCATIONS.matcher(path);
                m.matches();
                String kind = m.group(3);
                String location = m.group(2);
                if (kind.equals("workloadIdentityPools") != location.equals("global")) {
                    error(ex, 400, "INVALID_ARGUMENT", "location " + location + " is not supported for " + kind);
                } else if (kind.equals("repositories") && Integer.parseInt(q.getOrDefault("pageSize", "100")) > 1000) {
                    error(ex, 400, "INVALID_ARGUMENT", "Maximum page size is 1000");
                } else if (allowed(ex, m.group(1))) {
                    String prefix = (kind.equals("endpoints") || kind.equals("tensorboards") ? "projects/" + PROJECT_NUMBER : "projects/" + project)
                            + "/locations/" + location + "/" + kind + "/";
                    switch (kind) {
                        case "repositories" -> page(ex, q, kind, repositories, n -> JSON.createObjectNode().put("name", prefix + n));
                        case "workloadIdentityPools" -> page(ex, q, kind, pools, n -> JSON.createObjectNode().put("name", prefix + n));
                        case "endpoints" -> page(ex, q, kind, endpoints, n -> JSON.createObjectNode().put("name", prefix + n).put("displayName", "ep-" + n));
                        default -> page(ex, q, kind, tensorboards, n -> JSON.createObjectNode()
                                .put("name", prefix + (7000 + tensorboards.indexOf(n))).put("displayName", n));
                    }
                }
            } else if (path.matches(TABLES.pattern())) {
                Matcher m = TABLES.matcher(path);
                m.matches();
                if (!allowed(ex, m.group(1))) {
                    return;
                } else if (!datasets.contains(m.group(2))) {
                    error(ex, 404, "NOT_FOUND", "Not found: Dataset " + project + ":" + m.group(2));
                } else {
                    page(ex, q, "tables", tables.getOrDefault(m.group(2), List.of()), n -> {
                        ObjectNode o = JSON.createObjectNode().put("kind", "bigquery#table");
                        o.putObject("tableReference").put("projectId", project).put("datasetId", m.group(2)).put("tableId", n);
                        return o;
                    });
                }
            } else if (path.matches(PROVIDERS.pattern())) {
                Matcher m = PROVIDERS.matcher(path);
                m.matches();
                if (!allowed(ex, m.group(1))) {
                    return;
                } else if (!pools.contains(m.group(2))) {
                    error(ex, 404, "NOT_FOUND", "Requested entity was not found.");
                } else {
                    String prefix = "projects/" + PROJECT_NUMBER + "/locations/global/workloadIdentityPools/" + m.group(2) + "/providers/";
                    page(ex, q, "workloadIdentityPoolProviders", providers.getOrDefault(m.group(2), List.of()),
                            n -> JSON.createObjectNode().put("name", prefix + n));
                }
            } else if (path.matches(CLUSTERS.pattern())) {
                Matcher m = CLUSTERS.matcher(path);
                m.matches();
                if (q.containsKey("pageToken") || q.containsKey("pageSize")) {
                    error(ex, 400, "INVALID_ARGUMENT", "Invalid JSON payload received. Unknown name \\\"pageSize\\\"");
                } else if (allowed(ex, m.group(1))) {
                    ObjectNode body = JSON.createObjectNode();
                    ArrayNode items = body.putArray("clusters");
                    synchronized (clusters) {
                        clusters.forEach((c, pools) -> {
                            ObjectNode o = items.addObject().put("name", c).put("location", m.group(2));
                            pools.forEach(np -> o.withArray("nodePools").addObject().put("name", np));
                        });
                    }
                    send(ex, 200, body.toString());
                }
            } else if (path.matches(JOBS.pattern())) {
                Matcher m = JOBS.matcher(path);
                m.matches();
                boolean run = m.group(1).equals("v2");
                if (run && !m.group(3).matches("[a-z]+-[a-z]+[0-9]+")) {
                    error(ex, 400, "INVALID_ARGUMENT", "Location " + m.group(3) + " is not a Cloud Run region");
                } else if (allowed(ex, m.group(2))) {
                    String prefix = "projects/" + project + "/locations/" + m.group(3) + "/jobs/";
                    page(ex, q, "jobs", run ? runJobs : schedulerJobs, n -> JSON.createObjectNode().put("name", prefix + n));
                }
            } else {
                error(ex, 404, "NOT_FOUND", "no such method: " + path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ex.close();
        }
    }

    private boolean allowed(HttpExchange ex, String p) throws IOException {
        if (!p.equals(project)) {
            error(ex, 403, "PERMISSION_DENIED", "The caller does not have permission");
            return false;
        }
        return true;
    }

    private void page(HttpExchange ex, Map<String, String> q, String field, List<String> all,
                      java.util.function.Function<String, ObjectNode> item) throws IOException {
        int start = q.containsKey("pageToken") ? Integer.parseInt(q.get("pageToken").substring("page-".length())) : 0;
        ObjectNode body = JSON.createObjectNode();
        ArrayNode items = body.putArray(field);
        for (int i = start; i < Math.min(all.size(), start + PAGE); i++) {
            items.add(item.apply(all.get(i)));
        }
        if (start + PAGE < all.size()) {
            body.put("nextPageToken", "page-" + (start + PAGE));
        }
        send(ex, 200, body.toString());
    }

    private static void error(HttpExchange ex, int code, String status, String message) throws IOException {
        send(ex, code, "{\"error\":{\"code\":" + code + ",\"message\":\"" + message + "\",\"status\":\"" + status + "\"}}");
    }

    private static void send(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new HashMap<>();
        if (raw == null) {
            return q;
        }
        for (String kv : raw.split("&")) {
            int eq = kv.indexOf('=');
            q.put(URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return q;
    }

    /** The endpoint variables pointing at this fake. */
    public Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        for (String service : List.of("STORAGE", "BIGQUERY", "IAM", "COMPUTE", "MONITORING", "SECRETMANAGER", "FIRESTORE",
                "ARTIFACTREGISTRY", "VERTEX_REST", "CONTAINER", "RUN", "SCHEDULER")) {
            env.put("HEADWAY_" + service + "_ENDPOINT", url());
        }
        return Map.copyOf(env);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    public List<String> requests() {
        return new ArrayList<>(requests);
    }
}
