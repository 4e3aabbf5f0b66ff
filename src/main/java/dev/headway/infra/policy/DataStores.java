package dev.headway.infra.policy;

import dev.headway.infra.conventions.Retention;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What counts as a data store, for the policies: the types {@link Retention#DATA_STORE_TYPES} lists
 * (one definition), except buckets whose name says they are scratch space (temp, tmp, staging, scratch).
 */
public final class DataStores {
    /** The one list: {@link Retention#DATA_STORE_TYPES}. */
    public static final Set<String> TYPES = Retention.DATA_STORE_TYPES;

    /**
     * Types that hold in-flight work, which a delete or a replacement loses even though they are not
     * stores: a subscription's backlog of unacknowledged messages (deleted with it; a new
     * subscription only receives messages published after it exists, Pub/Sub "Subscription
     * properties"), an endpoint's deployed models (a new endpoint serves nothing), a streaming
     * Dataflow job's buffered windows (a replacement cancels or drains the running job).
     */
    public static final Map<String, String> IN_FLIGHT = Map.of(
            Types.PUBSUB_SUBSCRIPTION, "its backlog of unacknowledged messages",
            Types.VERTEX_ENDPOINT, "the models deployed on it, and the traffic they serve",
            Types.DATAFLOW_FLEX_TEMPLATE_JOB, "the running streaming job and its in-flight windows");

    private static final Pattern SCRATCH = Pattern.compile("(^|.*[-_.])(temp|tmp|scratch|staging)([-_.].*|$)");

    private DataStores() {
    }

    public static boolean isDataStore(PlannedResource r) {
        return TYPES.contains(r.type()) && !isScratchBucket(r);
    }

    /**
     * What a delete or a replacement of {@code r} loses, or empty when nothing: the data of a data
     * store, the in-flight work of a subscription, endpoint or streaming job, or whatever a resource
     * declared protected holds. The data-loss guard of the pull-request review uses this.
     */
    public static Optional<String> loses(PlannedResource r) {
        if (isDataStore(r)) {
            return Optional.of("its data");
        }
        if (IN_FLIGHT.containsKey(r.type())) {
            return Optional.of(IN_FLIGHT.get(r.type()));
        }
        return r.protect() ? Optional.of("what it holds (it is declared protected)") : Optional.empty();
    }

    /** A bucket for temporary files (Dataflow temp and staging): recreated at will, no versioning needed. */
    public static boolean isScratchBucket(PlannedResource r) {
        return r.type().equals(Types.STORAGE_BUCKET) && SCRATCH.matcher(Inputs.cloudName(r, "name")).matches();
    }
}
