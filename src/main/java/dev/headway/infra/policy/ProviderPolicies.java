package dev.headway.infra.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.headway.infra.config.Cidr;
import dev.headway.infra.config.GoogleCloud;
import dev.headway.infra.config.GpuZones;
import dev.headway.infra.synth.Plan;
import dev.headway.infra.synth.PlannedResource;
import dev.headway.infra.synth.Types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the providers and Google's APIs will refuse or undo at {@code up}, read from the plan: GPUs
 * where Google offers them, a Kubernetes API that can be reached, images a workload may pull,
 * nothing that needs an artifact the same {@code up} creates empty, no ForceNew input the API
 * drops after create (a replacement on every later {@code up}).
 */
final class ProviderPolicies {
    /** {@code <location>-docker.pkg.dev/<project>/<repository>/<image>}: Artifact Registry's docker address. */
    static final Pattern AR_IMAGE = Pattern.compile("([a-z0-9-]+)-docker\\.pkg\\.dev/([a-z0-9-]+)/([a-z0-9._-]+)/([^\\s'\"]+)");
    /** Predefined Artifact Registry roles that hold {@code artifactregistry.repositories.downloadArtifacts}. */
    static final Set<String> PULL_ROLES = Set.of("roles/artifactregistry.reader", "roles/artifactregistry.writer",
            "roles/artifactregistry.repoAdmin", "roles/artifactregistry.admin");
    private static final Pattern QUOTA_METRIC = Pattern.compile(".*custom_model_training_(.+)_gpus");

    /**
     * Inputs a provider marks ForceNew and the API does not give back after create: the next
     * refresh reads a different value and every later {@code up} replaces the resource.
     */
    record DroppedInput(String type, String input, String when, String source) {
        boolean applies(PlannedResource r) {
            return switch (when) {
                case "removeDefaultNodePool" -> Inputs.isTrue(r.input("removeDefaultNodePool"));
                default -> true;
            };
        }
    }

    static final List<DroppedInput> DROPPED = List.of(
            new DroppedInput(Types.GKE_CLUSTER, "nodeConfig", "removeDefaultNodePool",
                    "terraform-provider-google-beta v5.0.0 google-beta/services/container/node_config.go schemaNodeConfig "
                            + "(ForceNew); resource_container_cluster.go Read sets node_config from the API's cluster.NodeConfig, "
                            + "which no longer describes the removed default pool"));

    private ProviderPolicies() {
    }

    static List<Policy> all() {
        return List.of(
                Rule.of("HW-PRV-001", Severity.HIGH, "GPUs are asked for only where Google offers them (node pool zones, Vertex quota region)",
                        "Google, GPU regions and zones: https://cloud.google.com/compute/docs/gpus/gpu-regions-zones (table "
                                + GpuZones.RESOURCE + ")", (plan, f) -> {
                            GpuZones table = GpuZones.standard();
                            for (PlannedResource r : plan.ofType(Types.GKE_NODE_POOL)) {
                                for (JsonNode ga : r.input("nodeConfig.guestAccelerators")) {
                                    String accelerator = GpuZones.fromGke(String.valueOf(Inputs.text(ga.path("type"))));
                                    if (accelerator == null) {
                                        continue;
                                    }
                                    JsonNode zones = r.input("nodeLocations");
                                    if (Inputs.isAbsent(zones)) {
                                        f.flag(r, "sets no nodeLocations: its " + accelerator + " nodes go to every zone of the cluster, not only those offering it",
                                                "set nodeLocations from headway:training.zones");
                                    }
                                    for (JsonNode z : zones) {
                                        String zone = Inputs.text(z);
                                        if (zone != null && !table.offers(zone, accelerator)) {
                                            f.flag(r, zone + " does not offer " + accelerator + " (offered in " + offered(table, zone, accelerator) + ")",
                                                    "set headway:training.zones to zones that offer it");
                                        }
                                    }
                                    String machine = Inputs.text(r.input("nodeConfig.machineType"));
                                    if (machine != null && !table.attaches(machine, accelerator)) {
                                        f.flag(r, machine + " cannot carry " + accelerator + " (families " + table.families(accelerator) + ")",
                                                "set headway:training.machineType to the accelerator's machine family");
                                    }
                                }
                            }
                            for (PlannedResource r : plan.ofType(Types.CONSUMER_QUOTA_OVERRIDE)) {
                                Matcher m = QUOTA_METRIC.matcher(String.valueOf(Inputs.text(r.input("metric"))).replace("%2F", "/"));
                                String region = Inputs.text(r.input("dimensions.region"));
                                String accelerator = m.matches() ? vertexAccelerator(m.group(1)) : null;
                                if (accelerator != null && region != null && table.zones(region, accelerator).isEmpty()) {
                                    f.flag(r, "caps Vertex AI training on " + accelerator + " in " + region + ", which offers none",
                                            "choose a gcp:region or headway:training.acceleratorType that the GPU table pairs");
                                }
                            }
                        }),
                Rule.of("HW-PRV-002", Severity.HIGH, "Every Kubernetes API the program talks to is reachable from where `up` runs",
                        "GKE, control plane access and authorized networks: https://cloud.google.com/kubernetes-engine/docs/concepts/network-isolation; "
                                + "terraform-provider-google-beta v5.0.0 resource_container_cluster.go (master_authorized_networks_config: "
                                + "an empty cidr_blocks differs from no block)", (plan, f) -> {
                            for (PlannedResource p : plan.ofType(Types.K8S_PROVIDER)) {
                                List<PlannedResource> clusters = dependencies(plan, p, "kubeconfig", Types.GKE_CLUSTER);
                                if (clusters.isEmpty()) {
                                    f.flag(p, "takes its kubeconfig from the machine running `up`, not from a cluster this stack declares: reach unknown",
                                            "build the kubeconfig from the cluster's endpoint and CA");
                                }
                                for (PlannedResource c : clusters) {
                                    unreachable(c).ifPresent(problem -> f.flag(p, "cluster " + c.name() + ": " + problem,
                                            "list the networks `up` runs from in headway:training.gke.masterAuthorizedNetworks"));
                                }
                            }
                            for (PlannedResource r : plan.where(r -> r.custom() && r.type().startsWith("kubernetes:") && r.provider().isEmpty())) {
                                f.flag(r, "uses the default Kubernetes provider (the ambient kubeconfig): reach unknown",
                                        "give it the stack's Kubernetes provider");
                            }
                        }),
                Rule.of("HW-PRV-003", Severity.HIGH, "Every workload's account may pull its image",
                        "Artifact Registry, access control (roles/artifactregistry.reader: downloadArtifacts): "
                                + "https://cloud.google.com/artifact-registry/docs/access-control; Dataflow Flex Templates, required permissions: "
                                + "https://cloud.google.com/dataflow/docs/guides/templates/configuring-flex-templates", (plan, f) -> {
                            for (Workload w : workloads(plan)) {
                                if (w.account() == null) {
                                    continue;
                                }
                                for (String image : w.images()) {
                                    Matcher m = AR_IMAGE.matcher(image);
                                    if (m.find() && !canPull(plan, w.account(), m.group(2), m.group(3))) {
                                        f.flag(w.resource(), w.account() + " may not pull " + image,
                                                "grant roles/artifactregistry.reader on repository " + m.group(3) + " (ArtifactRepos.grantRead)");
                                    }
                                }
                                if (w.resource().type().equals(Types.DATAFLOW_FLEX_TEMPLATE_JOB) && plan.ofType(Types.ARTIFACT_REPOSITORY).stream()
                                        .noneMatch(repo -> "DOCKER".equals(Inputs.text(repo.input("format")))
                                                && canPull(plan, w.account(), project(repo, plan), Inputs.cloudName(repo, "repositoryId")))) {
                                    f.flag(w.resource(), w.account() + " may pull from no docker repository: the Flex Template launcher cannot start its image",
                                            "grant roles/artifactregistry.reader on the repository that holds the template image");
                                }
                            }
                        }),
                Rule.of("HW-PRV-004", Severity.HIGH, "No workload needs an artifact that the same `up` creates empty",
                        "Pulumi creates a resource's dependencies first, so a repository or bucket is empty when a workload "
                                + "that reads it starts; OCI image spec (a digest names pushed content)", (plan, f) -> {
                            for (Workload w : workloads(plan)) {
                                for (String input : w.artifactInputs()) {
                                    for (PlannedResource created : dependencies(plan, w.resource(), input, Types.ARTIFACT_REPOSITORY, Types.STORAGE_BUCKET)) {
                                        f.flag(w.resource(), input + " comes from " + created.name() + ", which this `up` creates empty",
                                                "take the image or template from config once it is pushed (README: First up on an empty project)");
                                    }
                                }
                                for (String image : w.images()) {
                                    Matcher m = AR_IMAGE.matcher(image);
                                    if (m.find() && !m.group(4).contains("@sha256:") && createdRepository(plan, m.group(3)).isPresent()) {
                                        f.flag(w.resource(), image + " is a tag in " + m.group(3) + ", which this stack creates: nothing proves it was pushed",
                                                "pin the image by digest (name@sha256:...) after CI pushed it");
                                    }
                                }
                            }
                        }),
                Rule.of("HW-PRV-005", Severity.HIGH, "No ForceNew input that the API drops after create (every later `up` would replace)",
                        "terraform-provider-google-beta v5.0.0 resource sources, per input (ProviderPolicies.DROPPED)", (plan, f) -> {
                            for (DroppedInput d : DROPPED) {
                                for (PlannedResource r : plan.ofType(d.type())) {
                                    if (d.applies(r) && !Inputs.isAbsent(r.input(d.input()))) {
                                        f.flag(r, "sets " + d.input() + (d.when().isEmpty() ? "" : " with " + d.when())
                                                        + ": ForceNew, and not read back after create, so every later `up` replaces it",
                                                "remove " + d.input() + " (" + d.source() + ")");
                                    }
                                }
                            }
                        }));
    }

    private static String offered(GpuZones table, String zone, String accelerator) {
        Matcher m = GoogleCloud.ZONE.matcher(zone);
        List<String> zones = m.matches() ? table.zones(m.group(1), accelerator) : List.of();
        return zones.isEmpty() ? "no zone of that region" : String.join(", ", zones);
    }

    private static String vertexAccelerator(String quotaGpu) {
        return GoogleCloud.VERTEX_GPU_QUOTA.entrySet().stream().filter(e -> e.getValue().equals(quotaGpu))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** Why nothing outside Google can reach the cluster's endpoint, if so. */
    private static Optional<String> unreachable(PlannedResource c) {
        if (Inputs.isTrue(c.input("privateClusterConfig.enablePrivateEndpoint"))) {
            return Optional.of("only its private endpoint is on: `up` would have to run inside the VPC");
        }
        JsonNode config = c.input("masterAuthorizedNetworksConfig");
        if (config.isMissingNode() || config.isNull()) {
            return Optional.empty();
        }
        JsonNode blocks = config.path("cidrBlocks");
        if (!blocks.isArray() || blocks.isEmpty()) {
            return Optional.of("authorized networks are on with an empty list: no network reaches the control plane");
        }
        for (JsonNode b : blocks) {
            String cidr = Inputs.text(b.path("cidrBlock"));
            if (cidr == null || Cidr.parse(cidr).map(x -> !x.isPrivate()).orElse(true)) {
                return Optional.empty();
            }
        }
        return Optional.of("only private ranges are authorized; they cannot reach the public endpoint the kubeconfig names");
    }

    /** The resources of the given types that an input's value came from. */
    private static List<PlannedResource> dependencies(Plan plan, PlannedResource r, String input, String... types) {
        Set<String> wanted = Set.of(types);
        List<PlannedResource> out = new ArrayList<>();
        for (String urn : r.propertyDependencies().getOrDefault(input, List.of())) {
            plan.byUrn(urn).filter(d -> wanted.contains(d.type())).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<PlannedResource> createdRepository(Plan plan, String repositoryId) {
        return plan.ofType(Types.ARTIFACT_REPOSITORY).stream().filter(r -> repositoryId.equals(Inputs.cloudName(r, "repositoryId"))).findFirst();
    }

    private static String project(PlannedResource r, Plan plan) {
        String p = Inputs.text(r.input("project"));
        return p != null ? p : plan.project();
    }

    /** Whether {@code account} holds a pull role on the repository, or on its project. */
    private static boolean canPull(Plan plan, String account, String project, String repositoryId) {
        String member = "serviceAccount:" + account;
        for (PlannedResource r : plan.resources()) {
            String module = Inputs.module(r.type());
            boolean onRepo = module.equals("artifactregistry") && repositoryId.equals(lastSegment(Inputs.text(r.input("repository"))));
            boolean onProject = module.equals("projects") && project.equals(Inputs.text(r.input("project")));
            if (onRepo || onProject) {
                for (Inputs.Grant g : Inputs.grants(r)) {
                    if (PULL_ROLES.contains(g.role()) && g.member().equals(member)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String lastSegment(String s) {
        return s == null ? null : s.substring(s.lastIndexOf('/') + 1);
    }

    /**
     * A resource that runs code as an account: which account, which images it names, and which of
     * its inputs carry the image or template it starts from.
     */
    record Workload(PlannedResource resource, String account, List<String> images, List<String> artifactInputs) {
    }

    static List<Workload> workloads(Plan plan) {
        List<Workload> out = new ArrayList<>();
        for (PlannedResource r : plan.ofType(Types.COMPUTE_INSTANCE)) {
            List<String> images = new ArrayList<>();
            r.input("metadata").fields().forEachRemaining(e -> {
                String text = Inputs.text(e.getValue());
                if (text != null) {
                    Matcher m = AR_IMAGE.matcher(text);
                    while (m.find()) {
                        images.add(m.group());
                    }
                }
            });
            out.add(new Workload(r, Inputs.text(r.input("serviceAccount.email")), images.stream().distinct().toList(), List.of("metadata")));
        }
        for (PlannedResource r : plan.ofType(Types.CLOUD_RUN_JOB)) {
            out.add(new Workload(r, Inputs.text(r.input("template.template.serviceAccount")),
                    texts(r.input("template.template.containers"), "image"), List.of("template")));
        }
        for (PlannedResource r : plan.ofType(Types.CLOUD_RUN_SERVICE)) {
            out.add(new Workload(r, Inputs.text(r.input("template.serviceAccount")),
                    texts(r.input("template.containers"), "image"), List.of("template")));
        }
        for (PlannedResource r : plan.ofType(Types.DATAFLOW_FLEX_TEMPLATE_JOB)) {
            out.add(new Workload(r, Inputs.text(r.input("serviceAccountEmail")), List.of(), List.of("containerSpecGcsPath")));
        }
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode n : array) {
            String s = Inputs.text(n.path(field));
            if (s != null) {
                out.add(s);
            }
        }
        return out;
    }
}
