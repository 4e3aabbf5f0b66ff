package dev.headway.infra.synth;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Struct;
import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.deployment.internal.DeploymentImpl;
import com.pulumi.resources.Resource;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.MockMonitor;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.headway.infra.config.RawConfig;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Level;

/**
 * Runs a real Pulumi program under the SDK's mock engine and records every
 * {@code RegisterResourceRequest} it sends, so protect, retainOnDelete, parent and dependencies
 * are read from what the program really asked for.
 *
 * <p>This is the only class (with its {@link SynthRunner}) that touches the pinned SDK's internal
 * test classes ({@code PulumiTestInternal}, {@code MockMonitor}, {@code DeploymentImpl}'s runner);
 * {@code RecordingEngineTest} fails if an SDK upgrade changes them.
 */
public final class RecordingEngine {
    private RecordingEngine() {
    }

    /** One resource registration as an engine received it, and the URN it answered. */
    public record Registration(RegisterResourceRequest request, String urn) {
    }

    /**
     * The plan of registrations a real engine (or the engine-process test's stand-in) received, in
     * the same model and with the same normalization as {@link #run}: the two are compared byte for
     * byte through {@link PlanJson}.
     */
    public static Plan plan(String projectName, String stack, RawConfig config, List<Registration> registrations, Struct stackOutputs) {
        String project = config.values().getOrDefault("gcp:project", projectName);
        Map<String, JsonNode> outputs = new TreeMap<>();
        stackOutputs.getFieldsMap().forEach((k, v) -> outputs.put(k, Values.of(v)));
        return SecretMask.of(config).apply(new Plan(stack, project, resources(registrations), outputs));
    }

    /**
     * Runs {@code program} as stack {@code stack} of project {@code projectName} with {@code config},
     * and returns what it declared. Program failures come back as the first exception it raised.
     */
    public static synchronized Plan run(String projectName, String stack, RawConfig config, Consumer<Context> program) {
        String project = config.values().getOrDefault("gcp:project", projectName);
        String region = config.values().getOrDefault("gcp:region", "us-central1");
        MockCloud cloud = new MockCloud(project, region);
        ConcurrentLinkedQueue<Registration> registrations = new ConcurrentLinkedQueue<>();
        AtomicLong lastRegistration = new AtomicLong();
        PulumiTestInternal test = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName(projectName).stackName(stack).preview(false).build())
                .config(config.values(), config.secretKeys())
                .mocks(cloud)
                .standardLogger(PulumiTestInternal.logger(Level.OFF))
                .deploymentFactory(state -> {
                    state.logger = new QuietEngineLogger(state.logger);
                    state.runner = new SynthRunner(() -> state.logger);
                    return new DeploymentImpl(state);
                })
                .monitorDecorator(m -> new MockMonitor(cloud, PulumiTestInternal.mockLog(PulumiTestInternal.logger(Level.OFF))) {
                    @Override
                    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
                        return super.registerResourceAsync(resource, request).thenApply(response -> {
                            lastRegistration.set(System.currentTimeMillis());
                            registrations.add(new Registration(request, response.getUrn()));
                            return response;
                        });
                    }
                })
                .build();
        try {
            TestResult result;
            try {
                result = test.runTest(program);
            } catch (CompletionException e) {
                throw unwrap(e);
            }
            if (!result.exceptions().isEmpty()) {
                throw unwrap(result.exceptions().get(0));
            }
            if (!result.errors().isEmpty()) {
                throw new IllegalStateException("the program logged errors: " + result.errors());
            }
            reportTiming(lastRegistration.get(), registrations.size());
            return SecretMask.of(config).apply(new Plan(stack, project, resources(registrations), outputs(result.outputs())));
        } finally {
            PulumiTestInternal.cleanup();
        }
    }

    /**
     * With {@code HEADWAY_TIMING} set, prints to stderr when the last resource was registered (epoch
     * milliseconds, which {@code StartupBenchmark} subtracts from the moment it started the process,
     * so a relaunch by the CLI is counted) and the JVM options this JVM ran with.
     */
    private static void reportTiming(long lastMillis, int count) {
        if (System.getenv("HEADWAY_TIMING") == null) {
            return;
        }
        var runtime = ManagementFactory.getRuntimeMXBean();
        System.err.printf("headway-infra: timing: last of %d resources registered at %d (epoch ms), %d ms after this JVM started%n",
                count, lastMillis, lastMillis - runtime.getStartTime());
        System.err.println("headway-infra: timing: JVM options: " + String.join(" ", runtime.getInputArguments()));
    }

    /** The program's own exception, out of the SDK's CompletionException wrapping. */
    private static RuntimeException unwrap(Throwable t) {
        Exception cause = SynthRunner.unwrap(t);
        return cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
    }

    private static List<PlannedResource> resources(Iterable<Registration> registrations) {
        List<PlannedResource> out = new ArrayList<>();
        for (Registration reg : registrations) {
            RegisterResourceRequest r = reg.request();
            Map<String, List<String>> propertyDeps = new TreeMap<>();
            r.getPropertyDependenciesMap().forEach((k, v) -> {
                if (v.getUrnsCount() > 0) {
                    propertyDeps.put(k, v.getUrnsList().stream().distinct().sorted().toList());
                }
            });
            out.add(new PlannedResource(
                    reg.urn(), r.getType(), r.getName(), r.getParent(), r.getCustom(),
                    r.getDependenciesList().stream().distinct().sorted().toList(),
                    propertyDeps,
                    r.getProtect(), r.getRetainOnDelete(),
                    Values.of(r.getObject()),
                    r.getProvider()));
        }
        out.sort(Comparator.comparing(PlannedResource::urn));
        return List.copyOf(out);
    }

    private static Map<String, JsonNode> outputs(Map<String, Output<?>> outputs) {
        Map<String, JsonNode> out = new TreeMap<>();
        outputs.forEach((k, v) -> {
            var data = PulumiTestInternal.extractOutputData(v);
            out.put(k, data.isSecret() ? Values.ofJava(Values.SECRET)
                    : data.isKnown() ? Values.ofJava(data.getValueNullable()) : Values.ofJava(Values.UNKNOWN));
        });
        return out;
    }
}
