package dev.headway.infra.config;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

import static dev.headway.infra.config.SettingsYaml.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every default of README's "Config reference" table, per tier: a stack file that leaves the key out
 * gets the dev value in a dev-tier stack and the prod value in a prod-tier one.
 */
class SettingsLoaderDefaultsTest {
    private static Arguments row(String key, Function<Settings, Object> read, Object dev, Object prod) {
        return arguments(key, read, dev, prod);
    }

    private static Arguments row(String key, Function<Settings, Object> read, Object both) {
        return row(key, read, both, both);
    }

    static Stream<Arguments> defaults() {
        return Stream.of(
                row("headway:zone", Settings::zone, "us-east1-b"),
                row("headway:labels", Settings::extraLabels, Map.of()),
                row("headway:network.subnetCidr", s -> s.network().subnetCidr().toString(), "10.10.0.0/20"),
                row("headway:network.flowLogSampling", s -> s.network().flowLogSampling(), 0.5),
                row("headway:poller.running", s -> s.poller().running(), true),
                row("headway:poller.machineType", s -> s.poller().machineType(), "e2-micro", "e2-small"),
                row("headway:poller.image", s -> s.poller().image(), Optional.empty()),
                row("headway:poller.feedUrl", s -> s.poller().feedUrl(), "https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/nyct%2Fgtfs"),
                row("headway:poller.pollIntervalSeconds", s -> s.poller().pollIntervalSeconds(), 30),
                row("headway:pubsub.messageRetentionSeconds", s -> s.pubsub().messageRetentionSeconds(), 604_800),
                row("headway:pubsub.ackDeadlineSeconds", s -> s.pubsub().ackDeadlineSeconds(), 60),
                row("headway:pubsub.maxDeliveryAttempts", s -> s.pubsub().maxDeliveryAttempts(), 10),
                row("headway:pubsub.minBackoffSeconds", s -> s.pubsub().minBackoffSeconds(), 10),
                row("headway:pubsub.maxBackoffSeconds", s -> s.pubsub().maxBackoffSeconds(), 600),
                row("headway:warehouse.location", s -> s.warehouse().location(), "US"),
                row("headway:warehouse.tableExpirationDays", s -> s.warehouse().tableExpirationDays(), Optional.empty()),
                row("headway:artifacts.keepRecent", s -> s.artifacts().keepRecent(), 5, 20),
                row("headway:artifacts.deleteUntaggedAfterDays", s -> s.artifacts().deleteUntaggedAfterDays(), 7, 30),
                row("headway:artifacts.immutableTags", s -> s.artifacts().immutableTags(), false, true),
                row("headway:dataflow.workerMachineType", s -> s.dataflow().workerMachineType(), "e2-standard-2", "n2-standard-2"),
                row("headway:dataflow.maxWorkers", s -> s.dataflow().maxWorkers(), 1, 5),
                row("headway:dataflow.job", s -> s.dataflow().job(), Optional.empty()),
                row("headway:training.acceleratorType", s -> s.training().acceleratorType(), "NVIDIA_TESLA_A100"),
                row("headway:training.machineType", s -> s.training().machineType(), "a2-highgpu-1g"),
                row("headway:training.zones", s -> s.training().zones(), List.of("us-east1-b")),
                row("headway:training.maxGpus", s -> s.training().maxGpus(), 1, 8),
                row("headway:training.gke", s -> s.training().gke(), Optional.empty()),
                row("headway:serving.endpoints", s -> s.serving().endpoints(), List.of()),
                row("headway:serving.firestoreLocation", s -> s.serving().firestoreLocation(), "nam5"),
                row("headway:alerts.notificationEmail", s -> s.alerts().notificationEmail(), Optional.empty()),
                row("headway:alerts.endpointErrorRate", s -> s.alerts().endpointErrorRate(), 0.05),
                row("headway:alerts.endpointLatencyMs", s -> s.alerts().endpointLatencyMs(), 500),
                row("headway:alerts.dataflowLagSeconds", s -> s.alerts().dataflowLagSeconds(), 300),
                row("headway:alerts.oldestUnackedSeconds", s -> s.alerts().oldestUnackedSeconds(), 600),
                row("headway:batch.enabled", s -> s.batch().enabled(), false, true),
                row("headway:batch.image", s -> s.batch().image(), Optional.empty()),
                row("headway:batch.schedule", s -> s.batch().schedule(), "0 6 2 * *"),
                row("headway:batch.timeZone", s -> s.batch().timeZone(), "America/New_York"),
                row("headway:batch.secrets", s -> s.batch().secrets(), List.of()),
                row("headway:batch.cpu", s -> s.batch().cpu(), "1"),
                row("headway:batch.memory", s -> s.batch().memory(), "2Gi"),
                row("headway:ci.githubRepository", s -> s.ci().orElseThrow().githubRepository(), "headway-transit/headway-infra"),
                row("headway:ci.deployBranch", s -> s.ci().orElseThrow().deployBranch(), "main"),
                row("headway:ci.deployEnvironment", s -> s.ci().orElseThrow().deployEnvironment(), "dev", "production"),
                row("headway:adopt", Settings::adopt, Map.of()),
                row("headway:deploymentSuffix", Settings::deploymentSuffix, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defaults")
    void aKeyLeftOutTakesItsTiersDefaultFromTheConfigReference(String key, Function<Settings, Object> read, Object dev, Object prod) {
        // loaded per case, not once per class: a cached Settings would hide a changed loader (PIT swaps classes in one JVM)
        assertEquals(dev, read.apply(load("dev")), key + " in a dev-tier stack");
        assertEquals(prod, read.apply(load("prod")), key + " in a prod-tier stack");
    }

    static Stream<Arguments> gkeDefaults() {
        return Stream.of(
                gkeRow("spot", g -> g.spot(), true, false),
                gkeRow("releaseChannel", g -> g.releaseChannel(), "REGULAR"),
                gkeRow("masterCidr", g -> g.masterCidr().toString(), "172.16.0.0/28"),
                gkeRow("podsCidr", g -> g.podsCidr().toString(), "10.20.0.0/16"),
                gkeRow("servicesCidr", g -> g.servicesCidr().toString(), "10.30.0.0/20"));
    }

    private static Arguments gkeRow(String key, Function<Settings.Gke, Object> read, Object dev, Object prod) {
        return arguments(key, read, dev, prod);
    }

    private static Arguments gkeRow(String key, Function<Settings.Gke, Object> read, Object both) {
        return arguments(key, read, both, both);
    }

    @ParameterizedTest(name = "gke.{0}")
    @MethodSource("gkeDefaults")
    void aGkeKeyLeftOutTakesItsTiersDefault(String key, Function<Settings.Gke, Object> read, Object dev, Object prod) {
        String training = "headway:training: {maxGpus: 8, gke: {masterAuthorizedNetworks: [203.0.113.0/28]}}";
        assertEquals(dev, read.apply(load("dev", training).training().gke().orElseThrow()), key + " in dev");
        assertEquals(prod, read.apply(load("prod", training).training().gke().orElseThrow()), key + " in prod");
    }
}
