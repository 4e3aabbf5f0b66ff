package dev.headway.infra.platform;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.FirewallArgs;
import com.pulumi.gcp.compute.Network;
import com.pulumi.gcp.compute.NetworkArgs;
import com.pulumi.gcp.compute.Router;
import com.pulumi.gcp.compute.RouterArgs;
import com.pulumi.gcp.compute.RouterNat;
import com.pulumi.gcp.compute.RouterNatArgs;
import com.pulumi.gcp.compute.Subnetwork;
import com.pulumi.gcp.compute.SubnetworkArgs;
import com.pulumi.gcp.compute.inputs.FirewallAllowArgs;
import com.pulumi.gcp.compute.inputs.FirewallLogConfigArgs;
import com.pulumi.gcp.compute.inputs.RouterNatLogConfigArgs;
import com.pulumi.gcp.compute.inputs.RouterNatSubnetworkArgs;
import com.pulumi.gcp.compute.inputs.SubnetworkLogConfigArgs;
import com.pulumi.gcp.compute.inputs.SubnetworkSecondaryIpRangeArgs;
import com.pulumi.gcp.projects.Service;
import com.pulumi.gcp.projects.ServiceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.EnumMap;
import java.util.Map;

/**
 * The project's foundation: the APIs the stack uses, a VPC with one private subnet (Private Google
 * Access, flow logs), Cloud Router + NAT for egress without external IPs, and the only two ingress
 * rules the platform needs: Dataflow workers talking to each other, and IAP's range to SSH on the
 * poller.
 */
public final class Platform extends ComponentResource {
    /** Network tag of the poller VM; the IAP SSH rule targets it. */
    public static final String POLLER_TAG = "headway-poller";
    /** Network tag Dataflow puts on its workers. */
    public static final String DATAFLOW_TAG = "dataflow";
    /** Google's published range for IAP TCP forwarding. */
    public static final String IAP_RANGE = "35.235.240.0/20";
    /** Subnet secondary range for GKE pods (VPC-native clusters). */
    public static final String GKE_PODS_RANGE = "gke-pods";
    /** Subnet secondary range for GKE services. */
    public static final String GKE_SERVICES_RANGE = "gke-services";

    private final Map<Api, Service> services = new EnumMap<>(Api.class);
    private final Network network;
    private final Subnetwork subnet;
    private final Output<String> region;

    public Platform(String name, PlatformArgs args, ComponentResourceOptions opts) {
        super("headway:platform:Platform", name, opts);
        this.region = Output.of(args.region);
        for (Api api : args.apis) {
            services.put(api, new Service("api-" + api.shortName(), ServiceArgs.builder()
                    .project(args.project)
                    .service(api.service())
                    .disableOnDestroy(false)
                    .disableDependentServices(false)
                    .build(), CustomResourceOptions.builder().parent(this).build()));
        }

        String vpcName = args.names.of("vpc");
        this.network = new Network(vpcName, NetworkArgs.builder()
                .project(args.project)
                .name(vpcName)
                .description("Headway VPC: private subnet, egress through Cloud NAT")
                .autoCreateSubnetworks(false)
                .routingMode("REGIONAL")
                .deleteDefaultRoutesOnCreate(false)
                .build(), childOf(service(Api.COMPUTE)));

        String subnetName = args.names.of("subnet");
        SubnetworkArgs.Builder subnetArgs = SubnetworkArgs.builder()
                .project(args.project)
                .region(args.region)
                .name(subnetName)
                .network(network.id())
                .ipCidrRange(args.subnetCidr.toString())
                .privateIpGoogleAccess(true)
                .logConfig(SubnetworkLogConfigArgs.builder()
                        .aggregationInterval("INTERVAL_5_SEC")
                        .flowSampling(args.flowLogSampling)
                        .metadata("INCLUDE_ALL_METADATA")
                        .build());
        if (!args.secondaryRanges.isEmpty()) {
            subnetArgs.secondaryIpRanges(secondaryRanges(args));
        }
        this.subnet = new Subnetwork(subnetName, subnetArgs.build(), childOf());

        String routerName = args.names.of("router");
        Router router = new Router(routerName, RouterArgs.builder()
                .project(args.project)
                .region(args.region)
                .name(routerName)
                .network(network.id())
                .build(), childOf());

        String natName = args.names.of("nat");
        new RouterNat(natName, RouterNatArgs.builder()
                .project(args.project)
                .region(args.region)
                .name(natName)
                .router(router.name())
                .natIpAllocateOption("AUTO_ONLY")
                .sourceSubnetworkIpRangesToNat("LIST_OF_SUBNETWORKS")
                .subnetworks(RouterNatSubnetworkArgs.builder()
                        .name(subnet.id())
                        .sourceIpRangesToNats("ALL_IP_RANGES")
                        .build())
                .enableEndpointIndependentMapping(false)
                .logConfig(RouterNatLogConfigArgs.builder().enable(true).filter("ERRORS_ONLY").build())
                .build(), childOf());

        String dataflowRule = args.names.of("allow-dataflow-internal");
        new Firewall(dataflowRule, FirewallArgs.builder()
                .project(args.project)
                .name(dataflowRule)
                .description("Dataflow workers exchange shuffle and streaming traffic on 12345-12346")
                .network(network.id())
                .direction("INGRESS")
                .priority(1000)
                .sourceTags(DATAFLOW_TAG)
                .targetTags(DATAFLOW_TAG)
                .allows(FirewallAllowArgs.builder().protocol("tcp").ports("12345-12346").build())
                .logConfig(FirewallLogConfigArgs.builder().metadata("INCLUDE_ALL_METADATA").build())
                .build(), childOf());

        String sshRule = args.names.of("allow-iap-ssh");
        new Firewall(sshRule, FirewallArgs.builder()
                .project(args.project)
                .name(sshRule)
                .description("SSH to the poller only through IAP TCP forwarding")
                .network(network.id())
                .direction("INGRESS")
                .priority(1000)
                .sourceRanges(IAP_RANGE)
                .targetTags(POLLER_TAG)
                .allows(FirewallAllowArgs.builder().protocol("tcp").ports("22").build())
                .logConfig(FirewallLogConfigArgs.builder().metadata("INCLUDE_ALL_METADATA").build())
                .build(), childOf());

        registerOutputs(Map.of(
                "networkId", network.id(),
                "subnetworkId", subnet.id(),
                "region", region));
    }

    private static java.util.List<SubnetworkSecondaryIpRangeArgs> secondaryRanges(PlatformArgs args) {
        return new java.util.TreeMap<>(args.secondaryRanges).entrySet().stream()
                .map(r -> SubnetworkSecondaryIpRangeArgs.builder()
                        .rangeName(r.getKey()).ipCidrRange(r.getValue().toString()).build())
                .toList();
    }

    private CustomResourceOptions childOf(Resource... dependsOn) {
        return CustomResourceOptions.builder().parent(this).dependsOn(dependsOn).build();
    }

    /** The enablement of {@code api}; resources that call it depend on this. */
    public Resource service(Api api) {
        Service s = services.get(api);
        if (s == null) {
            throw new IllegalStateException(api.service() + " is not among the stack's APIs; add it to Api.forSettings");
        }
        return s;
    }

    public Output<String> networkId() {
        return network.id();
    }

    public Output<String> networkSelfLink() {
        return network.selfLink();
    }

    public Output<String> subnetworkId() {
        return subnet.id();
    }

    public Output<String> subnetworkSelfLink() {
        return subnet.selfLink();
    }

    public Output<String> region() {
        return region;
    }
}
