package dev.headway.infra.conventions;

import dev.headway.infra.config.Settings;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.headway.infra.synth.Types;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one rule for what survives a destroy. Prod data stores (BigQuery datasets, buckets that hold
 * data, Firestore, the pipeline root, the TensorBoard) are protected and retained on delete, and
 * refuse to drop their contents; dev tears down to nothing. Every data store takes its options from
 * here, and {@link #DATA_STORE_TYPES} is the one list of what a data store is (the retention
 * policies read it too).
 */
public final class Retention {
    /**
     * Resource types that hold data a destroy would lose. Listed by type, not by who declares them, so a
     * data store a new component adds is caught by the retention policies without anyone opting it in.
     * Buckets hold data unless their name says they are scratch space (temp, tmp, staging, scratch).
     */
    public static final Set<String> DATA_STORE_TYPES = Set.of(
            Types.BIGQUERY_DATASET,
            Types.BIGQUERY_TABLE,
            Types.STORAGE_BUCKET,
            Types.FIRESTORE_DATABASE,
            Types.VERTEX_TENSORBOARD,
            Types.SQL_DATABASE_INSTANCE,
            Types.SPANNER_INSTANCE,
            Types.SPANNER_DATABASE,
            Types.BIGTABLE_INSTANCE,
            Types.BIGTABLE_TABLE,
            Types.ALLOYDB_CLUSTER,
            Types.FILESTORE_INSTANCE,
            Types.REDIS_INSTANCE);

    /**
     * What prod declares that could look like a data store but is disposable on purpose, and why. These are
     * neither protected nor retained: a destroy (which prod refuses without {@code --confirm prod}) loses
     * nothing that is not rebuilt or kept elsewhere.
     */
    public static final Map<String, String> DISPOSABLE = Map.of(
            Types.ARTIFACT_REPOSITORY, "build outputs (images, compiled pipelines) that CI rebuilds from a"
                    + " tagged commit; cleanup policies already delete old versions; no model or dataset lives here",
            Types.PUBSUB_TOPIC, "a pipe, not a store: the poller republishes the live feed, and every message that"
                    + " matters lands in BigQuery raw (the retained copy)",
            Types.PUBSUB_SUBSCRIPTION, "in-flight messages for at most the retention window (7 days); the durable"
                    + " copy is BigQuery raw; a recreated subscription starts from now, which the streaming job tolerates");

    private final boolean prod;

    public Retention(Settings settings) {
        this(settings.env().isProd());
    }

    public Retention(boolean prod) {
        this.prod = prod;
    }

    /** Options for a data store: protected and retained in prod. */
    public CustomResourceOptions dataStore(Resource parent, Resource... dependsOn) {
        return CustomResourceOptions.builder()
                .parent(parent)
                .dependsOn(List.copyOf(Arrays.asList(dependsOn)))
                .protect(prod)
                .retainOnDelete(prod)
                .build();
    }

    /** Buckets: dev may delete a bucket that still holds objects; prod never. */
    public boolean forceDestroy() {
        return !prod;
    }

    /** BigQuery: dev drops tables with the dataset; prod never deletes contents on destroy. */
    public boolean deleteContentsOnDestroy() {
        return !prod;
    }

    /** Resource-level deletion protection (Firestore, GKE, BigQuery tables) in prod. */
    public boolean deletionProtection() {
        return prod;
    }

    public boolean isProd() {
        return prod;
    }
}
