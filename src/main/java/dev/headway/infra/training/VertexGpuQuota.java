package dev.headway.infra.training;

import com.pulumi.core.Output;
import com.pulumi.gcp.serviceusage.ConsumerQuotaOverride;
import com.pulumi.gcp.serviceusage.ConsumerQuotaOverrideArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.config.GoogleCloud;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Caps Vertex AI custom training's GPU quota for one accelerator in one region at the pool size:
 * a consumer quota override on {@code aiplatform.googleapis.com}, metric
 * {@code aiplatform.googleapis.com/custom_model_training_<gpu>_gpus}, limit {@code /project/region},
 * dimension {@code region}. A consumer override can only lower quota, never raise it above what
 * Google granted, so a runaway pipeline cannot use more than the pool. {@code force} is set because
 * lowering a quota by more than 10% is refused without it.
 */
public final class VertexGpuQuota extends ComponentResource {
    public static final String SERVICE = "aiplatform.googleapis.com";
    public static final String LIMIT = "/project/region";

    private final ConsumerQuotaOverride override;

    public VertexGpuQuota(String name, VertexGpuQuotaArgs args, ComponentResourceOptions opts) {
        super("headway:training:VertexGpuQuota", name, opts);
        String metric = metric(args.acceleratorType);
        this.override = new ConsumerQuotaOverride(name + "-override", ConsumerQuotaOverrideArgs.builder()
                .project(args.project)
                .service(SERVICE)
                .metric(urlEncode(metric))
                .limit(urlEncode(LIMIT))
                .dimensions(Map.of("region", args.region))
                .overrideValue(String.valueOf(args.maxGpus))
                .force(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(args.apis).build());
        registerOutputs(Map.of("metric", Output.of(metric), "overrideValue", override.overrideValue()));
    }

    /** The quota metric for a Vertex accelerator type, such as {@code ..._nvidia_a100_gpus}. */
    public static String metric(String acceleratorType) {
        String gpu = GoogleCloud.VERTEX_GPU_QUOTA.get(acceleratorType);
        if (gpu == null) {
            throw new IllegalArgumentException("no Vertex AI quota metric known for " + acceleratorType);
        }
        return SERVICE + "/custom_model_training_" + gpu + "_gpus";
    }

    /** The provider puts metric and limit into a URL path, so they are passed URL-encoded. */
    static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public Output<String> overrideValue() {
        return override.overrideValue();
    }
}
