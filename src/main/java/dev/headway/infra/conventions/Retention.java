package dev.headway.infra.conventions;

import dev.headway.infra.config.Settings;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Arrays;
import java.util.List;

/**
 * The one rule for what survives a destroy. Prod data stores (BigQuery datasets, buckets that hold
 * data, Firestore, the pipeline root) are protected and retained on delete, and refuse to drop
 * their contents; dev tears down to nothing. Every data store takes its options from here.
 */
public final class Retention {
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
