package dev.headway.infra.hooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** smoke-warehouse with the real google-cloud-bigquery client against a BigQuery REST fake on loopback. */
class SmokeWarehouseTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String SCHEMA = "[{\"name\":\"feed_ts\",\"type\":\"TIMESTAMP\",\"mode\":\"REQUIRED\"},"
            + "{\"name\":\"trip_id\",\"type\":\"STRING\"},{\"name\":\"delay_s\",\"type\":\"INT64\"},"
            + "{\"name\":\"stop\",\"type\":\"RECORD\",\"fields\":[{\"name\":\"id\",\"type\":\"STRING\"}]}]";

    HttpServer server;
    final Map<String, String> resources = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger unavailable = new AtomicInteger();
    final java.util.Set<String> forbidden = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(ex.getRequestMethod() + " " + path);
            String body;
            int code;
            if (!"GET".equals(ex.getRequestMethod())) {
                // datasets.get and tables.get are GET (BigQuery REST v2 reference: GET .../datasets/{datasetId},
                // GET .../datasets/{datasetId}/tables/{tableId}); the hook reads and must never write
                code = 405;
                body = "{\"error\":{\"code\":405,\"message\":\"" + ex.getRequestMethod() + " is not allowed here\"}}";
            } else if (forbidden.contains(path)) {
                code = 403;
                body = "{\"error\":{\"code\":403,\"message\":\"Access Denied: " + path + "\",\"errors\":[{\"reason\":\"accessDenied\",\"message\":\"Access Denied\"}]}}";
            } else if (unavailable.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                code = 503;
                body = "{\"error\":{\"code\":503,\"message\":\"injected\",\"errors\":[{\"reason\":\"backendError\",\"message\":\"injected\"}]}}";
            } else if (resources.containsKey(path)) {
                code = 200;
                body = resources.get(path);
            } else {
                code = 404;
                body = "{\"error\":{\"code\":404,\"message\":\"Not found: " + path + "\",\"errors\":[{\"reason\":\"notFound\",\"message\":\"Not found\"}]}}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json; charset=UTF-8");
            ex.sendResponseHeaders(code, bytes.length);
            ex.getResponseBody().write(bytes);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void dataset(String id) {
        resources.put("/bigquery/v2/projects/headway-dev/datasets/" + id,
                "{\"kind\":\"bigquery#dataset\",\"id\":\"headway-dev:" + id + "\",\"datasetReference\":{\"projectId\":\"headway-dev\",\"datasetId\":\"" + id + "\"}}");
    }

    private void table(String ds, String id, String schemaFields) {
        resources.put("/bigquery/v2/projects/headway-dev/datasets/" + ds + "/tables/" + id,
                "{\"kind\":\"bigquery#table\",\"id\":\"headway-dev:" + ds + "." + id + "\",\"type\":\"TABLE\","
                        + "\"tableReference\":{\"projectId\":\"headway-dev\",\"datasetId\":\"" + ds + "\",\"tableId\":\"" + id + "\"},"
                        + "\"schema\":{\"fields\":" + schemaFields + "}}");
    }

    static PlannedResource resource(String type, String name, Map<String, String> inputs) {
        ObjectNode in = JSON.createObjectNode();
        inputs.forEach(in::put);
        return new PlannedResource("urn:pulumi:dev::headway::" + type + "::" + name, type, name, null, true,
                List.of(), Map.of(), false, false, in);
    }

    static WarehouseSchema declared() {
        Plan plan = new Plan("dev", "headway", List.of(
                resource(Types.BIGQUERY_DATASET, "raw", Map.of("datasetId", "hw_dev_raw", "project", "headway-dev")),
                resource(Types.BIGQUERY_TABLE, "raw-feed", Map.of("datasetId", "hw_dev_raw", "tableId", "feed_messages",
                        "schema", SCHEMA))), Map.of());
        return WarehouseSchema.fromPlan(plan);
    }

    private HookResult run(WarehouseSchema expected) {
        return new SmokeWarehouse(expected, Optional.of(base()), Map.of(), GoogleClients.forEndpoint("bigquery.googleapis.com:443",
                Duration.ofSeconds(20))).run(StackOutputs.parse("test", "{\"project\": \"headway-dev\"}"));
    }

    @Test
    void readsDatasetsAndSchemasFromThePlan() {
        WarehouseSchema w = declared();
        assertEquals(java.util.Set.of("hw_dev_raw"), w.datasets());
        assertEquals("feed_ts TIMESTAMP REQUIRED", w.tables().get(0).columns().get(0).toString());
        assertEquals("STRUCT", w.tables().get(0).columns().get(3).type());
    }

    @Test
    void passesWhenEverythingExistsAsDeclaredEvenAfterA503() {
        dataset("hw_dev_raw");
        // BigQuery answers in legacy type names (INTEGER, RECORD): the same schema as declared.
        table("hw_dev_raw", "feed_messages", SCHEMA.replace("INT64", "INTEGER"));
        unavailable.set(1);
        HookResult r = run(declared());
        assertEquals(HookResult.Status.PASS, r.status(), r.reason() + " " + requests);
        assertEquals(3, requests.size(), "one 503 retried, then dataset and table: " + requests);
    }

    @Test
    void aSchemaThatDiffersFails() {
        dataset("hw_dev_raw");
        table("hw_dev_raw", "feed_messages", SCHEMA.replace("\"delay_s\",\"type\":\"INT64\"", "\"delay_s\",\"type\":\"STRING\""));
        HookResult r = run(declared());
        assertEquals(HookResult.Status.FAIL, r.status());
        assertTrue(r.reason().contains("hw_dev_raw.feed_messages has schema") && r.reason().contains("delay_s STRING"), r.reason());
    }

    /**
     * A column's mode is part of its schema: a REQUIRED column the table holds as NULLABLE accepts rows
     * without it, a REPEATED one holds arrays (cloud.google.com/bigquery/docs/schemas#modes). Either fails.
     */
    @Test
    void aColumnWhoseModeDiffersFails() {
        dataset("hw_dev_raw");
        table("hw_dev_raw", "feed_messages", SCHEMA.replace("\"trip_id\",\"type\":\"STRING\"", "\"trip_id\",\"type\":\"STRING\",\"mode\":\"REPEATED\""));
        HookResult repeated = run(declared());
        assertEquals(HookResult.Status.FAIL, repeated.status(), repeated.reason());
        assertTrue(repeated.reason().contains("trip_id STRING REPEATED"), repeated.reason());

        table("hw_dev_raw", "feed_messages", SCHEMA.replace(",\"mode\":\"REQUIRED\"", ",\"mode\":\"NULLABLE\""));
        HookResult nullable = run(declared());
        assertEquals(HookResult.Status.FAIL, nullable.status(), nullable.reason());
        assertTrue(nullable.reason().contains("has schema [feed_ts TIMESTAMP, "), nullable.reason());
    }

    /** The fake answers reads only: a write to a declared table is refused, as a read-only caller's would be. */
    @Test
    void theFakeRefusesAnythingButAGet() throws Exception {
        dataset("hw_dev_raw");
        var client = java.net.http.HttpClient.newHttpClient();
        var uri = java.net.URI.create(base() + "/bigquery/v2/projects/headway-dev/datasets/hw_dev_raw");
        var get = client.send(java.net.http.HttpRequest.newBuilder(uri).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var delete = client.send(java.net.http.HttpRequest.newBuilder(uri).DELETE().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, get.statusCode());
        assertEquals(405, delete.statusCode());
        assertEquals(List.of("GET /bigquery/v2/projects/headway-dev/datasets/hw_dev_raw",
                "DELETE /bigquery/v2/projects/headway-dev/datasets/hw_dev_raw"), requests);
    }

    @Test
    void missingDatasetsAndTablesFailNamingThem() {
        HookResult r = run(declared());
        assertEquals(HookResult.Status.FAIL, r.status());
        assertTrue(r.reason().contains("dataset hw_dev_raw does not exist"), r.reason());
        assertTrue(r.reason().contains("table hw_dev_raw.feed_messages does not exist"), r.reason());
    }

    @Test
    void skipsWhenTheProgramDeclaresNoWarehouse() {
        HookResult r = run(WarehouseSchema.fromPlan(new Plan("dev", "headway", List.of(), Map.of())));
        assertEquals(HookResult.Status.SKIP, r.status());
        assertEquals(List.of(), requests);
    }

    @Test
    void aTableWithoutASchemaFailsShowingAnEmptyOne() {
        dataset("hw_dev_raw");
        resources.put("/bigquery/v2/projects/headway-dev/datasets/hw_dev_raw/tables/feed_messages",
                "{\"kind\":\"bigquery#table\",\"id\":\"headway-dev:hw_dev_raw.feed_messages\",\"type\":\"TABLE\","
                        + "\"tableReference\":{\"projectId\":\"headway-dev\",\"datasetId\":\"hw_dev_raw\",\"tableId\":\"feed_messages\"}}");
        HookResult r = run(declared());
        assertEquals(HookResult.Status.FAIL, r.status(), r.reason());
        assertTrue(r.reason().startsWith("table hw_dev_raw.feed_messages has schema [], expected [feed_ts TIMESTAMP REQUIRED"), r.reason());
    }

    @Test
    void accessDeniedFailsWithBigQuerysCodeAndMessage() {
        dataset("hw_dev_raw");
        forbidden.add("/bigquery/v2/projects/headway-dev/datasets/hw_dev_raw");
        HookResult r = run(declared());
        assertEquals(HookResult.Status.FAIL, r.status(), r.reason());
        assertTrue(r.reason().startsWith("BigQuery 403: Access Denied: /bigquery/v2/projects/headway-dev/datasets/hw_dev_raw"), r.reason());
        assertEquals(1, requests.size(), "403 is not retried: " + requests);
    }

    @Test
    void aBlankFlagFallsBackToTheEnvironmentsEndpoint() {
        dataset("hw_dev_raw");
        table("hw_dev_raw", "feed_messages", SCHEMA);
        HookResult r = new SmokeWarehouse(declared(), Optional.of(" "), Map.of(SmokeWarehouse.ENDPOINT_ENV, base()),
                GoogleClients.forEndpoint("bigquery.googleapis.com:443", Duration.ofSeconds(20)))
                .run(StackOutputs.parse("test", "{\"project\": \"headway-dev\"}"));
        assertEquals(HookResult.Status.PASS, r.status(), r.reason());
        assertEquals(2, requests.size(), "the fake named by " + SmokeWarehouse.ENDPOINT_ENV + " was asked: " + requests);
    }
}
