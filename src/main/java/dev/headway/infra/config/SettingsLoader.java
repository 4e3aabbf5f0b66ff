package dev.headway.infra.config;

import dev.headway.infra.conventions.NameRules;
import dev.headway.infra.conventions.Names;
import dev.headway.infra.config.Settings.Alerts;
import dev.headway.infra.config.Settings.Artifacts;
import dev.headway.infra.config.Settings.Batch;
import dev.headway.infra.config.Settings.Ci;
import dev.headway.infra.config.Settings.Dataflow;
import dev.headway.infra.config.Settings.Endpoint;
import dev.headway.infra.config.Settings.Env;
import dev.headway.infra.config.Settings.FlexJob;
import dev.headway.infra.config.Settings.Gke;
import dev.headway.infra.config.Settings.Network;
import dev.headway.infra.config.Settings.Poller;
import dev.headway.infra.config.Settings.PubSub;
import dev.headway.infra.config.Settings.Serving;
import dev.headway.infra.config.Settings.Training;
import dev.headway.infra.config.Settings.Warehouse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Turns raw stack config into {@link Settings}, or stops with one {@link ConfigError} naming the key,
 * what was expected and what was found. Nothing is declared before this has passed.
 */
public final class SettingsLoader {
    private static final long MAX_AUTHORIZED_ADDRESSES = 1L << 24;
    private static final Pattern GITHUB_ID = Pattern.compile("[1-9][0-9]{0,19}");
    private static final int DAY = 86_400;
    /** The widest network that may reach a GKE control plane: nothing like 0.0.0.0/0 or its halves. */
    static final int MIN_AUTHORIZED_PREFIX = 16;

    private SettingsLoader() {
    }

    /** {@code headway:deploymentSuffix}: short, so every suffixed id stays within Google's limits (pool ids 4-32). */
    static final java.util.regex.Pattern DEPLOYMENT_SUFFIX = java.util.regex.Pattern.compile("[a-z0-9]{1,6}");

    public static Settings load(String stack, RawConfig raw) {
        for (String key : List.of("gcp:project", "gcp:region")) {
            // Every resource name and id is derived from these; a secret one cannot name anything (it was exit 70).
            if (raw.secretKeys().contains(key)) {
                throw new ConfigError(key, "a plain value (not secure:): resource names are derived from it", "a secret");
            }
        }
        String project = raw.require("gcp:project", "a Google Cloud project id");
        if (!GoogleCloud.PROJECT_ID.matcher(project).matches()) {
            throw new ConfigError("gcp:project", "a project id (6-30 lowercase letters, digits, hyphens)", "\"" + project + "\"");
        }
        String region = raw.require("gcp:region", "a Google Cloud region such as us-east1");
        if (!GoogleCloud.REGIONS.contains(region)) {
            throw new ConfigError("gcp:region", "a Google Cloud region" + ConfigNode.didYouMean(region, GoogleCloud.REGIONS), "\"" + region + "\"");
        }
        providerKeys(raw, region);
        ConfigNode root = raw.projectNode();
        Env env = Environments.resolve(stack, root, project, raw.secretKeys().contains("gcp:project"));
        boolean prod = env.isProd();

        String zone = root.matching("zone", GoogleCloud.ZONE, "a zone such as " + region + "-b", region + "-b");
        Matcher zm = GoogleCloud.ZONE.matcher(zone);
        if (zm.matches() && !zm.group(1).equals(region)) {
            throw new ConfigError(root.keyOf("zone"), "a zone in gcp:region " + region + " (such as " + region + "-b)", "\"" + zone + "\"");
        }
        Map<String, String> labels = root.stringMap("labels", k -> GoogleCloud.LABEL_KEY.matcher(k).matches(),
                "a label key (lowercase letter first, then lowercase letters, digits, _ or -)");
        labels.forEach((k, v) -> {
            if (!GoogleCloud.LABEL_VALUE.matcher(v).matches()) {
                throw new ConfigError(root.keyOf("labels") + "." + k, "a label value (lowercase letters, digits, _ or -, at most 63)", "\"" + v + "\"");
            }
            if (k.startsWith("goog")) {
                throw new ConfigError(root.keyOf("labels") + "." + k, "a label key that does not start with goog (reserved by Google)", "\"" + k + "\"");
            }
            if (Set.of("app", "env", "component", "managed-by").contains(k)) {
                throw new ConfigError(root.keyOf("labels") + "." + k, "a label other than app, env, component, managed-by (those are set for you)", "\"" + k + "\"");
            }
        });

        if (labels.size() > 60) {
            throw new ConfigError(root.keyOf("labels"), "at most 60 labels (Google allows 64 per resource; 4 are set for you)", labels.size() + " labels");
        }
        Network network = network(root.object("network"));
        Poller poller = poller(root.object("poller"), prod);
        PubSub pubsub = pubsub(root.object("pubsub"));
        Warehouse warehouse = warehouse(root.object("warehouse"), prod, region);
        Artifacts artifacts = artifacts(root.object("artifacts"), prod);
        Dataflow dataflow = dataflow(root.object("dataflow"), prod);
        Training training = training(root.object("training"), prod, network, region);
        Serving serving = serving(root.object("serving"), region);
        Alerts alerts = alerts(root.object("alerts"));
        Batch batch = batch(root.object("batch"), prod);
        Optional<Ci> ci = ci(root.object("ci"), env);
        Map<String, String> adopt = adopt(root);
        String deploymentSuffix = root.matching("deploymentSuffix", DEPLOYMENT_SUFFIX, "1 to 6 lowercase letters or digits", "");
        String longestSuffixed = new Names(env.id(), project, deploymentSuffix).longestWorkloadIdentity();
        if (longestSuffixed.length() > NameRules.WORKLOAD_IDENTITY_MAX) {
            throw new ConfigError(root.keyOf("deploymentSuffix"), "a suffix short enough for Workload Identity ids (at most "
                    + NameRules.WORKLOAD_IDENTITY_MAX + " characters; " + longestSuffixed + " is "
                    + longestSuffixed.length() + ") with this stack's name", "\"" + deploymentSuffix + "\"");
        }
        root.done();
        agree(region, pubsub, warehouse, serving, alerts);
        ReviewStacks.check(env, training, dataflow, batch);

        return new Settings(stack, env, project, region, zone, Map.copyOf(labels), network, poller, pubsub, warehouse,
                artifacts, dataflow, training, serving, alerts, batch, ci, raw.secretKeys(), Map.copyOf(adopt), deploymentSuffix);
    }

    private static Network network(ConfigNode n) {
        Cidr subnet = n.cidr("subnetCidr", 16, 28, "10.10.0.0/20");
        if (!subnet.isPrivate()) {
            throw new ConfigError(n.keyOf("subnetCidr"), "a private (RFC 1918) range", "\"" + subnet + "\"");
        }
        double sampling = n.number("flowLogSampling", 0.01, 1.0, 0.5);
        n.done();
        return new Network(subnet, sampling);
    }

    private static Poller poller(ConfigNode n, boolean prod) {
        boolean running = n.bool("running", true);
        String machineType = n.matching("machineType", GoogleCloud.MACHINE_TYPE, "a machine type such as e2-small", prod ? "e2-small" : "e2-micro");
        Optional<String> image = pinnedImage(n, "headway-poller");
        String feedUrl = n.matching("feedUrl", Pattern.compile("https://[^\\s]+"), "an https URL of a GTFS-realtime feed",
                "https://api-endpoint.mta.info/Dataservice/mtagtfsfeeds/nyct%2Fgtfs");
        int interval = n.integer("pollIntervalSeconds", 15, 3600, 30);
        n.done();
        return new Poller(running, machineType, image, feedUrl, interval);
    }

    private static PubSub pubsub(ConfigNode n) {
        // The feed subscription keeps unacked messages at most 7 days (topics could keep 31).
        // topics keep messages up to 31 days; subscriptions at most 7 (FeedTopics caps theirs)
        int retention = n.integer("messageRetentionSeconds", 600, 31 * DAY, 7 * DAY);
        int ack = n.integer("ackDeadlineSeconds", 10, 600, 60);
        int attempts = n.integer("maxDeliveryAttempts", 5, 100, 10);
        int minBackoff = n.integer("minBackoffSeconds", 0, 600, 10);
        int maxBackoff = n.integer("maxBackoffSeconds", 0, 600, 600);
        if (maxBackoff < minBackoff) {
            throw new ConfigError(n.keyOf("maxBackoffSeconds"), "at least minBackoffSeconds (" + minBackoff + ")", String.valueOf(maxBackoff));
        }
        n.done();
        return new PubSub(retention, ack, attempts, minBackoff, maxBackoff);
    }

    private static Warehouse warehouse(ConfigNode n, boolean prod, String region) {
        String location = n.string("location", "US");
        if (!GoogleCloud.BIGQUERY_MULTI_REGIONS.contains(location) && !GoogleCloud.REGIONS.contains(location)) {
            throw new ConfigError(n.keyOf("location"), "US, EU or a region such as " + region, "\"" + location + "\"");
        }
        Optional<Integer> expiration = n.has("tableExpirationDays")
                ? Optional.of(n.integer("tableExpirationDays", 1, 3650, 0)) : Optional.empty();
        if (prod && expiration.isPresent()) {
            throw new ConfigError(n.keyOf("tableExpirationDays"), "no value in prod (prod tables never expire)", String.valueOf(expiration.get()));
        }
        n.done();
        return new Warehouse(location, expiration);
    }

    private static Artifacts artifacts(ConfigNode n, boolean prod) {
        int keep = n.integer("keepRecent", 1, 1000, prod ? 20 : 5);
        int untagged = n.integer("deleteUntaggedAfterDays", 1, 365, prod ? 30 : 7);
        boolean immutable = n.bool("immutableTags", prod);
        n.done();
        return new Artifacts(keep, untagged, immutable);
    }

    private static Dataflow dataflow(ConfigNode n, boolean prod) {
        String machine = n.matching("workerMachineType", GoogleCloud.MACHINE_TYPE, "a machine type such as n2-standard-2", prod ? "n2-standard-2" : "e2-standard-2");
        int maxWorkers = n.integer("maxWorkers", 1, 1000, prod ? 5 : 1);
        Optional<FlexJob> job = n.optionalObject("job").map(j -> {
            String path = j.requiredMatching("templateGcsPath", GoogleCloud.GCS_PATH, "a gs:// path to a Flex Template spec");
            Map<String, String> params = j.stringMap("parameters", k -> k.matches("[A-Za-z][A-Za-z0-9_]*"), "a template parameter name");
            j.done();
            return new FlexJob(path, params);
        });
        n.done();
        return new Dataflow(machine, maxWorkers, job);
    }

    private static Training training(ConfigNode n, boolean prod, Network network, String region) {
        String accelerator = n.oneOf("acceleratorType", GpuZones.standard().accelerators(), "NVIDIA_TESLA_A100");
        String machineType = n.matching("machineType", GoogleCloud.MACHINE_TYPE, "a GPU machine type such as a2-highgpu-1g", "a2-highgpu-1g");
        int maxGpus = n.integer("maxGpus", 0, 64, prod ? 8 : 1);
        checkGpuMachine(n, machineType);
        List<String> zones = gpuZones(n, region, accelerator, machineType);
        int perNode = gpusPerNode(machineType);
        if (maxGpus % perNode != 0) {
            throw new ConfigError(n.keyOf("maxGpus"), "a multiple of " + perNode + " (GPUs per " + machineType + ")", String.valueOf(maxGpus));
        }
        Optional<Gke> gke = n.optionalObject("gke").flatMap(g -> {
            boolean enabled = g.bool("enabled", true);
            boolean spot = g.bool("spot", !prod);
            String channel = g.oneOf("releaseChannel", GoogleCloud.RELEASE_CHANNELS, "REGULAR");
            Cidr master = g.cidr("masterCidr", 28, 28, "172.16.0.0/28");
            Cidr pods = g.cidr("podsCidr", 8, 21, "10.20.0.0/16");
            Cidr services = g.cidr("servicesCidr", 8, 27, "10.30.0.0/20");
            // The Kubernetes provider talks to the cluster's public endpoint (pulumi-gcp 7.0.0 /
            // terraform-provider-google-beta v5.0.0 has no DNS-based control-plane endpoint); with
            // authorized networks on, only these public ranges reach it. None = nothing reaches it.
            List<String> authorized = g.strings("masterAuthorizedNetworks", s -> Cidr.parse(s).filter(Cidr::isNetworkAddress)
                    .filter(c -> c.prefix() >= MIN_AUTHORIZED_PREFIX && !c.isPrivate()).isPresent(),
                    "a public IPv4 network, /" + MIN_AUTHORIZED_PREFIX + " or narrower, that `pulumi up` runs from (such as 203.0.113.0/28)", List.of());
            // GKE control-plane access: authorized networks are the allow-list for the public endpoint; several wide
            // blocks (0.0.0.0/1 + 128.0.0.0/1) open it to the internet as surely as 0.0.0.0/0
            // (https://cloud.google.com/kubernetes-engine/docs/how-to/authorized-networks).
            long covered = Cidr.coverage(authorized.stream().map(c -> Cidr.parse(c).orElseThrow()).toList());
            if (covered > MAX_AUTHORIZED_ADDRESSES) {
                throw new ConfigError(g.keyOf("masterAuthorizedNetworks"), "networks that together cover at most a /8 ("
                        + MAX_AUTHORIZED_ADDRESSES + " addresses); list your offices and runners, not the internet", covered + " addresses");
            }
            for (Map.Entry<String, Cidr> e : Map.of("masterCidr", master, "podsCidr", pods, "servicesCidr", services).entrySet()) {
                if (!e.getValue().isPrivate()) {
                    throw new ConfigError(g.keyOf(e.getKey()), "a private (RFC 1918) range", "\"" + e.getValue() + "\"");
                }
            }
            if (enabled && maxGpus < perNode) {
                throw new ConfigError(n.keyOf("maxGpus"), "at least " + perNode + " (one " + machineType + ") when " + g.keyOf("enabled") + " is true", String.valueOf(maxGpus));
            }
            List<Cidr> ranges = List.of(network.subnetCidr(), master, pods, services);
            List<String> names = List.of("headway:network.subnetCidr", g.keyOf("masterCidr"), g.keyOf("podsCidr"), g.keyOf("servicesCidr"));
            for (int i = 0; i < ranges.size(); i++) {
                for (int j = i + 1; j < ranges.size(); j++) {
                    if (ranges.get(i).overlaps(ranges.get(j))) {
                        throw new ConfigError(names.get(j), "a range that does not overlap " + names.get(i) + " (" + ranges.get(i) + ")", "\"" + ranges.get(j) + "\"");
                    }
                }
            }
            g.done();
            if (enabled && authorized.isEmpty()) {
                throw new ConfigError(g.keyOf("masterAuthorizedNetworks"), "the public IPv4 networks `pulumi up` runs from"
                        + " (the control plane admits only these; see README, GKE control plane access)", "none");
            }
            List<Cidr> parsed = authorized.stream().map(s -> Cidr.parse(s).orElseThrow()).toList();
            return enabled ? Optional.of(new Gke(spot, channel, master, pods, services, parsed)) : Optional.empty();
        });
        n.done();
        return new Training(accelerator, machineType, maxGpus, zones, gke);
    }

    /**
     * The zones GPU nodes may use: {@code headway:training.zones}, default every zone of the region
     * that offers the accelerator ({@link GpuZones}, Google's GPU regions-and-zones table). The
     * region must offer it at all: the Vertex AI custom-training quota is capped in {@code gcp:region}
     * and the GKE cluster is regional there.
     */
    private static List<String> gpuZones(ConfigNode n, String region, String accelerator, String machineType) {
        GpuZones table = GpuZones.standard();
        if (!table.attaches(machineType, accelerator)) {
            throw new ConfigError(n.keyOf("machineType"), "a " + String.join("-* or ", table.families(accelerator)) + "-* machine type for "
                    + accelerator + " (the GPU table of " + table.checked() + ")", "\"" + machineType + "\"");
        }
        List<String> offering = table.zones(region, accelerator);
        if (offering.isEmpty()) {
            String where = table.knowsRegion(region) ? "an accelerator offered in gcp:region " + region
                    : "an accelerator in a region the GPU table covers (" + String.join(", ", table.regions()) + ")";
            throw new ConfigError(n.keyOf("acceleratorType"), where, "\"" + accelerator + "\" (not in the GPU table for " + region
                    + " as of " + table.checked() + "; if Google offers it there, add the row to src/main/resources" + GpuZones.RESOURCE
                    + " from https://cloud.google.com/compute/docs/gpus/gpu-regions-zones)");
        }
        List<String> zones = n.strings("zones", z -> true, "a zone", offering);
        if (zones.isEmpty()) {
            throw new ConfigError(n.keyOf("zones"), "at least one zone that offers " + accelerator + " (" + String.join(", ", offering) + ")", "[]");
        }
        for (int i = 0; i < zones.size(); i++) {
            if (!offering.contains(zones.get(i))) {
                throw new ConfigError(n.keyOf("zones") + "[" + i + "]", "a zone of " + region + " that offers " + accelerator
                        + " (" + String.join(", ", offering) + "; the GPU table of " + table.checked() + ")", "\"" + zones.get(i) + "\"");
            }
        }
        if (new HashSet<>(zones).size() != zones.size()) {
            throw new ConfigError(n.keyOf("zones"), "each zone once", zones.toString());
        }
        return zones;
    }

    /**
     * A workload image: absent until CI has pushed it (the workload is then not declared), else
     * pinned by digest, so {@code up} never points a workload at an image that is not there yet.
     */
    private static Optional<String> pinnedImage(ConfigNode n, String example) {
        if (!n.has("image")) {
            return Optional.empty();
        }
        return Optional.of(n.matching("image", GoogleCloud.PINNED_IMAGE, "an image pinned by digest, such as "
                + example + "@sha256:<64 hex digits> (push it first; see README, First up on an empty project)", null));
    }

    /** GPUs attached to one machine of the type: a2-highgpu-4g has 4; g2-standard-48 has 4; n1 takes 1. */
    public static int gpusPerNode(String machineType) {
        Matcher m = Pattern.compile("(a2|a3)-(highgpu|ultragpu|megagpu)-(\\d+)g").matcher(machineType);
        if (m.matches()) {
            return Integer.parseInt(m.group(3));
        }
        if (machineType.startsWith("g2-standard-")) {
            int vcpus = Integer.parseInt(machineType.substring("g2-standard-".length()));
            return vcpus >= 96 ? 8 : vcpus >= 48 ? 4 : vcpus >= 24 ? 2 : 1;
        }
        return 1;
    }

    private static Serving serving(ConfigNode n, String region) {
        List<Endpoint> endpoints = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ConfigNode e : n.objects("endpoints")) {
            String name = e.requiredMatching("name", GoogleCloud.NAME, "an endpoint name (lowercase letters, digits, hyphens; at most 32)");
            if (!seen.add(name)) {
                throw new ConfigError(e.keyOf("name"), "a name no other endpoint has", "\"" + name + "\" twice");
            }
            String description = e.string("description", "Headway " + name + " predictions");
            if (description.length() > 128) {
                throw new ConfigError(e.keyOf("description"), "at most 128 characters (Vertex AI display text)", description.length() + " characters");
            }
            double sampling = e.number("samplingRate", 0.0, 1.0, 0.1);
            e.done();
            endpoints.add(new Endpoint(name, description, sampling));
        }
        String firestore = n.string("firestoreLocation", "nam5");
        if (!GoogleCloud.FIRESTORE_MULTI_REGIONS.contains(firestore) && !GoogleCloud.REGIONS.contains(firestore)) {
            throw new ConfigError(n.keyOf("firestoreLocation"), "nam5, eur3 or a region such as " + region, "\"" + firestore + "\"");
        }
        n.done();
        return new Serving(List.copyOf(endpoints), firestore);
    }

    private static Alerts alerts(ConfigNode n) {
        Optional<String> email = Optional.ofNullable(n.matching("notificationEmail", GoogleCloud.EMAIL, "an email address", null));
        double errorRate = n.number("endpointErrorRate", 0.0001, 1.0, 0.05);
        int latency = n.integer("endpointLatencyMs", 10, 60_000, 500);
        int lag = n.integer("dataflowLagSeconds", 30, 86_400, 300);
        int unacked = n.integer("oldestUnackedSeconds", 30, 7 * DAY, 600);
        n.done();
        return new Alerts(email, errorRate, latency, lag, unacked);
    }

    private static Batch batch(ConfigNode n, boolean prod) {
        boolean enabled = n.bool("enabled", prod);
        Optional<String> image = pinnedImage(n, "headway-batch");
        String schedule = n.matching("schedule", GoogleCloud.CRON, "a cron schedule of five fields", "0 6 2 * *");
        checkCron(n.keyOf("schedule"), schedule);
        String timeZone = n.matching("timeZone", Pattern.compile("[A-Za-z]+(/[A-Za-z_+-]+)*|UTC"), "an IANA time zone such as America/New_York", "America/New_York");
        if (!java.time.ZoneId.getAvailableZoneIds().contains(timeZone) && !timeZone.equals("UTC")) {
            throw new ConfigError(n.keyOf("timeZone"), "an IANA time zone such as America/New_York" + ConfigNode.didYouMean(timeZone, java.time.ZoneId.getAvailableZoneIds()), "\"" + timeZone + "\"");
        }
        List<String> secrets = n.strings("secrets", s -> GoogleCloud.SECRET_ID.matcher(s).matches(), "a Secret Manager secret id", List.of());
        if (new HashSet<>(secrets).size() != secrets.size()) {
            throw new ConfigError(n.keyOf("secrets"), "each secret once", secrets.toString());
        }
        String cpu = n.oneOf("cpu", List.of("1", "2", "4", "8"), "1");
        String memory = n.matching("memory", Pattern.compile("\\d{1,6}(Mi|Gi)"), "a memory size such as 2Gi", "2Gi");
        checkCloudRunSize(n, cpu, memory);
        n.done();
        return new Batch(enabled, image, schedule, timeZone, secrets, cpu, memory);
    }

    /** gcp: keys are the provider's own; a gcp:zone must be in gcp:region. */
    private static void providerKeys(RawConfig raw, String region) {
        for (String key : List.of("gcp:credentials", "gcp:accessToken")) {
            if (raw.values().containsKey(key) && !raw.secretKeys().contains(key)) {
                throw new ConfigError(key, "no credentials in a stack file (CI is keyless; locally use gcloud auth application-default login),"
                        + " or at least pulumi config set --secret " + key, "plaintext");
            }
        }
        for (String key : raw.values().keySet()) {
            if (!key.startsWith("gcp:")) {
                continue;
            }
            String name = key.substring("gcp:".length());
            if (!GoogleCloud.PROVIDER_KEYS.contains(name) && !name.endsWith("CustomEndpoint")) {
                throw new ConfigError(key, "unknown gcp provider key" + ConfigNode.didYouMean(name, GoogleCloud.PROVIDER_KEYS)
                        + " (project keys go under headway:)");
            }
        }
        String zone = raw.values().get("gcp:zone");
        if (zone != null) {
            Matcher m = GoogleCloud.ZONE.matcher(zone);
            if (!m.matches() || !m.group(1).equals(region)) {
                throw new ConfigError("gcp:zone", "a zone in gcp:region " + region + " (such as " + region + "-b)", "\"" + zone + "\"");
            }
        }
    }

    /** Values that must agree across components. */
    private static void agree(String region, PubSub pubsub, Warehouse warehouse, Serving serving, Alerts alerts) {
        int subscriptionRetention = Math.min(pubsub.messageRetentionSeconds(), 7 * DAY);
        if (alerts.oldestUnackedSeconds() >= subscriptionRetention) {
            throw new ConfigError("headway:alerts.oldestUnackedSeconds", "less than the subscription's retention ("
                    + subscriptionRetention + " s, headway:pubsub.messageRetentionSeconds capped at 7 days), or the alert fires only after the messages are gone",
                    String.valueOf(alerts.oldestUnackedSeconds()));
        }
        String continent = region.substring(0, region.indexOf('-'));
        String location = warehouse.location();
        boolean warehouseOk = location.equals("US") ? continent.equals("us") : location.equals("EU") ? continent.equals("europe") : location.equals(region);
        if (!warehouseOk) {
            throw new ConfigError("headway:warehouse.location", "a location that holds gcp:region " + region
                    + " (" + (continent.equals("us") ? "US or " : continent.equals("europe") ? "EU or " : "") + region
                    + "), so Dataflow and Vertex AI write to BigQuery in their own region", "\"" + location + "\"");
        }
        String firestore = serving.firestoreLocation();
        boolean firestoreOk = firestore.equals("nam5") ? continent.equals("us") : firestore.equals("eur3") ? continent.equals("europe") : firestore.equals(region);
        if (!firestoreOk) {
            throw new ConfigError("headway:serving.firestoreLocation", "a location near gcp:region " + region
                    + " (" + (continent.equals("us") ? "nam5 or " : continent.equals("europe") ? "eur3 or " : "") + region + ")", "\"" + firestore + "\"");
        }
    }

    /** GPU machine types come in fixed sizes: a2-highgpu-{1,2,4,8}g, a2-megagpu-16g, g2-standard-{4..96}. */
    private static void checkGpuMachine(ConfigNode n, String machineType) {
        Matcher m = Pattern.compile("(a2|a3)-(highgpu|ultragpu|megagpu)-(\\d+)g").matcher(machineType);
        boolean ok = true;
        if (m.matches()) {
            ok = GoogleCloud.GPUS_PER_MACHINE.contains(Integer.parseInt(m.group(3)));
        } else if (machineType.startsWith("g2-standard-")) {
            String size = machineType.substring("g2-standard-".length());
            ok = size.matches("\\d{1,3}") && GoogleCloud.G2_SIZES.contains(Integer.parseInt(size));
        } else if (machineType.matches("(a2|a3|g2)-.*")) {
            ok = false;
        }
        if (!ok) {
            throw new ConfigError(n.keyOf("machineType"), "a GPU machine type Google offers (a2-highgpu-1g/2g/4g/8g, a2-megagpu-16g, a2-ultragpu-1g..8g, a3-highgpu-8g, g2-standard-4..96)",
                    "\"" + machineType + "\"");
        }
    }

    private static final List<int[]> CRON_RANGES = List.of(new int[]{0, 59}, new int[]{0, 23}, new int[]{1, 31}, new int[]{1, 12}, new int[]{0, 7});
    private static final List<String> CRON_FIELDS = List.of("minute", "hour", "day of month", "month", "day of week");

    /** Five cron fields, each *, a number, a range, a list or a step within its range (month and weekday names allowed). */
    private static void checkCron(String key, String schedule) {
        String[] fields = schedule.trim().split("\\s+"); // five: GoogleCloud.CRON matched before this
        for (int i = 0; i < CRON_FIELDS.size(); i++) {
            for (String part : fields[i].split(",", -1)) {
                String base = part.contains("/") ? part.substring(0, part.indexOf('/')) : part;
                String step = part.contains("/") ? part.substring(part.indexOf('/') + 1) : "1";
                boolean ok = step.matches("\\d{1,2}") && Integer.parseInt(step) > 0;
                if (ok && !base.equals("*") && !(i >= 3 && base.matches("[A-Za-z]{3}"))) {
                    String[] bounds = base.split("-", -1);
                    for (String b : bounds) {
                        ok &= b.matches("\\d{1,2}") && Integer.parseInt(b) >= CRON_RANGES.get(i)[0] && Integer.parseInt(b) <= CRON_RANGES.get(i)[1];
                    }
                    ok &= bounds.length <= 2;
                }
                if (!ok) {
                    throw new ConfigError(key, "a cron schedule whose " + CRON_FIELDS.get(i) + " field is within "
                            + CRON_RANGES.get(i)[0] + "-" + CRON_RANGES.get(i)[1], "\"" + schedule + "\"");
                }
            }
        }
    }

    /** Cloud Run: memory per CPU (1 CPU up to 4Gi, 2 up to 8Gi, 4 up to 16Gi, 8 up to 32Gi; 4 CPU need 2Gi, 8 need 4Gi). */
    private static void checkCloudRunSize(ConfigNode n, String cpu, String memory) {
        long mib = Long.parseLong(memory.replaceAll("\\D", "")) * (memory.endsWith("Gi") ? 1024 : 1);
        int cpus = Integer.parseInt(cpu);
        long max = cpus * 4096L;
        long min = cpus == 8 ? 4096 : cpus == 4 ? 2048 : 512;
        if (mib < min || mib > max) {
            throw new ConfigError(n.keyOf("memory"), "from " + (min >= 1024 ? min / 1024 + "Gi" : min + "Mi") + " to " + max / 1024
                    + "Gi for cpu " + cpu + " (Cloud Run)", "\"" + memory + "\"");
        }
    }

    /** {@code headway:adopt}: plan name to existing name (a short name: no slashes; display names may hold spaces). */
    private static Map<String, String> adopt(ConfigNode root) {
        Map<String, String> adopt = root.stringMap("adopt", k -> Settings.ADOPT_KEY.matcher(k).matches(),
                "a resource name from the stack's plan (synth <stack> lists them)");
        adopt.forEach((k, v) -> {
            if (v.isBlank() || v.contains("/") || v.length() > 512) {
                throw new ConfigError(root.keyOf("adopt") + "." + k, "the existing resource's short name (not blank, no slashes, at most 512)", ConfigNode.quote(v));
            }
        });
        return adopt;
    }

    /** CI fields of {@code headway:ci}, all of which {@code enabled: false} leaves out. */
    private static final List<String> CI_KEYS = List.of("githubRepository", "repositoryId", "repositoryOwnerId", "deployBranch", "deployEnvironment");

    /**
     * {@code headway:ci}: the stack's own keyless CI identity (CiAccess), or none with {@code enabled: false}
     * (a review stack: its workflow authenticates as the sandbox's deployer; README "Review stacks"). A prod-tier
     * stack always has its own: deploy.yml acts as it.
     */
    private static Optional<Ci> ci(ConfigNode n, Env env) {
        if (!n.bool("enabled", true)) {
            if (env.isProd()) {
                throw new ConfigError(n.keyOf("enabled"), "true in a prod-tier stack (deploy.yml authenticates as its own deployer)", "false");
            }
            for (String key : CI_KEYS) {
                if (n.has(key)) {
                    throw new ConfigError(n.keyOf(key), "nothing when " + n.keyOf("enabled") + " is false (the stack declares no CI identity)", "a value");
                }
            }
            n.done();
            return Optional.empty();
        }
        String repo = n.matching("githubRepository", GoogleCloud.GITHUB_REPOSITORY, "owner/name of a GitHub repository", "headway-transit/headway-infra");
        // GitHub's OIDC token carries repository_id and repository_owner_id as decimal strings; names can be
        // re-registered by someone else, ids cannot (docs.github.com, "About security hardening with OpenID Connect").
        String repoId = n.requiredMatching("repositoryId", GITHUB_ID, "the repository's numeric id (gh api repos/OWNER/NAME --jq .id)");
        String ownerId = n.requiredMatching("repositoryOwnerId", GITHUB_ID, "the owner's numeric id (gh api repos/OWNER/NAME --jq .owner.id)");
        String branch = n.matching("deployBranch", Pattern.compile("[A-Za-z0-9._/-]{1,100}"), "a branch name", "main");
        String environment = n.matching("deployEnvironment", Pattern.compile("[A-Za-z0-9._-]{1,100}"), "a GitHub environment name",
                env.isProd() ? "production" : "dev");
        n.done();
        return Optional.of(new Ci(repo, repoId, ownerId, branch, environment));
    }
}
