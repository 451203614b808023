package org.unionstats.errors;

/**
 * The exit codes of {@code bin/unionstats}, for schedulers and scripts. Each failure's type decides
 * its code ({@link UnionStatsException}); nothing else maps exceptions to codes.
 */
public enum ExitCode {
    /** Done (also "nothing changed"). */
    SUCCESS(0),
    /** Failed; the published tables are as they were. Retrying may help. */
    FAILURE(1),
    /** The call's words are wrong: fix the command line. */
    BAD_ARGUMENTS(2),
    /** The input was refused by the data-quality gate: fix the data; retrying does not help. */
    REFUSED(3),
    /** The warehouse is busy with another run: retry later, or pass --wait. */
    BUSY(4),
    /** {@code status} of a local server that is not running (not an error, but not "running" either). */
    NOT_RUNNING(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
