package dev.headway.infra.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.headway.infra.config.SettingsYaml.load;
import static dev.headway.infra.config.SettingsYaml.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ranges of README's "Config reference" table: the lowest and highest value are accepted and read
 * back, one past each is refused with one line naming the key.
 */
class SettingsLoaderRangesTest {
    /**
     * {@code headway:<section>.<key>} from {@code lo} to {@code hi}; {@code below} / {@code above} are one
     * step past; {@code sibling} are other entries of the section and {@code others} other sections the
     * edges need (e.g. a short retention needs an earlier unacked alert).
     */
    record Range(String section, String key, String lo, String hi, String below, String above, String sibling,
                 List<String> others, Function<Settings, Object> read) {
        @Override
        public String toString() {
            return "headway:" + section + "." + key + " " + lo + ".." + hi;
        }

        String[] config(String value) {
            List<String> lines = new ArrayList<>(others);
            lines.add("headway:" + section + ": {" + key + ": " + value + (sibling.isEmpty() ? "" : ", " + sibling) + "}");
            return lines.toArray(String[]::new);
        }
    }

    private static Range range(String section, String key, String lo, String hi, String below, String above,
                               Function<Settings, Object> read) {
        return new Range(section, key, lo, hi, below, above, "", List.of(), read);
    }

    static Stream<Range> ranges() {
        String earlyAlert = "headway:alerts: {oldestUnackedSeconds: 30}";
        return Stream.of(
                range("network", "subnetCidr", "10.0.0.0/16", "10.0.0.0/28", "10.0.0.0/15", "10.0.0.0/29", s -> s.network().subnetCidr()),
                range("network", "flowLogSampling", "0.01", "1.0", "0.009", "1.01", s -> s.network().flowLogSampling()),
                range("poller", "pollIntervalSeconds", "15", "3600", "14", "3601", s -> s.poller().pollIntervalSeconds()),
                new Range("pubsub", "messageRetentionSeconds", "600", "2678400", "599", "2678401", "", List.of(earlyAlert),
                        s -> s.pubsub().messageRetentionSeconds()),
                range("pubsub", "ackDeadlineSeconds", "10", "600", "9", "601", s -> s.pubsub().ackDeadlineSeconds()),
                range("pubsub", "maxDeliveryAttempts", "5", "100", "4", "101", s -> s.pubsub().maxDeliveryAttempts()),
                range("pubsub", "minBackoffSeconds", "0", "600", "-1", "601", s -> s.pubsub().minBackoffSeconds()),
                new Range("pubsub", "maxBackoffSeconds", "0", "600", "-1", "601", "minBackoffSeconds: 0", List.of(),
                        s -> s.pubsub().maxBackoffSeconds()),
                range("warehouse", "tableExpirationDays", "1", "3650", "0", "3651", s -> s.warehouse().tableExpirationDays().orElseThrow()),
                range("artifacts", "keepRecent", "1", "1000", "0", "1001", s -> s.artifacts().keepRecent()),
                range("artifacts", "deleteUntaggedAfterDays", "1", "365", "0", "366", s -> s.artifacts().deleteUntaggedAfterDays()),
                range("dataflow", "maxWorkers", "1", "1000", "0", "1001", s -> s.dataflow().maxWorkers()),
                range("training", "maxGpus", "0", "64", "-1", "65", s -> s.training().maxGpus()),
                range("alerts", "endpointErrorRate", "0.0001", "1.0", "0.00009", "1.01", s -> s.alerts().endpointErrorRate()),
                range("alerts", "endpointLatencyMs", "10", "60000", "9", "60001", s -> s.alerts().endpointLatencyMs()),
                range("alerts", "dataflowLagSeconds", "30", "86400", "29", "86401", s -> s.alerts().dataflowLagSeconds()),
                // the top is the cross-field rule: below the subscription's retention (default 7 days)
                range("alerts", "oldestUnackedSeconds", "30", "604799", "29", "604800", s -> s.alerts().oldestUnackedSeconds()),
                range("serving", "firestoreLocation", "nam5", "us-east1", "nam", "us-east9", s -> s.serving().firestoreLocation()),
                range("batch", "memory", "512Mi", "4Gi", "511Mi", "4097Mi", s -> s.batch().memory()),
                range("batch", "schedule", "\"0 0 1 1 0\"", "\"59 23 31 12 7\"", "\"0 0 0 1 0\"", "\"59 23 31 12 8\"", s -> s.batch().schedule()),
                range("adopt", "a", "x", "\"" + "x".repeat(512) + "\"", "\" \"", "\"" + "x".repeat(513) + "\"", s -> s.adopt().get("a")));
    }

    /** A YAML scalar (quotes dropped) and the value Settings holds: numbers compared as numbers. */
    private static boolean same(String yaml, Object actual) {
        return actual instanceof Number n ? n.doubleValue() == Double.parseDouble(yaml) : yaml.replace("\"", "").equals(String.valueOf(actual));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void bothEdgesAreAcceptedAndReadBack(Range r) {
        for (String edge : List.of(r.lo(), r.hi())) {
            Object read = r.read().apply(load("dev", r.config(edge)));
            assertTrue(same(edge, read), r + ": " + edge + " read back as " + read);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ranges")
    void onePastEitherEdgeIsRefusedInOneLineNamingTheKey(Range r) {
        for (String past : List.of(r.below(), r.above())) {
            ConfigError e = refused("dev", r.config(past));
            String key = "headway:" + r.section() + "." + r.key();
            assertEquals(key, e.key(), past + ": " + e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }
}
