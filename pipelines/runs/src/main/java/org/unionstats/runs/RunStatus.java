package org.unionstats.runs;

/** How a run ended, as the run history records it, with the exit code a scheduler sees. */
public enum RunStatus {
    /** Work was done and published. */
    SUCCESS(ExitCodes.SUCCESS),
    /** The input had not changed since the last run: nothing was done beyond detecting that. */
    UNCHANGED(ExitCodes.SUCCESS),
    /** The data-quality gate refused the input: KPIs and publishing were held back. */
    REFUSED(ExitCodes.REFUSED),
    /** The run failed; the published tables are as they were. */
    FAILED(ExitCodes.FAILURE),
    /** The run was killed (found by the next run); the published tables are as they were or completed by the next run. */
    ABANDONED(ExitCodes.FAILURE);

    private final int exitCode;

    RunStatus(int exitCode) {
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
