package dev.headway.infra.serving;

import com.pulumi.core.Output;
import com.pulumi.gcp.firestore.Database;
import com.pulumi.gcp.firestore.DatabaseArgs;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.inputs.IAMMemberConditionArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.headway.infra.identity.Identity;

import java.util.Map;

/**
 * The Firestore database (native mode) that served predictions are written to, named
 * {@code hw-<env>-predictions} so it never touches the project's {@code (default)} database. A data
 * store: in prod delete protection is on, and the resource is protected and retained on destroy.
 * Access is granted per database with {@link #grantReadWrite} (an IAM condition on the database name).
 */
public final class PredictionStore extends ComponentResource {
    private final Database database;
    private final String databaseName;
    private final String project;

    public PredictionStore(String name, PredictionStoreArgs a, ComponentResourceOptions opts) {
        super("headway:serving:PredictionStore", name, opts);
        this.project = a.project;
        // pulumi-gcp 7.0.0 has no deletionPolicy on firestore.Database: its delete only forgets the
        // database (ABANDON), so in prod the protect/retain options and delete protection decide; and the
        // id stays taken after a destroy, so it carries the deployment suffix (docs/lifecycle.md).
        this.databaseName = a.names.firestore("predictions");
        this.database = new Database(a.names.of("predictions"), DatabaseArgs.builder()
                .project(project)
                .name(databaseName)
                .locationId(a.location)
                .type("FIRESTORE_NATIVE")
                .concurrencyMode("OPTIMISTIC")
                .appEngineIntegrationMode("DISABLED")
                .pointInTimeRecoveryEnablement(a.retention.isProd()
                        ? "POINT_IN_TIME_RECOVERY_ENABLED" : "POINT_IN_TIME_RECOVERY_DISABLED")
                .deleteProtectionState(a.retention.deletionProtection()
                        ? "DELETE_PROTECTION_ENABLED" : "DELETE_PROTECTION_DISABLED")
                .build(), a.retention.dataStore(this, a.firestoreApi));
        registerOutputs(Map.of("database", database.name()));
    }

    /** {@code projects/<project>/databases/<name>}: what Firestore IAM conditions compare {@code resource.name} to. */
    public String resourceName() {
        return "projects/" + project + "/databases/" + databaseName;
    }

    /**
     * Read and write documents in this database only: {@code roles/datastore.user} at project level,
     * conditioned on {@code resource.name} being this database.
     */
    public IAMMember grantReadWrite(Identity identity) {
        // no dependency on the database: a conditional grant may name one that is still being created
        return identity.grantProjectRole("predictions-" + identity.workload().purpose() + "-datastore-user",
                "roles/datastore.user", IAMMemberConditionArgs.builder()
                        .title("only " + databaseName)
                        .description("Documents of the Headway predictions database only")
                        .expression("resource.name == \"" + resourceName() + "\"")
                        .build(), this);
    }

    public Output<String> databaseName() {
        return database.name();
    }
}
