package dev.headway.infra.synth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.headway.infra.lifecycle.Lifecycle;
import dev.headway.infra.lifecycle.Lifecycle.OnChange;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an update does to work that is running: the streaming Dataflow job (updated in place, drained and
 * replaced, or cancelled and replaced), the poller VM (restarted or not), the GKE training pool, the endpoints,
 * the Kubernetes objects. Read from the day-two table ({@link Lifecycle}): each changed property's
 * {@code onChange}, the strongest one deciding.
 */
public final class RunningWork {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Strongest first. */
    private static final List<OnChange> STRENGTH = List.of(OnChange.REPLACE, OnChange.FAIL, OnChange.STOP_START,
            OnChange.UPDATE, OnChange.NO_EFFECT, OnChange.LOCAL);

    private RunningWork() {
    }

    /** The strongest effect among a change's properties; options such as {@code (dependsOn)} change nothing in the cloud. */
    public static Optional<Lifecycle.Input> strongest(PlanDiff.Changed c) {
        Lifecycle table = Lifecycle.table();
        return c.changes().stream()
                .filter(p -> !p.path().startsWith("("))
                .map(p -> table.input(c.after().type(), p.path()))
                .flatMap(Optional::stream)
                .min(Comparator.comparingInt(row -> STRENGTH.indexOf(row.onChange())));
    }

    /** One sentence on what the change does to running work; empty for resources that run nothing. */
    public static Optional<String> effect(PlanDiff.Changed c) {
        String type = c.after().type();
        Optional<Lifecycle.Input> row = strongest(c);
        OnChange action = row.map(Lifecycle.Input::onChange).orElse(OnChange.UPDATE);
        if (action == OnChange.FAIL) {
            return Optional.of("**the update fails**: `" + row.get().input() + "`: " + row.get().note());
        }
        return switch (type) {
            case Types.DATAFLOW_FLEX_TEMPLATE_JOB -> Optional.of(flexJob(c, action));
            case Types.COMPUTE_INSTANCE -> Optional.of(poller(c, action, row));
            case Types.GKE_NODE_POOL -> Optional.of(action == OnChange.REPLACE
                    ? "**training pods evicted**: the GPU pool is drained and re-created"
                    : "the GPU pool is updated in place; running pods keep running");
            case Types.GKE_CLUSTER -> Optional.of(action == OnChange.REPLACE
                    ? "**training pods killed**: the cluster is deleted and re-created (no drain)"
                    : "the cluster is updated in place");
            case Types.K8S_PROVIDER -> Optional.of(action == OnChange.REPLACE
                    ? "**every Kubernetes object is replaced**: the `training` namespace is deleted, its pods terminated"
                    : "no effect on running pods");
            case Types.VERTEX_ENDPOINT -> Optional.of(action == OnChange.REPLACE
                    ? "**predictions stop**: the new endpoint has no deployed model, and deleting the old one fails while a model is deployed"
                    : "serving continues");
            case Types.CLOUD_RUN_JOB -> Optional.of(action == OnChange.REPLACE
                    ? "**the job is deleted and re-created**: cancel a running execution first"
                    : "the next execution uses the new template");
            case Types.BIGQUERY_TABLE -> schemaReplaces(c).map(why -> "**replaces the table** (a new, empty one; "
                    + "a protected table stops the update instead): " + why);
            case Types.PUBSUB_SUBSCRIPTION -> Optional.of(action == OnChange.REPLACE
                    ? "**unacknowledged messages are lost**: the new subscription starts empty"
                    : "delivery continues");
            default -> type.startsWith("kubernetes:core/v1:") && action != OnChange.REPLACE
                    ? Optional.of("applies to pods admitted from now on; running pods are not changed") : Optional.empty();
        };
    }

    /**
     * A schema change the provider cannot apply in place, so it forces a new table: a column dropped, a column's type
     * or mode changed, or a REQUIRED column added (terraform-provider-google-beta v5.0.0 bigquery/resource_bigquery_table.go,
     * resourceBigQueryTableSchemaIsChangeable, ported in {@link BigQuerySchemaChange}), naming the first top-level
     * column that differs.
     */
    static Optional<String> schemaReplaces(PlanDiff.Changed c) {
        if (BigQuerySchemaChange.inPlace(c.before().input("schema"), c.after().input("schema"))) {
            return Optional.empty();   // the provider's own rule decides; below only says which column
        }
        JsonNode before = columns(c.before().input("schema").asText(""));
        JsonNode after = columns(c.after().input("schema").asText(""));
        if (before == null || after == null) {
            return Optional.of("the schema cannot be compared column by column");
        }
        Map<String, JsonNode> now = new HashMap<>();
        after.forEach(f -> now.put(f.path("name").asText(), f));
        Set<String> old = new HashSet<>();
        for (JsonNode f : before) {
            String name = f.path("name").asText();
            old.add(name);
            JsonNode n = now.get(name);
            if (n == null) {
                return Optional.of("column `" + name + "` dropped");
            }
            if (!BigQuerySchemaChange.changeable(f, n)) {
                return Optional.of("column `" + name + "` changes type, mode or nested columns");
            }
        }
        return Optional.of(now.values().stream().filter(f -> !old.contains(f.path("name").asText()) && "REQUIRED".equals(f.path("mode").asText()))
                .findFirst().map(f -> "REQUIRED column `" + f.path("name").asText() + "` added")
                .orElse("the schema changes in a way the provider cannot apply in place"));
    }

    private static JsonNode columns(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n != null && n.isArray() ? n : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String flexJob(PlanDiff.Changed c, OnChange action) {
        String onDelete = c.before().input("onDelete").asText("cancel");
        return switch (action) {
            case REPLACE -> "drain".equals(onDelete)
                    ? "**drained and replaced**: the job drains (finishes what it pulled), then a new job starts and reads on from the subscription"
                    : "**cancelled and replaced**: in-flight work is dropped (Pub/Sub redelivers unacknowledged messages to the new job)";
            case UPDATE, STOP_START -> "**updated in place**: a replacement job is launched with `update=true` and takes over the running job's state "
                    + "(it fails if the new pipeline is not update-compatible)";
            default -> "not touched: the running job is not changed";
        };
    }

    private static String poller(PlanDiff.Changed c, OnChange action, Optional<Lifecycle.Input> row) {
        if (action == OnChange.REPLACE) {
            return "**poller restarted**: the VM is deleted and re-created with the new settings (`" + row.get().input()
                    + "`); polling pauses while it boots";
        }
        if (action == OnChange.STOP_START) {
            return "**poller restarted**: the VM is stopped and started (`" + row.get().input() + "`); its startup script runs again";
        }
        String status = c.after().input("desiredStatus").asText("");
        if (!status.equals(c.before().input("desiredStatus").asText(""))) {
            return "TERMINATED".equals(status) ? "**poller stopped** (paused; disk kept)" : "**poller started**: its startup script runs";
        }
        if (action == OnChange.NO_EFFECT) {
            return "**not restarted: the running poller never sees this** (`" + row.get().input() + "`)";
        }
        return "not restarted: the running poller is not affected";
    }
}
