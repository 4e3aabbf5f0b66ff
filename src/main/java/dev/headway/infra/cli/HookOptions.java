package dev.headway.infra.cli;

import dev.headway.infra.UserError;
import dev.headway.infra.hooks.EndpointLogging;
import dev.headway.infra.hooks.GoogleClients;
import dev.headway.infra.hooks.Hook;
import dev.headway.infra.hooks.HookResult;
import dev.headway.infra.hooks.HookRunner;
import dev.headway.infra.hooks.SmokeEndpoint;
import dev.headway.infra.hooks.SmokeStreaming;
import dev.headway.infra.hooks.SmokeWarehouse;
import dev.headway.infra.hooks.StackOutputs;
import dev.headway.infra.hooks.SubmitPipeline;
import dev.headway.infra.hooks.WarehouseSchema;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The post-deploy hook options, shared by {@code hooks} and {@code up}; builds the hooks and runs them. */
final class HookOptions {
    static final List<String> ALL = List.of(SmokeWarehouse.NAME, SmokeStreaming.NAME, EndpointLogging.NAME, SmokeEndpoint.NAME,
            SubmitPipeline.NAME);

    @Option(names = "--only", split = ",", paramLabel = "HOOK", description = "Run only these hooks (of: smoke-warehouse, smoke-streaming, endpoint-logging, smoke-endpoint, submit-pipeline)")
    List<String> only;

    @Option(names = "--report", paramLabel = "F", description = "Write the JSON report to F")
    Path report;

    @Option(names = "--timeout", defaultValue = "120", paramLabel = "SECONDS", description = "Total time bound of each Google API call, retries included (default: ${DEFAULT-VALUE})")
    long timeoutSeconds;

    @Option(names = "--vertex-endpoint", paramLabel = "HOST:PORT", description = "Vertex AI endpoint override (else $HEADWAY_VERTEX_ENDPOINT, else <region>-aiplatform.googleapis.com:443); plaintext only on loopback")
    String vertexEndpoint;

    @Option(names = "--bigquery-endpoint", paramLabel = "URL", description = "BigQuery REST endpoint override (else $HEADWAY_BIGQUERY_ENDPOINT); http only on loopback")
    String bigqueryEndpoint;

    @Option(names = "--config-file", paramLabel = "F", description = "Stack config for the declared warehouse schema (default: Pulumi.<stack>.yaml)")
    Path configFile;

    @Option(names = "--template", paramLabel = "F", description = "submit-pipeline: compiled KFP v2 spec (YAML or JSON); default: the newest in pipelineTemplateRepo")
    Path template;

    @Option(names = "--template-package", defaultValue = "headway-training", paramLabel = "NAME", description = "submit-pipeline: KFP package in pipelineTemplateRepo (default: ${DEFAULT-VALUE})")
    String templatePackage;

    @Option(names = "--template-tag", defaultValue = "latest", paramLabel = "TAG", description = "submit-pipeline: package tag or version (default: ${DEFAULT-VALUE}, the newest upload)")
    String templateTag;

    @Option(names = "--registry-url", paramLabel = "URL", description = "submit-pipeline: KFP registry base URL (else $HEADWAY_KFP_REGISTRY_URL, else https://<region>-kfp.pkg.dev)")
    String registryUrl;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "submit-pipeline: a pipeline parameter (JSON for LIST and STRUCT)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--artifact", paramLabel = "NAME=URI", description = "submit-pipeline: a root input artifact: a URI (gs://, https://, bq://...; registered in the default Vertex ML Metadata store, reused on rerun), or an artifact id or resource name")
    Map<String, String> artifacts = new LinkedHashMap<>();

    @Option(names = "--param-output", paramLabel = "NAME=OUTPUT", description = "submit-pipeline: fill parameter NAME from stack output OUTPUT")
    Map<String, String> paramOutputs = new LinkedHashMap<>();

    @Option(names = "--dry-run", description = "submit-pipeline, endpoint-logging: print the CreateArtifactRequests and CreatePipelineJobRequest / UpdateEndpointRequests (protobuf JSON), send nothing")
    boolean dryRun;

    @Option(names = "--wait", description = "submit-pipeline: show progress until the job ends")
    boolean waitForEnd;

    @Option(names = "--wait-timeout", defaultValue = "7200", paramLabel = "SECONDS", description = "submit-pipeline: give up waiting after (default: ${DEFAULT-VALUE})")
    long waitTimeoutSeconds;

    @Option(names = "--poll-interval-ms", defaultValue = "15000", paramLabel = "MS", description = "submit-pipeline: --wait polls this often (default: ${DEFAULT-VALUE})")
    long pollIntervalMs;

    @Option(names = "--instances", paramLabel = "F", description = "smoke-endpoint: instances (JSON array, or {\"instances\": [...]}); default: one synthetic instance")
    Path instances;

    @Option(names = "--latency-budget-ms", defaultValue = "2000", paramLabel = "MS", description = "smoke-endpoint: slowest acceptable answer (default: ${DEFAULT-VALUE})")
    long latencyBudgetMs;

    @Option(names = "--no-model", defaultValue = "skip", paramLabel = "skip|fail", description = "smoke-endpoint: an endpoint with no deployed model is a skip or a failure (default: ${DEFAULT-VALUE})")
    SmokeEndpoint.NoModel noModel;

    @Option(names = "--streaming-timeout", defaultValue = "60", paramLabel = "SECONDS", description = "smoke-streaming: read the message back within (default: ${DEFAULT-VALUE})")
    long streamingTimeoutSeconds;

    private static void within(String flag, long value, long min, long max, String unit) {
        if (value < min || value > max) {
            throw new UserError(UserError.USAGE, flag + " " + value + ": expected " + min + " to " + max + " " + unit);
        }
    }

    List<String> selected() {
        if (only == null || only.isEmpty()) {
            return ALL;
        }
        for (String h : only) {
            if (!ALL.contains(h)) {
                throw new UserError(UserError.USAGE, "--only " + h + ": no such hook (hooks: " + String.join(", ", ALL) + ")");
            }
        }
        return ALL.stream().filter(only::contains).toList();
    }

    List<Hook> hooks(String stack, dev.headway.infra.synth.Plan plan, Map<String, String> env, PrintWriter out) {
        Duration timeout = Duration.ofSeconds(timeoutSeconds);
        SubmitPipeline.ClientFactory vertex = region -> GoogleClients.vertex(region, Optional.ofNullable(vertexEndpoint), env, timeout);
        List<Hook> hooks = new ArrayList<>();
        for (String name : selected()) {
            hooks.add(switch (name) {
                case SmokeWarehouse.NAME -> new SmokeWarehouse(WarehouseSchema.fromPlan(plan),
                        Optional.ofNullable(bigqueryEndpoint), env, GoogleClients.forEndpoint("bigquery.googleapis.com:443", timeout));
                case SmokeStreaming.NAME -> new SmokeStreaming(Duration.ofSeconds(streamingTimeoutSeconds), GoogleClients.pubsub(env, timeout));
                case EndpointLogging.NAME -> new EndpointLogging(vertex, dryRun, out);
                case SmokeEndpoint.NAME -> new SmokeEndpoint(new SmokeEndpoint.Options(Optional.ofNullable(instances),
                        Duration.ofMillis(latencyBudgetMs), noModel), vertex);
                case SubmitPipeline.NAME -> new SubmitPipeline(new SubmitPipeline.Options(stack, Optional.ofNullable(template),
                        templatePackage, templateTag, Optional.ofNullable(registryUrl).or(() -> Optional.ofNullable(env.get(
                        dev.headway.infra.hooks.kfp.KfpRegistry.BASE_URL_ENV))), params, artifacts, paramOutputs, dryRun, waitForEnd,
                        Duration.ofSeconds(waitTimeoutSeconds), Duration.ofMillis(pollIntervalMs)), vertex, out);
                default -> throw new IllegalStateException(name);
            });
        }
        return hooks;
    }

    /** Runs the selected hooks, prints one line per hook, writes the report; returns the exit code. */
    int run(String stack, StackOutputs outputs, Map<String, String> env, PrintWriter out) {
        // 0 or -1 reached the clients as an illegal RetrySettings (exit 70); every time bound must be a real one
        within("--timeout", timeoutSeconds, 1, 86_400, "seconds");
        within("--streaming-timeout", streamingTimeoutSeconds, 1, 86_400, "seconds");
        within("--wait-timeout", waitTimeoutSeconds, 1, 7 * 86_400, "seconds");
        within("--poll-interval-ms", pollIntervalMs, 1, 3_600_000, "milliseconds");
        within("--latency-budget-ms", latencyBudgetMs, 0, 600_000, "milliseconds");
        // What the stack declares: the outputs must agree with it before any hook sends anything.
        dev.headway.infra.synth.Plan plan = Stacks.synth(stack, configFile);
        outputs.checkAgainst(stack, plan.outputs());
        List<Hook> hooks = hooks(stack, plan, env, out);
        List<HookResult> results = HookRunner.run(hooks, outputs, Duration.ofSeconds(timeoutSeconds), r -> {
            out.println(r.line());
            out.flush();
        });
        if (report != null) {
            HookRunner.writeReport(report, HookRunner.reportJson(stack, outputs.source(), results));
        }
        return HookRunner.exitCode(results);
    }
}
