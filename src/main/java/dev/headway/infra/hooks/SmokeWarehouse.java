package dev.headway.infra.hooks;

import com.google.cloud.BaseServiceException;
import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQuery;
import com.google.cloud.bigquery.BigQueryOptions;
import com.google.cloud.bigquery.Field;
import com.google.cloud.bigquery.FieldList;
import com.google.cloud.bigquery.Schema;
import com.google.cloud.bigquery.Table;
import com.google.cloud.bigquery.TableId;
import com.google.cloud.bigquery.DatasetId;
import dev.headway.infra.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code smoke-warehouse}: every BigQuery dataset and table the stack program declares exists, and each table's
 * schema is the declared one (names, types, modes, nested fields). The endpoint is BigQuery's, or an override
 * ({@code --bigquery-endpoint URL} / {@code HEADWAY_BIGQUERY_ENDPOINT}; plain http only to a loopback host,
 * with no credentials). Transient errors are retried by the client's RetrySettings.
 */
public final class SmokeWarehouse implements Hook {
    public static final String NAME = "smoke-warehouse";
    public static final String ENDPOINT_ENV = "HEADWAY_BIGQUERY_ENDPOINT";

    private final WarehouseSchema expected;
    private final Optional<String> endpoint;
    private final GoogleClients retryPolicy;

    /**
     * @param expected    what the program declares ({@link WarehouseSchema#fromPlan})
     * @param endpoint    override of the BigQuery REST endpoint (flag), else {@code HEADWAY_BIGQUERY_ENDPOINT} in env
     * @param retryPolicy supplies the RetrySettings (total time bound)
     */
    public SmokeWarehouse(WarehouseSchema expected, Optional<String> endpoint, Map<String, String> env, GoogleClients retryPolicy) {
        this.expected = expected;
        this.endpoint = endpoint.filter(s -> !s.isBlank()).or(() -> Optional.ofNullable(env.get(ENDPOINT_ENV)).filter(s -> !s.isBlank()));
        this.retryPolicy = retryPolicy;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredOutputs() {
        return Set.of("project");
    }

    @Override
    public HookResult run(StackOutputs outputs) {
        long start = System.nanoTime();
        if (expected.datasets().isEmpty() && expected.tables().isEmpty()) {
            return HookResult.skip(NAME, "the stack program declares no BigQuery datasets or tables", SubmitPipeline.since(start));
        }
        String project = outputs.text("project");
        BigQuery bq = client(project);
        List<String> problems = new ArrayList<>();
        try {
            for (String ds : expected.datasets()) {
                if (bq.getDataset(DatasetId.of(project, ds)) == null) {
                    problems.add("dataset " + ds + " does not exist");
                }
            }
            for (WarehouseSchema.Table t : expected.tables()) {
                Table table = bq.getTable(TableId.of(project, t.dataset(), t.table()));
                if (table == null) {
                    problems.add("table " + t.dataset() + "." + t.table() + " does not exist");
                    continue;
                }
                Schema schema = table.getDefinition().getSchema();
                List<WarehouseSchema.Column> actual = schema == null ? List.of() : columns(schema.getFields());
                if (!actual.equals(t.columns())) {
                    problems.add("table " + t.dataset() + "." + t.table() + " has schema " + actual + ", expected " + t.columns());
                }
            }
        } catch (BaseServiceException e) {
            return HookResult.fail(NAME, "BigQuery " + e.getCode() + ": " + HookRunner.firstLine(e.getMessage()), SubmitPipeline.since(start));
        }
        if (!problems.isEmpty()) {
            return HookResult.fail(NAME, String.join("; ", problems), SubmitPipeline.since(start));
        }
        return HookResult.pass(NAME, expected.datasets().size() + " datasets and " + expected.tables().size()
                + " tables exist with the declared schemas", SubmitPipeline.since(start));
    }

    private BigQuery client(String project) {
        BigQueryOptions.Builder b = BigQueryOptions.newBuilder().setProjectId(project)
                .setRetrySettings(retryPolicy.retrySettings());
        if (endpoint.isPresent()) {
            boolean loopback = GoogleClients.checkUrl("BigQuery endpoint", endpoint.get());
            b.setHost(endpoint.get());
            if (loopback) {
                b.setCredentials(NoCredentials.getInstance());
            }
        }
        return b.build().getService();
    }

    static List<WarehouseSchema.Column> columns(FieldList fields) {
        List<WarehouseSchema.Column> out = new ArrayList<>();
        if (fields != null) {
            for (Field f : fields) {
                out.add(new WarehouseSchema.Column(f.getName(), WarehouseSchema.standardType(f.getType().name()),
                        f.getMode() == null ? "NULLABLE" : f.getMode().name(), columns(f.getSubFields())));
            }
        }
        return out;
    }
}
