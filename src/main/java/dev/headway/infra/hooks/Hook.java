package dev.headway.infra.hooks;

import java.util.Set;

/** A post-deploy hook: reads stack outputs, checks or does one thing, reports pass, fail or skip. */
public interface Hook {
    /** The hook's name on the command line ({@code --only}) and in the report. */
    String name();

    /** The stack outputs the hook cannot run without; checked for all selected hooks before any runs. */
    Set<String> requiredOutputs();

    /**
     * Runs the hook. Expected failures (a missing topic, a bad answer) are a FAIL result with the reason;
     * a {@link dev.headway.infra.UserError} stops the whole run (usage or environment problem).
     */
    HookResult run(StackOutputs outputs);

    /**
     * Time the hook may take beyond the call timeout ({@code --timeout}), for work that waits on purpose
     * (reading a message back, waiting for a pipeline job). {@link HookRunner} stops the hook after both.
     */
    default java.time.Duration extraTime() {
        return java.time.Duration.ZERO;
    }
}
