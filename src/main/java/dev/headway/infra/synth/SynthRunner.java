package dev.headway.infra.synth;

import com.pulumi.core.internal.ContextAwareCompletableFuture;
import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.core.internal.Exceptions;
import com.pulumi.exceptions.ResourceException;
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
 *
 * <p>The program started by the real engine uses it too ({@code launcher/EngineProgram}): there the
 * SDK 1.36.1 runner's wait keeps resubmitting itself, without pause, until the last of ~600
 * serialized log calls is answered. With {@code reportToEngine}, a failure is reported as the SDK's runner reports it
 * (pulumi/pulumi-java {@code DeploymentImpl.DefaultRunner.handleExceptionAsync}: the message of a
 * {@code RunException}, a {@code ResourceException} on its resource, anything else with its stack
 * and the process id) before the exit code 32 that tells the language host it was reported.
 */
public final class SynthRunner implements Runner {
    private final Supplier<EngineLogger> engineLogger;
    private final boolean reportToEngine;
    private final AtomicInteger pending = new AtomicInteger();
    private final ConcurrentLinkedQueue<Exception> exceptions = new ConcurrentLinkedQueue<>();
    private final CompletableFuture<Void> drained = new CompletableFuture<>();
    private volatile boolean programDone;

    SynthRunner(Supplier<EngineLogger> engineLogger) {
        this(engineLogger, false);
    }

    public SynthRunner(Supplier<EngineLogger> engineLogger, boolean reportToEngine) {
        this.engineLogger = engineLogger;
        this.reportToEngine = reportToEngine;
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
                .handle((value, failure) -> this.<T>result(value, failure))
                .thenCompose(f -> f);
    }

    private <T> CompletableFuture<Result<T>> result(T value, Throwable failure) {
        if (failure != null) {
            Exception e = unwrap(failure);
            exceptions.add(e);
            Result<T> result = new RunResult<>(ProcessExitedAfterLoggingUserActionableMessage, List.copyOf(exceptions), Optional.empty());
            return reportToEngine ? report(e).handle((ignored, logFailure) -> result) : CompletableFuture.completedFuture(result);
        }
        EngineLogger logger = engineLogger.get();
        int code = logger != null && logger.hasLoggedErrors()
                ? ProcessExitedBeforeLoggingUserActionableMessage : ProcessExitedSuccessfully;
        return CompletableFuture.completedFuture(new RunResult<>(code, List.copyOf(exceptions), Optional.ofNullable(value)));
    }

    /** DefaultRunner.handleExceptionAsync's messages, sent to the engine. */
    private CompletableFuture<Void> report(Exception e) {
        EngineLogger logger = engineLogger.get();
        if (e instanceof RunException) {
            return logger.errorAsync(e.getMessage());
        }
        if (e instanceof ResourceException re) {
            return logger.errorAsync(re.isHideStack() ? re.getMessage() : Exceptions.getStackTrace(re), re.getResource().orElse(null));
        }
        ProcessHandle self = ProcessHandle.current();
        return logger.errorAsync(String.format("Running program [PID: %d](%s) failed with an unhandled exception:%n%s",
                self.pid(), self.info().commandLine().orElse("unknown"), Exceptions.getStackTrace(e)));
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
