package org.unionstats.errors;

/**
 * A failure whose kind decides the command's exit code. Its message is meant for the person who ran
 * the command: one clear sentence, no stack trace.
 */
public class UnionStatsException extends RuntimeException {

    private final ExitCode exitCode;

    public UnionStatsException(ExitCode exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UnionStatsException(ExitCode exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    /** The call's words are wrong (exit 2). */
    public static UnionStatsException badArguments(String message) {
        return new UnionStatsException(ExitCode.BAD_ARGUMENTS, message);
    }

    /** Something failed (exit 1): a broken catalogue, an unreadable warehouse, a server that did not start. */
    public static UnionStatsException failure(String message, Throwable cause) {
        return new UnionStatsException(ExitCode.FAILURE, message, cause);
    }
}
