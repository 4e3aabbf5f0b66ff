package dev.headway.infra.synth;

import com.pulumi.deployment.internal.EngineLogger;
import com.pulumi.resources.Resource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Debug messages stop here; info, warnings and errors reach the engine, and its error count stays the engine's. */
class QuietEngineLoggerTest {
    /** Records what reaches the engine; counts errors as the SDK's logger does. */
    private static final class Engine implements EngineLogger {
        final List<String> seen = new ArrayList<>();
        final CompletableFuture<Void> answer = new CompletableFuture<>();
        int errors;

        @Override
        public CompletableFuture<Void> logAsync(Level level, String message, Resource resource, Integer streamId, Boolean ephemeral) {
            seen.add(level + " " + message);
            if (level == Level.SEVERE) {
                errors++;
            }
            return answer;
        }

        @Override
        public int getErrorCount() {
            return errors;
        }

        @Override
        public boolean hasLoggedErrors() {
            return errors > 0;
        }
    }

    @Test
    void debugMessagesAreDroppedAndDoneAtOnce() {
        Engine engine = new Engine();
        CompletableFuture<Void> f = new QuietEngineLogger(engine).debugAsync("registering");
        assertTrue(f.isDone());
        assertEquals(List.of(), engine.seen);
    }

    @Test
    void infoWarningsAndErrorsReachTheEngineWhichDecidesWhenTheyAreDone() {
        Engine engine = new Engine();
        QuietEngineLogger logger = new QuietEngineLogger(engine);
        assertSame(engine.answer, logger.infoAsync("hello"));
        logger.warnAsync("careful");
        assertFalse(logger.hasLoggedErrors());
        logger.errorAsync("broken");
        assertEquals(List.of("INFO hello", "WARNING careful", "SEVERE broken"), engine.seen);
        assertEquals(1, logger.getErrorCount());
        assertTrue(logger.hasLoggedErrors());
    }
}
