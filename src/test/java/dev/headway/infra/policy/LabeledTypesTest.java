package dev.headway.infra.policy;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which types take labels comes from the pinned provider's Args classes. */
class LabeledTypesTest {
    @Test
    void readsTheLabelPropertyFromTheProvider() {
        assertEquals(Optional.of("labels"), LabeledTypes.labelProperty("gcp:storage/bucket:Bucket"));
        assertEquals(Optional.of("labels"), LabeledTypes.labelProperty("gcp:bigquery/dataset:Dataset"));
        assertEquals(Optional.of("labels"), LabeledTypes.labelProperty("gcp:pubsub/subscription:Subscription"));
        assertEquals(Optional.of("labels"), LabeledTypes.labelProperty("gcp:cloudrunv2/job:Job"));
        assertEquals(Optional.of("labels"), LabeledTypes.labelProperty("gcp:vertex/aiEndpoint:AiEndpoint"));
        assertEquals(Optional.of("resourceLabels"), LabeledTypes.labelProperty("gcp:container/cluster:Cluster"));
        assertEquals(Optional.of("userLabels"), LabeledTypes.labelProperty("gcp:monitoring/alertPolicy:AlertPolicy"));
        assertEquals(Optional.of("userLabels"), LabeledTypes.labelProperty("gcp:monitoring/notificationChannel:NotificationChannel"));
    }

    @Test
    void typesWithoutLabelsAndForeignTypesTakeNone() {
        for (String type : new String[]{"gcp:container/nodePool:NodePool", "gcp:firestore/database:Database",
                "gcp:serviceaccount/account:Account", "gcp:projects/service:Service", "headway:platform:Platform",
                "kubernetes:core/v1:Namespace", "gcp:nosuch/thing:Thing"}) {
            assertEquals(Optional.empty(), LabeledTypes.labelProperty(type), type);
        }
    }
}
