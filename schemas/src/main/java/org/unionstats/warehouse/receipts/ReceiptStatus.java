package org.unionstats.warehouse.receipts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What became of a submitted file, as its receipt says ({@code ingest_receipts.status}). */
public enum ReceiptStatus {
    /** The latest submission of its group: its accepted rows count. */
    CURRENT,
    /** A later submission of the same submitter, period and record type took its place. */
    REPLACED,
    /** The file could not be read at all; it counts as one quarantined row. */
    REFUSED;

    /** The word stored in the table (and in JSON). */
    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ReceiptStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    /** Current and refused files count; a replaced file's rows no longer do. */
    public boolean counts() {
        return this != REPLACED;
    }
}
