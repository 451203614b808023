package org.unionstats.warehouse.runs;

import java.util.Locale;
import org.unionstats.errors.ExitCode;

/** How a run ended, as the run history records it, with the exit code a scheduler sees. */
public enum RunStatus {
    /** Work was done and published. */
    SUCCESS(ExitCode.SUCCESS),
    /** The input had not changed since the last run: nothing was done beyond detecting that. */
    UNCHANGED(ExitCode.SUCCESS),
    /** The data-quality gate refused the input: KPIs and publishing were held back. */
    REFUSED(ExitCode.REFUSED),
    /** The run failed; the published tables are as they were. */
    FAILED(ExitCode.FAILURE),
    /** The run was killed (found by the next run); the published tables are as they were or completed by the next run. */
    ABANDONED(ExitCode.FAILURE);

    private final ExitCode exit;

    RunStatus(ExitCode exit) {
        this.exit = exit;
    }

    public ExitCode exit() {
        return exit;
    }

    /** The number stored in the history's {@code exit_code}. */
    public int exitCode() {
        return exit.code();
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RunStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
