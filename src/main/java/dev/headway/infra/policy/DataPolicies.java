package dev.headway.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;
import java.util.Set;

/** BigQuery datasets and tables. */
final class DataPolicies {
    private static final Set<String> PUBLIC = Set.of("allUsers", "allAuthenticatedUsers");

    private DataPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-BQ-001", Severity.HIGH, "no public BigQuery dataset access (accesses / DatasetAccess; IAM grants: HW-IAM-002)",
                        "CIS GCP 7.1", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.BIGQUERY_DATASET)) {
                                for (JsonNode access : r.input("accesses")) {
                                    String who = publicGrantee(access);
                                    if (who != null) {
                                        f.flag(r, "an accesses entry grants " + Inputs.text(access.path("role")) + " to " + who,
                                                "remove the entry; grant the dataset to a service account or group");
                                    }
                                }
                            }
                            for (PlannedResource r : plan.ofType(Types.BIGQUERY_DATASET_ACCESS)) {
                                String who = publicGrantee(r.inputs());
                                if (who != null) {
                                    f.flag(r, "grants " + Inputs.text(r.input("role")) + " on the dataset to " + who,
                                            "grant to a service account or group instead");
                                }
                            }
                        }),
                Rule.of("HW-BQ-002", Severity.HIGH, "prod BigQuery data never expires (no default table/partition expiration, no table expirationTime)",
                        "Headway retention rule (prod data survives); Google guidance: dataset expiration", (plan, f) -> {
                            if (Inputs.isDev(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.ofType(Types.BIGQUERY_DATASET)) {
                                for (String p : List.of("defaultTableExpirationMs", "defaultPartitionExpirationMs")) {
                                    if (!Inputs.isAbsent(r.input(p))) {
                                        f.flag(r, p + " is set in prod: tables are deleted when it elapses",
                                                "leave " + p + " unset in prod (headway:warehouse.tableExpirationDays is dev-only)");
                                    }
                                }
                            }
                            for (PlannedResource r : plan.ofType(Types.BIGQUERY_TABLE)) {
                                if (!Inputs.isAbsent(r.input("expirationTime")) || !Inputs.isAbsent(r.input("timePartitioning.expirationMs"))) {
                                    f.flag(r, "expires (expirationTime or timePartitioning.expirationMs) in prod",
                                            "leave table and partition expiration unset in prod");
                                }
                            }
                        }));
    }

    /** allUsers / allAuthenticatedUsers in a dataset access entry, or null. */
    private static String publicGrantee(JsonNode access) {
        for (String field : List.of("specialGroup", "iamMember", "groupByEmail", "userByEmail")) {
            String v = Inputs.text(access.path(field));
            if (v != null && PUBLIC.contains(v)) {
                return v;
            }
        }
        return null;
    }
}
