package dev.headway.infra.hooks;

import java.time.Duration;

/** What one hook found: pass, fail or skip, always with the reason, and how long it took. */
public record HookResult(String hook, Status status, String reason, Duration elapsed) {
    public enum Status {
        PASS, FAIL, SKIP;

        public String id() {
            return name().toLowerCase();
        }
    }

    public static HookResult pass(String hook, String reason, Duration elapsed) {
        return new HookResult(hook, Status.PASS, reason, elapsed);
    }

    public static HookResult fail(String hook, String reason, Duration elapsed) {
        return new HookResult(hook, Status.FAIL, reason, elapsed);
    }

    public static HookResult skip(String hook, String reason, Duration elapsed) {
        return new HookResult(hook, Status.SKIP, reason, elapsed);
    }

    /** One line: {@code PASS smoke-streaming  1.2s  message read back ...}. */
    public String line() {
        return String.format("%-4s %-16s %6.1fs  %s", status.name(), hook, elapsed.toMillis() / 1000.0, reason);
    }
}
