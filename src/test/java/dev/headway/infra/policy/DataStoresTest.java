package dev.headway.infra.policy;

import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.testing.Plans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the pull-request review's data-loss guard says a delete or a replacement loses
 * ({@link DataStores#loses}): a data store's data, a subscription's backlog, an endpoint's models, a
 * streaming job's windows, or what a protected resource holds; a scratch bucket or a plain resource
 * loses nothing.
 */
class DataStoresTest {
    @ParameterizedTest(name = "{0} {1} (protect {2}) loses: {3}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            gcp:bigquery/dataset:Dataset                     | hw_dev_raw                         | false | its data
            gcp:storage/bucket:Bucket                        | headway-dev-hw-dev-models          | false | its data
            gcp:storage/bucket:Bucket                        | headway-dev-hw-dev-dataflow-temp   | false | ""
            gcp:storage/bucket:Bucket                        | headway-dev-hw-dev-dataflow-temp   | true  | what it holds (it is declared protected)
            gcp:pubsub/subscription:Subscription             | hw-dev-feed-dataflow               | false | its backlog of unacknowledged messages
            gcp:vertex/aiEndpoint:AiEndpoint                 | hw-dev-serving                     | false | the models deployed on it, and the traffic they serve
            gcp:dataflow/flexTemplateJob:FlexTemplateJob     | hw-dev-feed                        | false | the running streaming job and its in-flight windows
            gcp:compute/instance:Instance                    | hw-dev-poller                      | false | ""
            gcp:compute/instance:Instance                    | hw-dev-poller                      | true  | what it holds (it is declared protected)
            """)
    void whatADeleteLoses(String type, String name, boolean protect, String loses) {
        PlannedResource r = Plans.of("{resources: [{type: '%s', name: 'r', protect: %s, inputs: {name: '%s'}}]}".formatted(type, protect, name))
                .resources().get(0);
        assertEquals(loses.isEmpty() ? Optional.empty() : Optional.of(loses), DataStores.loses(r));
    }
}
