package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.headway.infra.lifecycle.Lifecycle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One table says what replaces a resource: the lifecycle table ({@code lifecycle/google-beta-5.0.0.json}).
 * The diff reads it (a row changed there changes the diff's classification), and it has a row for every
 * type and input the committed plans set.
 */
class ReplaceRulesReadTheLifecycleTableTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TABLE = Path.of("src/main/resources/lifecycle/google-beta-5.0.0.json");
    private static final String BUCKET = "gcp:storage/bucket:Bucket";

    /**
     * A bucket's location is ForceNew (resource_storage_bucket.go at v5.0.0): the diff of a location move says
     * "1 to replace" with the committed table, and "1 to change" when only that table row says {@code update}.
     */
    @Test
    void aChangedRowChangesTheDiff(@TempDir Path dir) throws Exception {
        JsonNode plan = JSON.readTree(Files.readString(Path.of("stacks/dev.plan.json")));
        JsonNode moved = plan.deepCopy();
        ObjectNode bucket = null;
        for (JsonNode r : moved.path("resources")) {
            if (r.path("type").asText().equals(BUCKET) && r.path("inputs").has("location")) {
                bucket = (ObjectNode) r.path("inputs");
                break;
            }
        }
        assertTrue(bucket != null, "the dev plan has a bucket with a location");
        bucket.set("location", TextNode.valueOf("EUROPE-WEST4"));

        String committed = diffText(TABLE, plan, moved);
        assertTrue(committed.contains("0 to change, 1 to replace"), committed);
        assertTrue(committed.contains("location: ") && committed.contains("\"EUROPE-WEST4\"  [forces replacement]"), committed);

        ObjectNode table = (ObjectNode) JSON.readTree(TABLE.toFile());
        int flipped = 0;
        for (JsonNode row : table.path("inputs")) {
            if (row.path("type").asText().equals(BUCKET) && row.path("input").asText().equals("location")) {
                assertEquals("replace", row.path("onChange").asText());
                ((ObjectNode) row).put("onChange", "update");
                flipped++;
            }
        }
        assertEquals(1, flipped);
        Path edited = dir.resolve("table.json");
        JSON.writeValue(edited.toFile(), table);
        String changed = diffText(edited, plan, moved);
        assertTrue(changed.contains("1 to change, 0 to replace"), changed);
        assertFalse(changed.contains("[forces replacement]"), changed);
    }

    /** Every custom resource of the committed plans: its type has a delete row and a replacement entry with a source, each input a row. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTypeAndInputOfTheCommittedPlanHasARow(String stack) {
        Lifecycle table = Lifecycle.table();
        List<String> missing = new ArrayList<>();
        int inputs = 0;
        for (PlannedResource r : PlanJson.read(Path.of("stacks/" + stack + ".plan.json")).resources()) {
            if (!r.custom()) {
                continue;
            }
            if (table.onDelete(r.type()).isEmpty() || table.replacement(r.type()).map(x -> x.source().isEmpty()).orElse(true)) {
                missing.add(r.type() + " (no delete row or no replacement source)");
            }
            Map<String, JsonNode> leaves = new TreeMap<>();
            PlanDiff.flatten("", r.inputs(), leaves);
            for (String path : leaves.keySet()) {
                inputs++;
                if (table.input(r.type(), path).isEmpty()) {
                    missing.add(r.type() + " " + path);
                }
            }
        }
        assertTrue(inputs > 500, stack + " inputs: " + inputs);
        assertEquals(List.of(), missing.stream().distinct().toList(),
                "add the rows to src/main/resources/lifecycle/google-beta-5.0.0.json (docs/lifecycle.md says how)");
    }

    /** The block-count and conditional rules name inputs the table has rows for, each conditional rule with its source. */
    @Test
    void theReplacementRulesNameRowsOfTheTable() {
        Lifecycle table = Lifecycle.table();
        List<String> wrong = new ArrayList<>();
        for (String type : table.types()) {
            Lifecycle.Replacement r = table.replacement(type).orElseThrow();
            for (String block : r.whenAddedOrRemoved()) {
                if (table.inputs(type).stream().noneMatch(row -> row.input().equals(block) || row.input().startsWith(block + "."))) {
                    wrong.add(type + " block " + block + " has no row");
                }
            }
            r.conditional().forEach((input, rule) -> {
                if (table.input(type, input).isEmpty() || !rule.contains(".go")) {
                    wrong.add(type + " conditional " + input);
                }
            });
        }
        assertEquals(List.of(), wrong);
        assertEquals(List.of("schema"), List.copyOf(table.replacement("gcp:bigquery/table:Table").orElseThrow().conditional().keySet()));
    }

    /** docs/lifecycle.md renders the replacement section: each type with its blocks replaced when added or removed. */
    @Test
    void theRenderedPageShowsTheReplacementRules() throws Exception {
        String md = Files.readString(Path.of("docs/lifecycle.md"));
        Lifecycle table = Lifecycle.table();
        for (String type : table.types()) {
            Lifecycle.Replacement r = table.replacement(type).orElseThrow();
            String blocks = String.join(", ", r.whenAddedOrRemoved().stream().map(b -> "`" + b + "`").toList());
            assertTrue(md.contains("| `" + type + "` | " + r.resource() + " | " + blocks + " |"), "docs/lifecycle.md replacement row for " + type);
        }
    }

    /**
     * The text diff of two plans as {@code java -jar target/headway-infra.jar diff} prints it, computed by this
     * project's classes loaded afresh with {@code table} in place of the lifecycle table on the class path.
     */
    private static String diffText(Path table, JsonNode before, JsonNode after) throws Exception {
        try (TableLoader loader = new TableLoader(table)) {
            Class<?> planJson = loader.loadClass(PlanJson.class.getName());
            Class<?> plan = loader.loadClass(Plan.class.getName());
            Class<?> planDiff = loader.loadClass(PlanDiff.class.getName());
            Object a = planJson.getMethod("fromTree", JsonNode.class).invoke(null, before);
            Object b = planJson.getMethod("fromTree", JsonNode.class).invoke(null, after);
            Object diff = planDiff.getMethod("between", plan, plan).invoke(null, a, b);
            return (String) loader.loadClass(DiffRenderer.class.getName()).getMethod("text", planDiff).invoke(null, diff);
        }
    }

    /** Loads dev.headway.infra classes itself (child first) and answers the lifecycle table's resource name with another file. */
    private static final class TableLoader extends URLClassLoader {
        private final Path table;

        TableLoader(Path table) {
            super(new URL[]{ReplaceRules.class.getProtectionDomain().getCodeSource().getLocation()},
                    ReplaceRulesReadTheLifecycleTableTest.class.getClassLoader());
            this.table = table;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("dev.headway.infra.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                return c != null ? c : findClass(name);
            }
        }

        @Override
        public URL getResource(String name) {
            if (name.equals("lifecycle/google-beta-5.0.0.json")) {
                try {
                    return table.toUri().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(e);
                }
            }
            return super.getResource(name);
        }
    }
}
