package dev.headway.infra.warehouse;

import com.pulumi.core.Output;
import com.pulumi.gcp.bigquery.Dataset;
import com.pulumi.gcp.bigquery.DatasetArgs;
import com.pulumi.gcp.bigquery.DatasetIamMember;
import com.pulumi.gcp.bigquery.DatasetIamMemberArgs;
import com.pulumi.gcp.bigquery.Table;
import com.pulumi.gcp.bigquery.TableArgs;
import com.pulumi.gcp.bigquery.inputs.TableTimePartitioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.identity.Identity;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * BigQuery: one dataset per {@link Layer} and the tables of {@link Schemas}. Prod datasets and
 * tables are protected and retained on delete and never drop their contents; dev datasets give
 * new tables a default expiration and tear down with their tables. Access is granted per dataset
 * through {@link #grantDataEditor} and {@link #grantDataViewer}.
 */
public final class Warehouse extends ComponentResource {
    static final String EDITOR = "roles/bigquery.dataEditor";
    static final String VIEWER = "roles/bigquery.dataViewer";
    /**
     * "Provides permissions to run jobs, including queries, within the project" (bigquery.jobs.create):
     * https://cloud.google.com/bigquery/docs/access-control#bigquery.jobUser. Dataset roles give data access
     * but no jobs, so without it every query or load a workload starts is denied. Jobs exist only at project
     * scope, so this is a project-level grant.
     */
    public static final String JOB_USER = "roles/bigquery.jobUser";

    private final WarehouseArgs args;
    private final Map<Layer, Dataset> datasets = new EnumMap<>(Layer.class);
    private final Map<String, Table> tables = new LinkedHashMap<>();

    public Warehouse(String name, WarehouseArgs args, ComponentResourceOptions opts) {
        super("headway:warehouse:Warehouse", name, opts);
        this.args = args;
        Map<String, Output<?>> outputs = new TreeMap<>();
        for (Layer layer : Layer.values()) {
            String id = args.names.dataset(layer.purpose());
            DatasetArgs.Builder b = DatasetArgs.builder()
                    .project(args.project)
                    .datasetId(id)
                    .location(args.location)
                    .description(layer.description())
                    .labels(args.labels)
                    .deleteContentsOnDestroy(args.retention.deleteContentsOnDestroy());
            args.tableExpirationDays.ifPresent(days -> b.defaultTableExpirationMs(millis(days * 86_400_000L)));
            Dataset dataset = new Dataset(id, b.build(), args.retention.dataStore(this, args.bigqueryApi));
            datasets.put(layer, dataset);
            outputs.put(layer.purpose() + "Dataset", dataset.datasetId());
        }
        for (TableSpec spec : args.tables) {
            TableArgs.Builder t = TableArgs.builder()
                    .project(args.project)
                    .datasetId(dataset(spec.layer()).datasetId())
                    .tableId(spec.tableId())
                    .description(spec.description())
                    .labels(args.labels)
                    .schema(Schemas.json(spec.schema()))
                    .clusterings(spec.clustering())
                    .deletionProtection(args.retention.deletionProtection());
            spec.partitionType().ifPresent(type -> {
                TableTimePartitioningArgs.Builder p = TableTimePartitioningArgs.builder().type(type);
                spec.partitionField().ifPresent(p::field);
                t.timePartitioning(p.build());
            });
            String resourceName = args.names.dataset(spec.layer().purpose()) + "." + spec.tableId();
            tables.put(spec.tableId(), new Table(resourceName, t.build(), args.retention.dataStore(this)));
        }
        registerOutputs(outputs);
    }

    /**
     * A duration in milliseconds for an input the generated SDK types as {@code Integer}.
     * pulumi-gcp 7.0.0 declares {@code defaultTableExpirationMs} as Integer, yet 30 days is
     * 2,592,000,000 ms, past {@code Integer.MAX_VALUE}. The engine carries every number as a
     * double, so the value goes as a Double behind the erased Integer type; the program never
     * reads that output back.
     */
    @SuppressWarnings("unchecked")
    static Output<Integer> millis(long ms) {
        return (Output<Integer>) (Output<?>) Output.of((double) ms);
    }

    public Output<String> datasetId(Layer layer) {
        return dataset(layer).datasetId();
    }

    /** {@code project:dataset.table}, as Beam's BigQueryIO and Dataflow templates take it. */
    public Output<String> tableSpec(TableSpec spec) {
        return table(spec).datasetId().applyValue(d -> args.project + ":" + d + "." + spec.tableId());
    }

    /** {@code bq://project.dataset.table}, as Vertex AI request-response logging takes it. */
    public Output<String> bigqueryUri(TableSpec spec) {
        return table(spec).datasetId().applyValue(d -> "bq://" + args.project + "." + d + "." + spec.tableId());
    }

    /** {@code identity} may read, insert, update and delete table data of {@code layer}, and create tables there. */
    public DatasetIamMember grantDataEditor(Layer layer, Identity identity) {
        return identity.recordGrant(grant(layer, identity.workload().purpose(), identity.member(), EDITOR, "edit"));
    }

    /** {@code identity} may read tables and data of {@code layer}. */
    public DatasetIamMember grantDataViewer(Layer layer, Identity identity) {
        return identity.recordGrant(grant(layer, identity.workload().purpose(), identity.member(), VIEWER, "view"));
    }

    /** {@code identity} may run BigQuery jobs (queries, loads) in the project; pair with a dataset role. */
    public com.pulumi.gcp.projects.IAMMember grantRunJobs(Identity identity) {
        return identity.grantProjectRole(JOB_USER, "runs BigQuery queries and load jobs on the datasets it is granted");
    }

    /** Data editor for a member that is no workload identity (a service agent such as Vertex AI's). */
    public DatasetIamMember grantDataEditor(Layer layer, String who, Output<String> member) {
        return grant(layer, who, member, EDITOR, "edit");
    }

    private DatasetIamMember grant(Layer layer, String who, Output<String> member, String role, String verb) {
        String name = args.names.of(layer.purpose() + "-" + verb + "-" + who);
        return new DatasetIamMember(name, DatasetIamMemberArgs.builder()
                .project(args.project)
                .datasetId(dataset(layer).datasetId())
                .role(role)
                .member(member)
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    public Dataset dataset(Layer layer) {
        return datasets.get(layer);
    }

    public Table table(TableSpec spec) {
        Table t = tables.get(spec.tableId());
        if (t == null) {
            throw new IllegalStateException("table " + spec.tableId() + " is not declared by this warehouse");
        }
        return t;
    }
}
