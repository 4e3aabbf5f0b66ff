package dev.headway.infra.serving;

import com.pulumi.core.Output;
import com.pulumi.gcp.vertex.AiTensorboard;
import com.pulumi.gcp.vertex.AiTensorboardArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Map;

/** The Vertex AI TensorBoard that training runs and experiments log to: a data store (protected and retained in prod). */
public final class Tensorboard extends ComponentResource {
    private final AiTensorboard tensorboard;

    public Tensorboard(String name, TensorboardArgs a, ComponentResourceOptions opts) {
        super("headway:serving:Tensorboard", name, opts);
        String displayName = a.names.of("experiments");
        this.tensorboard = new AiTensorboard(displayName, AiTensorboardArgs.builder()
                .project(a.project)
                .region(a.region)
                .displayName(displayName)
                .description("Headway " + a.names.env() + " training experiments")
                .labels(a.labels)
                .build(), a.retention.dataStore(this, a.aiplatformApi));
        registerOutputs(Map.of("tensorboard", tensorboard.id()));
    }

    /** The full resource name ({@code projects/<number>/locations/<region>/tensorboards/<id>}). */
    public Output<String> resourceName() {
        return tensorboard.id();
    }
}
