package dev.headway.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.List;

/** Cloud Storage buckets. */
final class StoragePolicies {
    private StoragePolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-GCS-001", Severity.HIGH, "buckets use uniform bucket-level access (no object ACLs)",
                        "CIS GCP 5.2", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.STORAGE_BUCKET)) {
                                if (!Inputs.isTrue(r.input("uniformBucketLevelAccess"))) {
                                    f.flag(r, "uniform bucket-level access is off (object ACLs can grant access IAM does not show)",
                                            "set uniformBucketLevelAccess(true)");
                                }
                            }
                        }),
                Rule.of("HW-GCS-002", Severity.HIGH, "buckets enforce public access prevention",
                        "CIS GCP 5.1; Google guidance: public access prevention", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.STORAGE_BUCKET)) {
                                if (!"enforced".equals(Inputs.text(r.input("publicAccessPrevention")))) {
                                    f.flag(r, "public access prevention is " + describe(r.input("publicAccessPrevention"), "inherited"),
                                            "set publicAccessPrevention(\"enforced\")");
                                }
                            }
                        }),
                Rule.of("HW-GCS-003", Severity.MEDIUM, "buckets that hold data keep object versions",
                        "Google guidance: Cloud Storage data protection (object versioning)", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.STORAGE_BUCKET)) {
                                if (!DataStores.isScratchBucket(r) && !Inputs.isTrue(r.input("versioning.enabled"))) {
                                    f.flag(r, "holds data but keeps no object versions (an overwrite or delete is final)",
                                            "set versioning(BucketVersioningArgs.builder().enabled(true)) with a lifecycle rule for old versions");
                                }
                            }
                        }),
                Rule.of("HW-GCS-004", Severity.HIGH, "no forceDestroy on prod buckets",
                        "Headway retention rule (DESIGN: prod data survives a destroy)", (plan, f) -> {
                            if (Inputs.isDev(plan)) {
                                return;
                            }
                            for (PlannedResource r : plan.ofType(Types.STORAGE_BUCKET)) {
                                if (Inputs.isTrue(r.input("forceDestroy"))) {
                                    f.flag(r, "forceDestroy is on in prod: a destroy deletes every object",
                                            "take forceDestroy from Retention.forceDestroy() (false in prod)");
                                }
                            }
                        }),
                Rule.of("HW-GCS-005", Severity.LOW, "scratch buckets (temp, staging) delete old objects with a lifecycle rule",
                        "Google guidance: Object Lifecycle Management for temporary data", (plan, f) -> {
                            for (PlannedResource r : plan.ofType(Types.STORAGE_BUCKET)) {
                                if (!DataStores.isScratchBucket(r)) {
                                    continue;
                                }
                                boolean deletes = false;
                                for (JsonNode rule : r.input("lifecycleRules")) {
                                    deletes |= "Delete".equals(Inputs.text(rule.path("action").path("type")));
                                }
                                if (!deletes) {
                                    f.flag(r, "is scratch space but never deletes what it holds",
                                            "add a lifecycleRule with action type Delete and a condition such as age 7 days");
                                }
                            }
                        }));
    }

    static String describe(JsonNode n, String defaultValue) {
        String s = Inputs.text(n);
        return s == null ? "not set (" + defaultValue + ")" : "\"" + s + "\"";
    }
}
