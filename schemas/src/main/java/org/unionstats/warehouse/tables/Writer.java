package org.unionstats.warehouse.tables;

import java.util.Locale;

/** The job that writes a warehouse table (schemas/trino/tables.yaml, {@code writer:}). */
public enum Writer {
    /** The Beam ingest: conformed records, receipts, quarantine. */
    INGEST,
    /** The Spark KPI job: KPI tables, dimensions, completeness, findings, scorecards. */
    KPI,
    /** Scheduled runs: the run history. */
    RUNS,
    /** {@code letter --issue}: the issued editions of the quarterly guidance letters, as printed. */
    LETTERS;

    public static Writer fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
