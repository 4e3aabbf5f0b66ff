package dev.headway.infra.synth;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.RunException;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The SDK's task runner for the recording engine, with the same contract as the SDK's own
 * {@code DeploymentImpl.DefaultRunner}: run the program, then wait until every registered task has
 * completed, or stop at the first one that fails.
 *
 * <p>Why not the SDK's: its wait is a polling loop that re-submits itself with
 * {@code CompletableFuture.runAsync} until no task is left, and formats the whole in-flight task map
 * into a log string (even with logging off) on every turn. With fewer than three cores the JDK runs
 * each {@code runAsync} on a new thread, so a synth of the dev stack started ~1,700 threads and
 * allocated gigabytes of garbage while the program itself needed one core. This runner counts
 * pending tasks and completes when the count reaches zero: no polling, no threads of its own.
 */
final class SynthRunner implements Runner {
    private final Supplier<EngineLogger> engineLogger;
    private final AtomicInteger pending = new AtomicInteger();
    private final ConcurrentLinkedQueue<Exception> exceptions = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean programDone;

    SynthRunner(Supplier<EngineLogger> engineLogger) {
        this.engineLogger = engineLogger;
    }

    @Override
    public <T> void registerTask(String description, CompletableFuture<T> task) {
        pending.incrementAndGet();
        task.whenComplete((value, failure) -> {
            if (failure != null) {
                drained.completeExceptionally(failure);
            }
            if (pending.decrementAndGet() == 0 && programDone) {
                drained.complete(null);
            }
        });
    }

    @Override
    public <T> CompletableFuture<Result<T>> runAsync(Supplier<T> callback) {
        CompletableFuture<T> program = ContextAwareCompletableFuture.supplyAsync(callback); // as the SDK: the deployment instance travels with the task
        registerTask("SynthRunner#runAsync", program);
        return program
                .thenCompose(value -> {
                    programDone = true;
                    if (pending.get() == 0) {
                        drained.complete(null);
                    }
                    return drained.thenApply(ignored -> value);
                })
                .handle((value, failure) -> {
                    if (failure != null) {
                        exceptions.add(unwrap(failure));
                        return new RunResult<T>(ProcessExitedAfterLoggingUserActionableMessage, List.copyOf(exceptions), Optional.empty());
                    }
                    EngineLogger logger = engineLogger.get();
                    int code = logger != null && logger.hasLoggedErrors()
                            ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully;
                    return new RunResult<>(code, List.copyOf(exceptions), Optional.ofNullable(value));
                });
    }

    /** As the SDK's runner: the cause out of CompletionException; a non-Exception wrapped in RunException. */
    static Exception unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t instanceof Exception e ? e : new RunException("unexpected throwable", t);
    }

    private static final class RunResult<T> extends Result<T> {
        RunResult(int exitCode, List<Exception> exceptions, Optional<T> result) {
            super(exitCode, exceptions, result);
        }
    }
}
