package dev.headway.infra.policy;

import dev.headway.infra.conventions.Retention;
import dev.headway.infra.synth.PlannedResource;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as a data store, for the policies: the types {@link Retention#DATA_STORE_TYPES} lists
 * (one definition), except buckets whose name says they are scratch space (temp, tmp, staging, scratch).
 */
public final class DataStores {
    /** The one list: {@link Retention#DATA_STORE_TYPES}. */
    public static final Set<String> TYPES = Retention.DATA_STORE_TYPES;

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
