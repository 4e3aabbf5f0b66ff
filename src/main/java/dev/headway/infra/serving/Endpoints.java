package dev.headway.infra.serving;

import com.pulumi.core.Output;
import com.pulumi.gcp.vertex.AiEndpoint;
import com.pulumi.gcp.vertex.AiEndpointArgs;
import com.pulumi.gcp.projects.ServiceIdentity;
import com.pulumi.gcp.projects.ServiceIdentityArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.config.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One Vertex AI endpoint per configured endpoint, with a stable numeric id ({@link EndpointIds}),
 * and its request-response logging into the monitoring dataset ({@link RequestResponseLogging}).
 * Models are deployed to these endpoints by the release process, running as the serving account.
 */
public final class Endpoints extends ComponentResource {
    private final Map<String, AiEndpoint> endpoints = new TreeMap<>();
    private final Map<String, String> ids;
    private final Output<Map<String, String>> resourceNames;
    private final Output<Map<String, Map<String, Object>>> logging;
    private final ServiceIdentity vertexAgent;

    public Endpoints(String name, EndpointsArgs a, ComponentResourceOptions opts) {
        super("headway:serving:Endpoints", name, opts);
        String project = a.project;
        // Vertex AI's service agent writes request-response logs to BigQuery: make it exist so it can be granted.
        this.vertexAgent = new ServiceIdentity("aiplatform-service-agent", ServiceIdentityArgs.builder()
                .project(project).service("aiplatform.googleapis.com").build(),
                CustomResourceOptions.builder().parent(this).dependsOn(a.aiplatformApi).build());
        this.ids = EndpointIds.of(project, a.names.env(), a.endpoints.stream().map(Settings.Endpoint::name).toList());
        List<Output<Map.Entry<String, String>>> named = new ArrayList<>();
        List<Output<Map.Entry<String, Map<String, Object>>>> logs = new ArrayList<>();
        for (Settings.Endpoint e : a.endpoints) {
            Map<String, String> labels = new TreeMap<>(a.labels);
            labels.put("endpoint", e.name());
            AiEndpoint endpoint = new AiEndpoint(a.names.of(e.name()), AiEndpointArgs.builder()
                    .project(project)
                    .name(ids.get(e.name()))
                    .displayName(e.name())
                    .description(e.description())
                    .location(a.region)
                    .region(a.region)
                    .labels(labels)
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(a.aiplatformApi).build());
            endpoints.put(e.name(), endpoint);
            named.add(endpoint.id().applyValue(id -> Map.entry(e.name(), id)));
            logs.add(Output.tuple(endpoint.id(), a.monitoringDataset).applyValue(t -> Map.entry(e.name(),
                    new RequestResponseLogging(t.t1, true, e.samplingRate(),
                            RequestResponseLogging.outputUri(project, t.t2)).toMap())));
        }
        this.resourceNames = Output.all(named).applyValue(Endpoints::toMap);
        this.logging = Output.all(logs).applyValue(Endpoints::toMap);
        registerOutputs(Map.of("endpoints", resourceNames, "logging", logging));
    }

    private static <V> Map<String, V> toMap(List<Map.Entry<String, V>> entries) {
        Map<String, V> m = new TreeMap<>();
        entries.forEach(en -> m.put(en.getKey(), en.getValue()));
        return m;
    }

    /** Endpoint name to full resource name ({@code projects/p/locations/r/endpoints/<id>}). */
    public Output<Map<String, String>> resourceNames() {
        return resourceNames;
    }

    /** Endpoint name to numeric id. */
    /** {@code serviceAccount:<Vertex AI service agent>}: grant it write access where endpoints log. */
    public Output<String> serviceAgentMember() {
        return vertexAgent.email().applyValue(e -> "serviceAccount:" + e);
    }

    public Map<String, String> ids() {
        return Map.copyOf(ids);
    }

    /** Endpoint name to its request-response logging config (see {@link RequestResponseLogging}). */
    public Output<Map<String, Map<String, Object>>> logging() {
        return logging;
    }

    public Map<String, AiEndpoint> endpoints() {
        return Map.copyOf(endpoints);
    }
}
