package dev.headway.infra.batch;

import com.pulumi.core.Output;
import com.pulumi.gcp.cloudrunv2.Job;
import com.pulumi.gcp.cloudrunv2.JobArgs;
import com.pulumi.gcp.cloudrunv2.JobIamMember;
import com.pulumi.gcp.cloudrunv2.JobIamMemberArgs;
import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateArgs;
import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateTemplateArgs;
import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateTemplateContainerArgs;
import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateTemplateContainerEnvArgs;
import com.pulumi.gcp.cloudrunv2.inputs.JobTemplateTemplateContainerResourcesArgs;
import com.pulumi.gcp.cloudscheduler.JobArgs.Builder;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobHttpTargetOauthTokenArgs;
import com.pulumi.gcp.cloudscheduler.inputs.JobRetryConfigArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Prefect worker for batch ingestion as a Cloud Run v2 job, running as its own account, its
 * image from the training repository, its environment from the stack (project, region, raw
 * dataset) and its secrets referenced from Secret Manager ({@link BatchSecrets}), never as values;
 * and a Cloud Scheduler job that runs it on the configured cron (the monthly refresh) by calling
 * the Cloud Run Admin API's {@code :run} with an OAuth token of the batch account, which may
 * invoke this job and no other.
 */
public final class BatchWorker extends ComponentResource {
    public static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    private final Job job;

    public BatchWorker(String name, BatchWorkerArgs a, ComponentResourceOptions opts) {
        super("headway:batch:BatchWorker", name, opts);
        String project = a.project;
        BatchSecrets secrets = new BatchSecrets(name + "-secrets", BatchSecretsArgs.builder().sameAs(a)
                .secretIds(a.batch.secrets()).reader(a.identity).secretManagerApi(a.secretManagerApi).build(),
                ComponentResourceOptions.builder().parent(this).build());
        a.identity.grantProjectRole("roles/bigquery.jobUser", "batch ingestion runs BigQuery load jobs");

        List<JobTemplateTemplateContainerEnvArgs> envs = new ArrayList<>(List.of(
                env("GOOGLE_CLOUD_PROJECT", Output.of(project)),
                env("HEADWAY_REGION", Output.of(a.region)),
                env("HEADWAY_ENV", Output.of(a.names.env())),
                env("HEADWAY_RAW_DATASET", a.rawDataset)));
        envs.addAll(secrets.envs());

        String jobName = a.names.of("batch-worker");
        List<Resource> ready = new ArrayList<>(a.identity.readiness());
        ready.add(a.runApi);
        this.job = new Job(jobName, JobArgs.builder()
                .project(project)
                .name(jobName)
                .location(a.region)
                .labels(a.labels)
                .template(JobTemplateArgs.builder()
                        .taskCount(1)
                        .parallelism(1)
                        .labels(a.labels)
                        .template(JobTemplateTemplateArgs.builder()
                                .serviceAccount(a.identity.email())
                                .maxRetries(1)
                                .timeout("3600s")
                                .containers(JobTemplateTemplateContainerArgs.builder()
                                        .name("prefect-worker")
                                        .image(a.imageRepository.applyValue(repo -> repo + "/" + a.image))
                                        .envs(envs)
                                        .resources(JobTemplateTemplateContainerResourcesArgs.builder()
                                                .limits(Map.of("cpu", a.batch.cpu(), "memory", a.batch.memory()))
                                                .build())
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(ready).build());

        JobIamMember invoker = a.identity.recordGrant(new JobIamMember(jobName + "-invoker", JobIamMemberArgs.builder()
                .project(project)
                .location(a.region)
                .name(job.name())
                .role("roles/run.invoker")
                .member(a.identity.member())
                .build(), CustomResourceOptions.builder().parent(this).build()));

        String triggerName = a.names.of("batch-refresh");
        Builder trigger = com.pulumi.gcp.cloudscheduler.JobArgs.builder()
                .project(project)
                .region(a.region)
                .name(triggerName)
                .description("Runs " + jobName + " (the Prefect batch ingestion worker) on schedule")
                .schedule(a.batch.schedule())
                .timeZone(a.batch.timeZone())
                .attemptDeadline("180s")
                .retryConfig(JobRetryConfigArgs.builder().retryCount(3).minBackoffDuration("60s").build())
                .httpTarget(JobHttpTargetArgs.builder()
                        .httpMethod("POST")
                        .uri(job.name().applyValue(j -> runUri(project, a.region, j)))
                        .oauthToken(JobHttpTargetOauthTokenArgs.builder()
                                .serviceAccountEmail(a.identity.email())
                                .scope(CLOUD_PLATFORM)
                                .build())
                        .build());
        new com.pulumi.gcp.cloudscheduler.Job(triggerName, trigger.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(invoker, a.schedulerApi).build());
        registerOutputs(Map.of("job", job.name()));
    }

    /** The Cloud Run Admin API v2 call that starts an execution of the job. */
    public static String runUri(String project, String region, String job) {
        return "https://run.googleapis.com/v2/projects/" + project + "/locations/" + region + "/jobs/" + job + ":run";
    }

    private static JobTemplateTemplateContainerEnvArgs env(String name, Output<String> value) {
        return JobTemplateTemplateContainerEnvArgs.builder().name(name).value(value).build();
    }

    public Output<String> jobName() {
        return job.name();
    }
}
