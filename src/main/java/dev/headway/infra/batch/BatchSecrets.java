package dev.headway.infra.batch;

import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateTemplateContainerEnvArgs;
import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateTemplateContainerEnvValueSourceArgs;
import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateTemplateContainerEnvValueSourceSecretKeyRefArgs;
import com.pulumi.gcp.secretmanager.Secret;
import com.pulumi.gcp.secretmanager.SecretArgs;
import com.pulumi.gcp.secretmanager.SecretIamMember;
import com.pulumi.gcp.secretmanager.SecretIamMemberArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationArgs;
import com.pulumi.gcp.secretmanager.inputs.SecretReplicationAutoArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.headway.infra.conventions.Names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The batch worker's secrets: one Secret Manager secret per configured id ({@code hw-<env>-<id>}),
 * declared without a value (an operator adds versions with {@code gcloud secrets versions add}, so
 * no value ever passes through config or state), readable by the batch account only, and passed to
 * the container as environment variables that reference the latest version.
 */
public final class BatchSecrets extends ComponentResource {
    private final List<JobTemplateTemplateContainerEnvArgs> envs = new ArrayList<>();

    public BatchSecrets(String name, BatchSecretsArgs a, ComponentResourceOptions opts) {
        super("headway:batch:BatchSecrets", name, opts);
        for (String id : a.secretIds) {
            // Secret ids take [A-Za-z0-9_-], wider than Names.of's rule, so the prefix is added here.
            String secretId = a.names.secret(id);
            // A secret holds data an operator put there: prod keeps it on destroy.
            Secret secret = new Secret(secretId, SecretArgs.builder()
                    .project(a.project)
                    .secretId(secretId)
                    .labels(a.labels)
                    .replication(SecretReplicationArgs.builder().auto(SecretReplicationAutoArgs.builder().build()).build())
                    .build(), a.retention.dataStore(this, a.secretManagerApi));
            a.reader.recordGrant(new SecretIamMember(secretId + "-accessor", SecretIamMemberArgs.builder()
                    .project(a.project)
                    .secretId(secret.secretId())
                    .role("roles/secretmanager.secretAccessor")
                    .member(a.reader.member())
                    .build(), CustomResourceOptions.builder().parent(this).build()));
            envs.add(JobTemplateTemplateContainerEnvArgs.builder()
                    .name(envName(id))
                    .valueSource(JobTemplateTemplateContainerEnvValueSourceArgs.builder()
                            .secretKeyRef(JobTemplateTemplateContainerEnvValueSourceSecretKeyRefArgs.builder()
                                    .secret(secret.secretId())
                                    .version("latest")
                                    .build())
                            .build())
                    .build());
        }
        registerOutputs(Map.of());
    }

    /** {@code prefect-api-key} becomes {@code PREFECT_API_KEY}. */
    public static String envName(String secretId) {
        return secretId.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Environment variables referencing the secrets, for the container. */
    public List<JobTemplateTemplateContainerEnvArgs> envs() {
        return List.copyOf(envs);
    }
}
