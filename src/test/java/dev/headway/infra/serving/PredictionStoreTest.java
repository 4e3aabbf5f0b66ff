package dev.headway.infra.serving;

import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Synth;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionStoreTest {
    static final String DB = "gcp:firestore/database:Database";

    @Test
    void prodDatabaseIsNativeProtectedAndRetained() {
        Plan plan = Synth.stack("prod");
        PlannedResource db = plan.get(DB, "hw-prod-predictions");
        assertEquals("FIRESTORE_NATIVE", db.input("type").asText());
        assertEquals("nam5", db.input("locationId").asText());
        assertEquals("DELETE_PROTECTION_ENABLED", db.input("deleteProtectionState").asText());
        assertTrue(db.protect() && db.retainOnDelete());
        assertTrue(db.dependsOn().contains(plan.get("gcp:projects/service:Service", "api-firestore").urn()));
    }

    @Test
    void devDatabaseTearsDown() {
        PlannedResource db = Synth.stack("dev").get(DB, "hw-dev-predictions");
        assertEquals("DELETE_PROTECTION_DISABLED", db.input("deleteProtectionState").asText());
        assertFalse(db.protect() || db.retainOnDelete());
    }

    @Test
    void servingMayUseThisDatabaseOnly() {
        PlannedResource grant = Synth.stack("prod").get("gcp:projects/iAMMember:IAMMember", "predictions-serving-datastore-user");
        assertEquals("roles/datastore.user", grant.input("role").asText());
        assertEquals("serviceAccount:hw-prod-serving@headway-prod.iam.gserviceaccount.com", grant.input("member").asText());
        assertEquals("resource.name == \"projects/headway-prod/databases/hw-prod-predictions\"",
                grant.input("condition.expression").asText());
    }
}
