package dev.headway.infra.hooks.engine;

import com.google.gson.JsonParseException;
import com.pulumi.automation.AutomationException;
import com.pulumi.automation.CommandException;
import com.pulumi.automation.CommandResult;
import com.pulumi.automation.UpdateKind;
import com.pulumi.automation.UpdateState;
import com.pulumi.automation.UpdateSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the engine commands decide from what the Automation API (pulumi-java 1.36.1) throws: the one line a
 * failure is reported by, and when an {@code up} that threw had succeeded. The commands themselves run the
 * {@code pulumi} executable and are tested end to end in child processes ({@code EngineCommandsTest},
 * {@code DayTwoEngineTest}) with a stand-in CLI; these are the decisions, in-process.
 */
class StackEngineDecisionsTest {
    private static UpdateSummary last(UpdateState state) {
        return new UpdateSummary(UpdateKind.UPDATE, Instant.parse("2026-01-01T10:00:00Z"), "", Map.of(), Map.of(), state,
                Instant.parse("2026-01-01T10:01:00Z"), 7, null, Map.of());
    }

    /** What the SDK throws when a finished update's outputs hold a map: a gson decoding error, wrapped. */
    private static AutomationException outputsNotDecoded() {
        return new AutomationException("failed to read the stack outputs",
                new IllegalStateException("decoding", new JsonParseException("Expected a string but was BEGIN_OBJECT")));
    }

    @Test
    void anUpWhoseOutputsCouldNotBeDecodedSucceededWhenTheHistorySaysSo() {
        assertTrue(StackEngine.succeededDespite(outputsNotDecoded(), () -> Optional.of(last(UpdateState.SUCCEEDED))));
    }

    @ParameterizedTest
    @EnumSource(value = UpdateState.class, names = "SUCCEEDED", mode = EnumSource.Mode.EXCLUDE)
    void otherwiseTheLastUpdatesStateDecides(UpdateState state) {
        assertFalse(StackEngine.succeededDespite(outputsNotDecoded(), () -> Optional.of(last(state))), state.name());
    }

    @Test
    void aStackWithoutHistoryDidNotSucceed() {
        assertFalse(StackEngine.succeededDespite(outputsNotDecoded(), Optional::empty));
    }

    @Test
    void anyOtherErrorIsTheUpdatesOwnAndTheHistoryIsNotRead() {
        AtomicInteger read = new AtomicInteger();
        CommandException failed = new CommandException(new CommandResult(255, "Updating (dev):", "error: update failed"));
        assertFalse(StackEngine.succeededDespite(failed, () -> {
            read.incrementAndGet();
            return Optional.of(last(UpdateState.SUCCEEDED));
        }));
        assertFalse(StackEngine.succeededDespite(new AutomationException("x", new IOException("broken pipe")), () -> {
            read.incrementAndGet();
            return Optional.of(last(UpdateState.SUCCEEDED));
        }));
        assertEquals(0, read.get());
    }

    @Test
    void aCommandFailureIsTheEnginesLastErrorLine() {
        CommandException e = new CommandException(new CommandResult(255, "Updating (dev):\nResources: 1 failed",
                "warning: a deprecated input\n  error: resource hw-dev-feed failed: googleapi: Error 403: permission denied  \n\n"));
        assertEquals("error: resource hw-dev-feed failed: googleapi: Error 403: permission denied", StackEngine.detail(e));
    }

    @Test
    void aCommandFailureWithNothingOnStderrIsItsCode() {
        CommandException e = new CommandException(new CommandResult(255, "Updating (dev):", "\n \n"));
        String detail = StackEngine.detail(e);
        assertEquals(e.getMessage().lines().findFirst().orElseThrow(), detail);
        assertTrue(detail.contains("255"), detail);
    }

    @Test
    void anyOtherFailureIsItsRootCauseClassAndFirstLine() {
        assertEquals("IOException: Cannot run program \"pulumi\"", StackEngine.detail(new AutomationException("failed",
                new IllegalStateException("wrapped", new IOException("Cannot run program \"pulumi\"\nerror=2")))));
        assertEquals("AutomationException: no stack", StackEngine.detail(new AutomationException("no stack")));
        assertEquals("IOException", StackEngine.detail(new AutomationException(new IOException((String) null))),
                "no message: the class alone");
    }

    @Test
    void aCommandFailureWhoseMessageHasNoStderrPartIsItsFirstLine() {
        // the SDK's message today is "code: N / stdout: ... / stderr: ..."; without that shape, the first line
        CommandException e = new CommandException(new CommandResult(255, "", "")) {
            @Override
            public String getMessage() {
                return "pulumi exited with code 255\nsee the log";
            }
        };
        assertEquals("pulumi exited with code 255", StackEngine.detail(e));
    }
}
