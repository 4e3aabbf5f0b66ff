package dev.headway.infra.policy;

import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;

/**
 * What survives {@code pulumi destroy}: in prod every data store ({@link DataStores}, by type) is
 * protected and retained on delete and keeps its contents; dev destroys to nothing.
 */
final class RetentionPolicies {
    private static final String DATA_STORE_FIX = "declare it with Retention.dataStore(parent, deps...)";

    private RetentionPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-RET-001", Severity.HIGH, "prod data stores (datasets, tables, data buckets, Firestore, ...) are protected",
                        "Headway retention rule; Google guidance: protect production data from accidental deletion", (plan, f) -> {
                            if (Inputs.isDev(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.where(DataStores::isDataStore)) {
                                if (!r.protect()) {
                                    f.flag(r, "is a prod data store but not protected: pulumi destroy deletes it", DATA_STORE_FIX);
                                }
                            }
                        }),
                Rule.of("HW-RET-002", Severity.HIGH, "prod data stores are retained on delete",
                        "Headway retention rule (a replace or a forced destroy leaves the data in place)", (plan, f) -> {
                            if (Inputs.isDev(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.where(DataStores::isDataStore)) {
                                if (!r.retainOnDelete()) {
                                    f.flag(r, "is a prod data store but not retainOnDelete: removing it from the program deletes the data", DATA_STORE_FIX);
                                }
                            }
                        }),
                Rule.of("HW-RET-003", Severity.HIGH, "prod BigQuery datasets never delete their contents on destroy",
                        "Headway retention rule", (plan, f) -> {
                            if (Inputs.isDev(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.ofType(Types.BIGQUERY_DATASET)) {
                                if (Inputs.isTrue(r.input("deleteContentsOnDestroy"))) {
                                    f.flag(r, "deleteContentsOnDestroy is on in prod: a destroy drops every table",
                                            "take deleteContentsOnDestroy from Retention.deleteContentsOnDestroy() (false in prod)");
                                }
                            }
                        }),
                Rule.of("HW-RET-004", Severity.HIGH, "dev declares nothing protected or retained (dev destroys to nothing)",
                        "Headway retention rule: dev tears down to nothing", (plan, f) -> {
                            if (Inputs.isProd(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.resources()) {
                                if (r.protect() || r.retainOnDelete()) {
                                    f.flag(r, "is " + (r.protect() ? "protected" : "") + (r.protect() && r.retainOnDelete() ? " and " : "")
                                                    + (r.retainOnDelete() ? "retained on delete" : "") + " in dev: pulumi destroy -s dev leaves it behind",
                                            "take options from Retention (protect/retainOnDelete only in prod)");
                                }
                            }
                        }),
                Rule.of("HW-RET-005", Severity.MEDIUM, "dev has no provider-side deletion protection that blocks teardown",
                        "Headway retention rule: dev tears down to nothing", (plan, f) -> {
                            if (Inputs.isProd(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.cloudResources()) {
                                String problem = devDeletionBlock(r);
                                if (problem != null) {
                                    f.flag(r, problem + ": pulumi destroy -s dev fails on it",
                                            "take it from Retention.deletionProtection() (false in dev)");
                                }
                            }
                        }),
                Rule.of("HW-RET-006", Severity.MEDIUM, "prod Firestore databases and BigQuery tables keep provider-side deletion protection on",
                        "Google guidance: Firestore delete protection; BigQuery table deletion protection", (plan, f) -> {
                            if (Inputs.isDev(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.ofType(Types.FIRESTORE_DATABASE)) {
                                if (!"DELETE_PROTECTION_ENABLED".equals(Inputs.text(r.input("deleteProtectionState")))) {
                                    f.flag(r, "has no delete protection in prod", "set deleteProtectionState(\"DELETE_PROTECTION_ENABLED\") (Retention.deletionProtection())");
                                }
                            }
                            for (PlannedResource r : plan.ofType(Types.BIGQUERY_TABLE)) {
                                if (Inputs.isFalse(r.input("deletionProtection"))) {
                                    f.flag(r, "turns deletion protection off in prod", "take deletionProtection from Retention.deletionProtection() (true in prod)");
                                }
                            }
                        }));
    }

    /** Why the provider would refuse to delete r, or null. GKE clusters and BigQuery tables default to protected. */
    private static String devDeletionBlock(PlannedResource r) {
        return switch (r.type()) {
            case Types.GKE_CLUSTER, Types.BIGQUERY_TABLE, Types.SQL_DATABASE_INSTANCE ->
                    Inputs.isFalse(r.input("deletionProtection")) ? null : "deletionProtection is not set to false (the provider defaults it to true)";
            case Types.FIRESTORE_DATABASE -> "DELETE_PROTECTION_ENABLED".equals(Inputs.text(r.input("deleteProtectionState")))
                    ? "deleteProtectionState is DELETE_PROTECTION_ENABLED" : null;
            default -> Inputs.isTrue(r.input("deletionProtection")) ? "deletionProtection is on" : null;
        };
    }
}
