package dev.headway.infra;

/**
 * A problem the user can fix: bad config, a missing stack output, an unreachable service.
 * The CLI prints {@link #getMessage()} as one line on stderr and exits with {@link #exitCode()};
 * never a stack trace.
 */
public class UserError extends RuntimeException {
    /** Exit code for usage and configuration errors. */
    public static final int USAGE = 2;
    /** Exit code for an environment problem: a missing tool, an unreachable service, missing outputs. */
    public static final int ENVIRONMENT = 3;

    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
