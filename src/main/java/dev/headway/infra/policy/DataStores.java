package dev.headway.infra.policy;

import dev.headway.infra.synth.PlannedResource;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as a data store: the resource types that hold data a destroy would lose. Listed by
 * type (not by who declares them), so a data store a new component adds is caught by the
 * retention policies without anyone remembering to opt it in. Buckets hold data unless their name
 * says they are scratch space (temp, tmp, staging, scratch).
 */
public final class DataStores {
    public static final Set<String> TYPES = Set.of(
            "gcp:bigquery/dataset:Dataset",
            "gcp:bigquery/table:Table",
            "gcp:storage/bucket:Bucket",
            "gcp:firestore/database:Database",
            "gcp:sql/databaseInstance:DatabaseInstance",
            "gcp:spanner/instance:Instance",
            "gcp:spanner/database:Database",
            "gcp:bigtable/instance:Instance",
            "gcp:bigtable/table:Table",
            "gcp:alloydb/cluster:Cluster",
            "gcp:filestore/instance:Instance",
            "gcp:redis/instance:Instance");

    private static final Pattern SCRATCH = Pattern.compile("(^|.*[-_.])(temp|tmp|scratch|staging)([-_.].*|$)");

    private DataStores() {
    }

    public static boolean isDataStore(PlannedResource r) {
        return TYPES.contains(r.type()) && !isScratchBucket(r);
    }

    /** A bucket for temporary files (Dataflow temp and staging): recreated at will, no versioning needed. */
    public static boolean isScratchBucket(PlannedResource r) {
        return r.type().equals("gcp:storage/bucket:Bucket") && SCRATCH.matcher(Inputs.cloudName(r, "name")).matches();
    }
}
