package dev.headway.infra.synth;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;

import javax.annotation.Nullable;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

/**
 * The SDK's engine logger for synth, without its debug messages.
 *
 * <p>The SDK logs four debug messages per resource and turns each into an async task chained on the
 * previous one, which the runner must then wait for; nothing reads them offline. Info, warnings and
 * errors still reach the mock engine, so a program that logs an error still fails synth. Every
 * level arrives here: {@code EngineLogger}'s debug, info, warn and error methods all call
 * {@link #logAsync}, and the SDK's logger does the same for each level as its own methods.
 *
 * <p>The program the real engine starts uses it too ({@code launcher/EngineProgram}): the engine
 * shows debug messages only under {@code pulumi up --debug}, and sending them costs ~600 gRPC calls
 * made one after another; {@code HEADWAY_ENGINE_DEBUG=1} keeps them.
 */
public final class QuietEngineLogger implements EngineLogger {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    private final EngineLogger delegate;

    public QuietEngineLogger(EngineLogger delegate) {
        this.delegate = Objects.requireNonNull(delegate);
    }

    @Override
    public CompletableFuture<Void> logAsync(Level level, String message, @Nullable Resource resource,
                                            @Nullable Integer streamId, @Nullable Boolean ephemeral) {
        if (level.intValue() < Level.INFO.intValue()) {
            return DONE;
        }
        return delegate.logAsync(level, message, resource, streamId, ephemeral);
    }

    @Override
    public int getErrorCount() {
        return delegate.getErrorCount();
    }

    @Override
    public boolean hasLoggedErrors() {
        return delegate.hasLoggedErrors();
    }
}
