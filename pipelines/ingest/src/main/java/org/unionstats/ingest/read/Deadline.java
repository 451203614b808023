package org.unionstats.ingest.read;

import java.time.Duration;
import java.util.Map;
import org.unionstats.warehouse.quarantine.QuarantineCode;

/**
 * When the check of one file must end. Readers and the checker look at it once per row (and the
 * workbook reader once per sheet row, blank or not), so a slow file stops with
 * {@code TIMED_OUT} instead of holding the batch.
 */
public final class Deadline {

    private final long endNanos;
    private final String seconds;

    private Deadline(long endNanos, String seconds) {
        this.endNanos = endNanos;
        this.seconds = seconds;
    }

    /** From now, {@code limit} long; {@code seconds} is the limit as the message states it. */
    public static Deadline after(Duration limit, String seconds) {
        return new Deadline(System.nanoTime() + limit.toNanos(), seconds);
    }

    public boolean passed() {
        return System.nanoTime() - endNanos > 0;
    }

    /** Throws the file's {@code TIMED_OUT} refusal once the time is up. */
    public void check() {
        if (passed()) {
            throw timedOut(seconds);
        }
    }

    public static RefusedFileException timedOut(String seconds) {
        return new RefusedFileException(QuarantineCode.TIMED_OUT.message(Map.of("seconds", seconds)));
    }
}
