package org.unionstats.runs;

import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;

/** Another run holds the warehouse's lock: exit code 4, retry later or pass --wait. */
public final class WarehouseBusyException extends UnionStatsException {

    public WarehouseBusyException(String message) {
        super(ExitCode.BUSY, message);
    }
}
