package dev.headway.infra.training;

import com.pulumi.resources.Resource;
import dev.headway.infra.conventions.ComponentArgs;

import java.util.List;

/**
 * Inputs of {@link VertexGpuQuota}: the common ones ({@link ComponentArgs}; a quota override takes
 * no labels) and these.
 */
public final class VertexGpuQuotaArgs extends ComponentArgs {
    final String region;
    final String acceleratorType;
    final int maxGpus;
    final List<Resource> apis;

    private VertexGpuQuotaArgs(Builder b) {
        super(b);
        this.region = required(b.region, "region");
        this.acceleratorType = required(b.acceleratorType, "acceleratorType");
        this.maxGpus = required(b.maxGpus, "maxGpus");
        this.apis = List.copyOf(b.apis);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder extends ComponentArgs.Builder<Builder> {
        private String region;
        private String acceleratorType;
        private Integer maxGpus;
        private List<Resource> apis = List.of();

        /** The region whose quota is capped (the quota's {@code region} dimension). Required. */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** The Vertex accelerator type, such as {@code NVIDIA_TESLA_A100}. Required. */
        public Builder acceleratorType(String acceleratorType) {
            this.acceleratorType = acceleratorType;
            return this;
        }

        /** The pool size: the override's value. Required. */
        public Builder maxGpus(int maxGpus) {
            this.maxGpus = maxGpus;
            return this;
        }

        /** Enablements of the Service Usage and Vertex AI APIs; default none. */
        public Builder apis(List<Resource> apis) {
            this.apis = apis;
            return this;
        }

        public VertexGpuQuotaArgs build() {
            return new VertexGpuQuotaArgs(this);
        }
    }
}
