package dev.headway.infra.conventions;

import com.pulumi.gcp.bigquery.Dataset;
import com.pulumi.gcp.bigquery.DatasetArgs;
import com.pulumi.gcp.firestore.Database;
import com.pulumi.gcp.firestore.DatabaseArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.config.RawConfig;
import dev.headway.infra.policy.DataStores;
import dev.headway.infra.policy.PolicySuite;
import dev.headway.infra.policy.Violation;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.RecordingEngine;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * What survives {@code pulumi destroy}: dev declares nothing protected or retained; in prod every
 * data store (by type: {@link DataStores#TYPES}) is protected and retained on delete.
 */
class TeardownTest {
    private static final Set<String> RETENTION_POLICIES = Set.of("HW-RET-001", "HW-RET-002", "HW-RET-003", "HW-RET-004",
            "HW-RET-005", "HW-RET-006", "HW-GCS-004", "HW-BQ-002");

    private static List<String> retentionViolations(Plan plan) {
        return PolicySuite.standard().check(plan).stream().filter(v -> RETENTION_POLICIES.contains(v.policy())).map(Violation::line).toList();
    }

    @Test
    void devDeclaresNothingProtectedOrRetained() {
        Plan dev = Synth.stack("dev");
        assertFalse(dev.cloudResources().isEmpty());
        for (PlannedResource r : dev.resources()) {
            assertFalse(r.protect(), r.urn() + " is protected in dev");
            assertFalse(r.retainOnDelete(), r.urn() + " is retained in dev");
        }
        assertEquals(List.of(), retentionViolations(dev));
    }

    @Test
    void everyProdDataStoreIsProtectedAndRetained() {
        Plan prod = Synth.stack("prod");
        List<PlannedResource> stores = prod.where(DataStores::isDataStore);
        assertEquals(List.of(), retentionViolations(prod));
        assumeFalse(stores.isEmpty(), "this branch's program declares no data store yet (the warehouse, streaming and serving branches add them)");
        for (PlannedResource r : stores) {
            assertTrue(r.protect(), r.urn() + " is a prod data store but not protected");
            assertTrue(r.retainOnDelete(), r.urn() + " is a prod data store but not retained on delete");
        }
    }

    @Test
    void everyDataStoreTypeIsARealProviderType() throws ClassNotFoundException {
        for (String type : DataStores.TYPES) {
            String[] parts = type.split(":");
            String module = parts[1].substring(0, parts[1].indexOf('/'));
            Class<?> resource = Class.forName("com.pulumi.gcp." + module + "." + parts[2], false, getClass().getClassLoader());
            com.pulumi.core.annotations.ResourceType annotation = resource.getAnnotation(com.pulumi.core.annotations.ResourceType.class);
            assertEquals(type, annotation.type(), "type token of " + resource.getName());
        }
    }

    /** The data stores of the design, declared through Retention under the real engine, as components will. */
    private static Plan stores(String env, boolean useRetention) {
        RawConfig raw = new RawConfig(Map.of("gcp:project", "headway-" + env, "gcp:region", "us-east1"), Set.of());
        Retention retention = new Retention("prod".equals(env));
        return RecordingEngine.run("headway", env, raw, ctx -> {
            ComponentResource parent = new ComponentResource("headway:test:Stores", "stores");
            CustomResourceOptions opts = useRetention ? retention.dataStore(parent) : CustomResourceOptions.builder().parent(parent).build();
            new Dataset("raw", DatasetArgs.builder().project("headway-" + env).datasetId("hw_" + env + "_raw")
                    .deleteContentsOnDestroy(retention.deleteContentsOnDestroy()).build(), opts);
            new Bucket("pipeline-root", BucketArgs.builder().project("headway-" + env).location("US")
                    .name("headway-" + env + "-hw-" + env + "-pipeline-root").forceDestroy(retention.forceDestroy()).build(), opts);
            new Database("predictions", DatabaseArgs.builder().project("headway-" + env).name("hw-" + env + "-predictions")
                    .locationId("nam5").type("FIRESTORE_NATIVE")
                    .deleteProtectionState(retention.deletionProtection() ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED").build(), opts);
            new Bucket("dataflow-temp", BucketArgs.builder().project("headway-" + env).location("US")
                    .name("headway-" + env + "-hw-" + env + "-dataflow-temp").forceDestroy(retention.forceDestroy()).build(),
                    CustomResourceOptions.builder().parent(parent).build());
        });
    }

    @Test
    void retentionProtectsAndRetainsProdDataStoresAndNothingInDev() {
        Plan prod = stores("prod", true);
        List<PlannedResource> prodStores = prod.where(DataStores::isDataStore);
        assertEquals(Set.of("raw", "pipeline-root", "predictions"), Set.copyOf(prodStores.stream().map(PlannedResource::name).toList()));
        prodStores.forEach(r -> assertTrue(r.protect() && r.retainOnDelete(), r.urn()));
        assertFalse(prod.get("gcp:storage/bucket:Bucket", "dataflow-temp").protect(), "scratch buckets are not data stores");
        assertEquals(false, prod.get("gcp:bigquery/dataset:Dataset", "raw").input("deleteContentsOnDestroy").booleanValue());
        assertEquals(List.of(), retentionViolations(prod));

        Plan dev = stores("dev", true);
        dev.resources().forEach(r -> assertFalse(r.protect() || r.retainOnDelete(), r.urn()));
        assertEquals(List.of(), retentionViolations(dev));
    }

    @Test
    void aProdDataStoreDeclaredWithoutRetentionIsCaught() {
        List<String> lines = retentionViolations(stores("prod", false));
        for (String name : List.of("raw", "pipeline-root", "predictions")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("HW-RET-001 ") && l.contains(" " + name + ": ")), name + " in " + lines);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("HW-RET-002 ") && l.contains(" " + name + ": ")), name + " in " + lines);
        }
    }

    /**
     * Issue 15: prod's Artifact Registry repositories, TensorBoard, topics and subscriptions were neither protected
     * nor explained. Each stateful type prod declares is now a data store (protected, retained) or disposable with
     * its reason, never both, never neither.
     */
    @org.junit.jupiter.api.Test
    void everyStatefulTypeInProdIsADataStoreOrDisposableWithAReason() {
        var prod = dev.headway.infra.testing.Synth.stack("prod");
        for (String type : java.util.List.of("gcp:artifactregistry/repository:Repository", "gcp:vertex/aiTensorboard:AiTensorboard",
                "gcp:pubsub/topic:Topic", "gcp:pubsub/subscription:Subscription", "gcp:firestore/database:Database",
                "gcp:bigquery/dataset:Dataset")) {
            org.junit.jupiter.api.Assertions.assertFalse(prod.ofType(type).isEmpty(), type + " is in prod");
            boolean store = Retention.DATA_STORE_TYPES.contains(type);
            boolean disposable = Retention.DISPOSABLE.containsKey(type);
            org.junit.jupiter.api.Assertions.assertTrue(store != disposable, type + ": exactly one of data store / disposable");
            for (var r : prod.ofType(type)) {
                org.junit.jupiter.api.Assertions.assertEquals(store, r.protect() && r.retainOnDelete(), r.name());
            }
        }
        Retention.DISPOSABLE.values().forEach(why -> org.junit.jupiter.api.Assertions.assertTrue(why.length() > 40, why));
    }
}
