package org.unionstats.runs;

/**
 * The exit codes of {@code bin/unionstats}, for schedulers: 0 success (also "nothing changed"),
 * 1 failure (published tables unchanged; retry), 2 bad arguments (fix the call), 3 input refused
 * by the data-quality gate (fix the data; retrying does not help), 4 the warehouse is busy with
 * another run (retry later, or pass --wait).
 */
public final class ExitCodes {

    public static final int SUCCESS = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int REFUSED = 3;
    public static final int BUSY = 4;

    private ExitCodes() {}
}
