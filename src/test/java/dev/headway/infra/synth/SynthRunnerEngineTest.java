package dev.headway.infra.synth;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.deployment.internal.Runner;
import com.pulumi.exceptions.ResourceException;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.Resource;
import org.junit.jupiter.api.Test;

import javax.annotation.Nullable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the engine role the runner reports a failure to the engine as the SDK's runner does
 * (pulumi/pulumi-java DeploymentImpl.DefaultRunner.handleExceptionAsync) before exit code 32, which
 * tells the language host the user has been told; synth keeps failures to itself.
 */
class SynthRunnerEngineTest {
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final EngineLogger logger = new EngineLogger() {
        @Override
        public CompletableFuture<Void> logAsync(Level level, String message, @Nullable Resource resource,
                                                @Nullable Integer streamId, @Nullable Boolean ephemeral) {
            logged.add(level.getName() + " " + message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public int getErrorCount() {
            return (int) logged.stream().filter(l -> l.startsWith("SEVERE")).count();
        }

        @Override
        public boolean hasLoggedErrors() {
            return getErrorCount() > 0;
        }
    };

    @Test
    void aRunExceptionIsReportedByItsMessageAndExits32() {
        Runner.Result<Object> r = new SynthRunner(() -> logger, true).runAsync(() -> {
            throw new RunException("headway: the program stopped");
        }).join();
        assertEquals(32, r.exitCode());
        assertEquals(List.of("SEVERE headway: the program stopped"), logged);
    }

    @Test
    void anyOtherExceptionIsReportedWithItsStackAndThePid() {
        Runner.Result<Object> r = new SynthRunner(() -> logger, true).runAsync(() -> {
            throw new IllegalStateException("boom");
        }).join();
        assertEquals(32, r.exitCode());
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).startsWith("SEVERE Running program [PID: " + ProcessHandle.current().pid() + "]"), logged.get(0));
        assertTrue(logged.get(0).contains("java.lang.IllegalStateException: boom"), logged.get(0));
    }

    @Test
    void synthKeepsFailuresToItself() {
        Runner.Result<Object> r = new SynthRunner(() -> logger).runAsync(() -> {
            throw new IllegalStateException("boom");
        }).join();
        assertEquals(32, r.exitCode());
        assertEquals(List.of(), logged);
    }

    @Test
    void successWaitsForEveryTaskAndExitsZero() {
        SynthRunner runner = new SynthRunner(() -> logger, true);
        CompletableFuture<Void> late = new CompletableFuture<>();
        CompletableFuture<Runner.Result<String>> result = runner.runAsync(() -> {
            runner.registerTask("late", late);
            return "done";
        });
        assertFalse(result.isDone(), "the run waits for the registered task");
        late.complete(null);
        assertEquals(0, result.join().exitCode());
    }
    @Test
    void aResourceExceptionThatHidesItsStackIsReportedByItsMessage() {
        Runner.Result<Object> r = new SynthRunner(() -> logger, true).runAsync(() -> {
            throw new ResourceException("bucket: name taken", null, true);
        }).join();
        assertEquals(32, r.exitCode());
        assertEquals(List.of("SEVERE bucket: name taken"), logged);
    }

    @Test
    void aResourceExceptionWithItsStackIsReportedWithIt() {
        new SynthRunner(() -> logger, true).runAsync(() -> {
            throw new ResourceException("bucket: name taken", null, false);
        }).join();
        assertEquals(1, logged.size());
        assertTrue(logged.get(0).startsWith("SEVERE com.pulumi.exceptions.ResourceException: bucket: name taken"), logged.get(0));
        assertTrue(logged.get(0).contains("\tat "), "the stack: " + logged.get(0));
    }

    @Test
    void theProgramsValueComesBackWithTheResult() {
        assertEquals(Optional.of("done"), new SynthRunner(() -> logger).runAsync(() -> "done").join().result());
    }

    @Test
    void aProgramThatLoggedAnErrorExitsOneAndWithoutALoggerZero() {
        // Runner.ProcessExitedBeforeLoggingUserActionableMessage: errors were logged, but no exception reported
        Runner.Result<String> r = new SynthRunner(() -> logger).runAsync(() -> {
            logger.errorAsync("the program logged an error");
            return "done";
        }).join();
        assertEquals(Runner.ProcessExitedBeforeLoggingUserActionableMessage, r.exitCode());
        assertEquals(Runner.ProcessExitedSuccessfully, new SynthRunner(() -> null).runAsync(() -> "done").join().exitCode());
    }
}
