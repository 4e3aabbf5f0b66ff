package dev.headway.infra.hooks;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.aiplatform.v1.CreateArtifactRequest;
import com.google.cloud.aiplatform.v1.CreatePipelineJobRequest;
import com.google.cloud.aiplatform.v1.LocationName;
import com.google.cloud.aiplatform.v1.PipelineJob;
import com.google.cloud.aiplatform.v1.PipelineJobName;
import com.google.cloud.aiplatform.v1.PipelineServiceClient;
import com.google.cloud.aiplatform.v1.PipelineServiceSettings;
import com.google.cloud.aiplatform.v1.PipelineState;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.headway.infra.UserError;
import dev.headway.infra.hooks.kfp.InputResolver;
import dev.headway.infra.hooks.kfp.KfpRegistry;
import dev.headway.infra.hooks.kfp.PipelineSpec;
import dev.headway.infra.hooks.kfp.ResolvedInputs;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code submit-pipeline}: a Vertex AI PipelineJob from a compiled KFP v2 spec, parameters typed from the spec,
 * run as {@code pipelineServiceAccount} with its root under {@code pipelineRoot}, labelled, under a job id
 * derived from spec, values and stack: a rerun finds the job it already made (ALREADY_EXISTS is success).
 * Input artifacts given as URIs are first registered in Vertex ML Metadata ({@link MetadataArtifacts}).
 */
public final class SubmitPipeline implements Hook {
    public static final String NAME = "submit-pipeline";
    /** Pipeline parameters filled from stack outputs when the spec has them (after --param, before defaults). */
    public static final Map<String, String> DEFAULT_PARAM_OUTPUTS = Map.of(
            "project", "project", "project_id", "project", "region", "region", "location", "region",
            "pipeline_root", "pipelineRoot", "raw_dataset", "rawDataset", "clean_dataset", "cleanDataset",
            "features_dataset", "featuresDataset", "training_image_repo", "trainingImageRepo");
    private static final Set<PipelineState> TERMINAL = Set.of(PipelineState.PIPELINE_STATE_SUCCEEDED,
            PipelineState.PIPELINE_STATE_FAILED, PipelineState.PIPELINE_STATE_CANCELLED);

    /** What to submit and how. {@code template} empty means the registry's newest ({@code latest}) template. */
    public record Options(String stack, Optional<Path> template, String templatePackage, String templateTag,
                          Optional<String> registryUrl, Map<String, String> params, Map<String, String> artifacts,
                          Map<String, String> paramOutputs, boolean dryRun, boolean waitForEnd,
                          Duration waitTimeout, Duration pollInterval) {
    }

    private final Options options;
    private final ClientFactory clients;
    private final PrintWriter out;

    /** Builds the clients per run: the region comes from the stack outputs. */
    public interface ClientFactory {
        GoogleClients forRegion(String region);
    }

    public SubmitPipeline(Options options, ClientFactory clients, PrintWriter out) {
        this.options = options;
        this.clients = clients;
        this.out = out;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requiredOutputs() {
        return options.template().isPresent()
                ? Set.of("project", "region", "env", "pipelineRoot", "pipelineServiceAccount")
                : Set.of("project", "region", "env", "pipelineRoot", "pipelineServiceAccount", "pipelineTemplateRepo");
    }

    @Override
    public Duration extraTime() {
        return options.waitForEnd() ? options.waitTimeout() : Duration.ZERO;
    }

    @Override
    public HookResult run(StackOutputs outputs) {
        long start = System.nanoTime();
        PipelineSpec spec;
        try {
            spec = loadSpec(outputs);
        } catch (IOException e) {
            return HookResult.fail(NAME, e.getMessage(), since(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HookResult.fail(NAME, "interrupted while downloading the template", since(start));
        }
        Map<String, String> fromOutputs = new TreeMap<>(DEFAULT_PARAM_OUTPUTS);
        fromOutputs.putAll(options.paramOutputs());
        ResolvedInputs inputs = InputResolver.resolve(spec, options.params(), options.artifacts(), fromOutputs, outputs::get,
                outputs.text("project"), outputs.text("region"));
        List<CreateArtifactRequest> artifactRequests = MetadataArtifacts.requests(inputs.toRegister().values(),
                outputs.text("project"), outputs.text("region"));
        CreatePipelineJobRequest request = request(spec, inputs, outputs, options.stack());
        if (options.dryRun()) {
            artifactRequests.forEach(r -> out.println(print(r)));
            out.println(print(request));
            out.flush();
            return HookResult.skip(NAME, "dry run: " + (artifactRequests.isEmpty() ? "" : artifactRequests.size()
                    + " CreateArtifact and ") + "job " + request.getPipelineJobId() + " printed, nothing sent", since(start));
        }
        GoogleClients g = clients.forRegion(outputs.text("region"));
        List<String> registered;
        try {
            registered = MetadataArtifacts.register(g, artifactRequests);
        } catch (MetadataArtifacts.Conflict e) {
            return HookResult.fail(NAME, e.getMessage() + "; job not submitted", since(start));
        }
        String artifactNote = registered.isEmpty() ? "" : "; artifacts " + String.join(", ", registered);
        try (PipelineServiceClient client = PipelineServiceClient.create(settings(g))) {
            PipelineJob job;
            String verb;
            try {
                job = client.createPipelineJob(request);
                verb = "submitted";
            } catch (AlreadyExistsException e) {
                job = client.getPipelineJob(PipelineJobName.of(outputs.text("project"), outputs.text("region"),
                        request.getPipelineJobId()).toString());
                verb = "already submitted";
            }
            if (!options.waitForEnd()) {
                return HookResult.pass(NAME, verb + " " + job.getName() + " (" + job.getState() + ")" + artifactNote, since(start));
            }
            return await(client, job, verb, artifactNote, start);
        } catch (IOException e) {
            throw new UserError(UserError.ENVIRONMENT, "cannot create the Vertex AI pipeline client for " + g.endpoint() + ": " + e.getMessage());
        }
    }

    private HookResult await(PipelineServiceClient client, PipelineJob job, String verb, String artifactNote, long start) {
        long deadline = System.nanoTime() + options.waitTimeout().toNanos();
        PipelineState last = null;
        while (!TERMINAL.contains(job.getState())) {
            if (job.getState() != last) {
                out.printf("%s  %-28s %6.1fs%n", job.getName(), job.getState(), since(start).toMillis() / 1000.0);
                out.flush();
                last = job.getState();
            }
            if (System.nanoTime() > deadline) {
                return HookResult.fail(NAME, job.getName() + " still " + job.getState() + " after --wait-timeout "
                        + options.waitTimeout().toSeconds() + "s", since(start));
            }
            try {
                Thread.sleep(options.pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HookResult.fail(NAME, "interrupted while waiting for " + job.getName(), since(start));
            }
            job = client.getPipelineJob(job.getName());
        }
        out.printf("%s  %-28s %6.1fs%n", job.getName(), job.getState(), since(start).toMillis() / 1000.0);
        out.flush();
        String reason = verb + " " + job.getName() + ", ended " + job.getState()
                + (job.hasError() ? ": " + job.getError().getMessage() : "") + artifactNote;
        return job.getState() == PipelineState.PIPELINE_STATE_SUCCEEDED
                ? HookResult.pass(NAME, reason, since(start)) : HookResult.fail(NAME, reason, since(start));
    }

    private PipelineSpec loadSpec(StackOutputs outputs) throws IOException, InterruptedException {
        if (options.template().isPresent()) {
            return PipelineSpec.read(options.template().get());
        }
        KfpRegistry.Repo repo;
        try {
            repo = KfpRegistry.Repo.parse(outputs.text("pipelineTemplateRepo"));
        } catch (IllegalArgumentException e) {
            throw new UserError(UserError.ENVIRONMENT, "stack output " + e.getMessage());
        }
        return KfpRegistry.download(KfpRegistry.templateUrl(repo, options.templatePackage(), options.templateTag(),
                options.registryUrl().orElse(null)), clients.forRegion(repo.location()).totalTimeout());
    }

    /** The request: parent, job id, spec, runtime config (root, typed values, artifacts), account, labels. */
    public static CreatePipelineJobRequest request(PipelineSpec spec, ResolvedInputs inputs, StackOutputs outputs, String stack) {
        String project = outputs.text("project");
        String region = outputs.text("region");
        PipelineJob.RuntimeConfig.Builder runtime = PipelineJob.RuntimeConfig.newBuilder()
                .setGcsOutputDirectory(stripSlash(outputs.text("pipelineRoot")) + "/" + labelValue(spec.name()))
                .putAllParameterValues(inputs.parameters());
        inputs.artifacts().forEach((name, id) -> runtime.putInputArtifacts(name,
                PipelineJob.RuntimeConfig.InputArtifact.newBuilder().setArtifactId(id).build()));
        String jobId = jobId(spec, inputs, stack, project, region);
        PipelineJob job = PipelineJob.newBuilder()
                .setDisplayName(spec.name())
                .setPipelineSpec(spec.toStruct())
                .setRuntimeConfig(runtime)
                .setServiceAccount(outputs.text("pipelineServiceAccount"))
                .putAllLabels(new TreeMap<>(Map.of("app", "headway", "env", labelValue(outputs.text("env")),
                        "stack", labelValue(stack), "managed-by", "headway-infra", "pipeline", labelValue(spec.name()))))
                .build();
        return CreatePipelineJobRequest.newBuilder()
                .setParent(LocationName.of(project, region).toString())
                .setPipelineJobId(jobId)
                .setPipelineJob(job)
                .build();
    }

    /**
     * {@code <pipeline>-<hash>}: the first 16 hex digits of SHA-256 over the spec (canonical JSON), the typed
     * values, the resolved artifact ids (derived from the URI for a URI artifact), and the stack/project/region;
     * lower-case, at most 128 characters, as Vertex requires.
     */
    public static String jobId(PipelineSpec spec, ResolvedInputs inputs, String stack, String project, String region) {
        StringBuilder material = new StringBuilder();
        material.append("stack=").append(stack).append('\n').append("project=").append(project).append('\n')
                .append("region=").append(region).append('\n').append("spec=").append(spec.canonicalJson()).append('\n');
        JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
        inputs.parameters().forEach((k, v) -> {
            try {
                material.append("param:").append(k).append('=').append(printer.print(v)).append('\n');
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException(e);
            }
        });
        inputs.artifacts().forEach((k, v) -> material.append("artifact:").append(k).append('=').append(v).append('\n'));
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(material.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        // a label value is at most 63 characters, so the id is at most 63 + 1 + 16 = 80 (Vertex allows 128)
        String prefix = labelValue(spec.name()).replace('_', '-').replaceAll("^[^a-z]+", "");
        prefix = prefix.isEmpty() ? "pipeline" : prefix;
        return (prefix.endsWith("-") ? prefix : prefix + "-") + hash;
    }

    /** A request as protobuf JSON, as {@code --dry-run} prints it. */
    public static String print(MessageOrBuilder request) {
        try {
            return JsonFormat.printer().print(request);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    PipelineServiceSettings settings(GoogleClients g) throws IOException {
        PipelineServiceSettings.Builder b = PipelineServiceSettings.newBuilder()
                .setEndpoint(g.endpoint())
                .setTransportChannelProvider(g.channel())
                .setCredentialsProvider(g.credentials());
        g.retry(b.createPipelineJobSettings());
        g.retry(b.getPipelineJobSettings());
        return b.build();
    }

    /** A Google label value: lower-case letters, digits, _ and -, at most 63 characters. */
    static String labelValue(String s) {
        String v = s.toLowerCase().replaceAll("[^a-z0-9_-]", "-");
        return v.substring(0, Math.min(v.length(), 63));
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
