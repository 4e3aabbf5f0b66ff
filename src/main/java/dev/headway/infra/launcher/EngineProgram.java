package dev.headway.infra.launcher;

import com.pulumi.Config;
import com.pulumi.Context;
import com.pulumi.context.internal.ConfigContextInternal;
import com.pulumi.context.internal.ContextInternal;
import com.pulumi.context.internal.LoggingContextInternal;
import com.pulumi.context.internal.OutputContextInternal;
import com.pulumi.core.internal.OutputFactory;
import com.pulumi.deployment.DeploymentInstance;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.deployment.internal.DeploymentInstanceHolder;
import com.pulumi.deployment.internal.DeploymentInstanceInternal;
import com.pulumi.deployment.internal.GrpcEngine;
import com.pulumi.deployment.internal.GrpcMonitor;
import com.pulumi.internal.PulumiInternal;
import com.pulumi.resources.StackOptions;
import dev.headway.infra.cli.AsyncPool;
import dev.headway.infra.synth.QuietEngineLogger;
import dev.headway.infra.synth.SynthRunner;

import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The program in the engine role, started by pulumi-language-java as {@code java -jar <binary>}: the
 * same as {@code Pulumi.run}, with the SDK's runtime set up for a small machine.
 *
 * <p>The language host gives the jar no JVM options (pulumi/pulumi-java
 * {@code pkg/internal/executors/executor_jar.go}: the arguments are exactly {@code -jar <binary>}),
 * and a second JVM could outlive a killed host, so what can be tuned is tuned inside this JVM:
 * <ul>
 * <li>the common fork-join pool gets two workers instead of a new thread per async task
 * ({@link AsyncPool});</li>
 * <li>the SDK's task runner waits by counting, not by polling without pause ({@link SynthRunner});</li>
 * <li>the SDK's debug messages, four per resource and each a gRPC call made after the previous one,
 * are not sent ({@link QuietEngineLogger}) unless {@code HEADWAY_ENGINE_DEBUG=1}; info, warnings and
 * errors are.</li>
 * </ul>
 * The wiring is {@code PulumiInternal.fromEnvironment} of SDK 1.36.1 with the two parts swapped
 * before the deployment is built (the same swap the recording engine makes), so the SDK's own
 * engine and monitor clients, config and serialization are used unchanged.
 */
public final class EngineProgram {
    static final String DEBUG = "HEADWAY_ENGINE_DEBUG";

    private EngineProgram() {
    }

    /**
     * Runs {@code program} against the engine {@code state} connects to ({@code DeploymentState.fromEnvironment()}
     * in the engine role) and returns the SDK's exit code; {@code env} is the process's environment.
     */
    public static int run(DeploymentImpl.DeploymentState state, Map<String, String> env, Consumer<Context> program) {
        return start(state, env).runAsync(program).join();
    }

    /**
     * The SDK's deployment state for the engine named in {@code env}: what SDK 1.36.1's
     * {@code DeploymentState.fromEnvironment()} builds from the process's environment (the engine and
     * monitor clients over gRPC, the config and its secret keys, organization, project, stack, dry
     * run), built from the given variables instead, for a program run inside another process (the
     * class data archive's training run, tests).
     */
    public static DeploymentImpl.DeploymentState stateFrom(Map<String, String> env) {
        return new DeploymentImpl.DeploymentState(
                new DeploymentImpl.Config(DeploymentImpl.Config.parseConfig(env.getOrDefault("PULUMI_CONFIG", "{}")),
                        DeploymentImpl.Config.parseConfigSecretKeys(env.getOrDefault("PULUMI_CONFIG_SECRET_KEYS", "[]"))),
                Logger.getLogger(DeploymentImpl.class.getName()), env.getOrDefault("PULUMI_ORGANIZATION", "organization"),
                env.get("PULUMI_PROJECT"), env.get("PULUMI_STACK"), env.getOrDefault("PULUMI_ROOT_DIRECTORY", ""),
                Boolean.parseBoolean(env.get("PULUMI_DRY_RUN")),
                new GrpcEngine(env.get("PULUMI_ENGINE")), new GrpcMonitor(env.get("PULUMI_MONITOR")));
    }

    static PulumiInternal start(DeploymentImpl.DeploymentState state, Map<String, String> env) {
        AsyncPool.useCommonPool();
        if (!"1".equals(env.get(DEBUG))) {
            state.logger = new QuietEngineLogger(state.logger);
        }
        state.runner = new SynthRunner(() -> state.logger, true);
        DeploymentImpl deployment = new DeploymentImpl(state);
        DeploymentInstanceHolder.setInstance(new DeploymentInstanceInternal(deployment));

        DeploymentInstance instance = DeploymentInstanceHolder.getInstance();
        var config = new ConfigContextInternal(deployment.getProjectName(), name -> new Config(instance.getConfig(), name));
        var context = new ContextInternal(deployment.getOrganizationName(), deployment.getProjectName(), deployment.getStackName(),
                new LoggingContextInternal(deployment.getLog()), config,
                new OutputContextInternal(new OutputFactory(deployment.getRunner())),
                StackOptions.Empty.resourceTransformations());
        return new PulumiInternal(deployment.getRunner(), context);
    }
}
