package org.unionstats.runs;

/** The parts of an ingest receipt that runs look at: what the KPI state keys on, and the row counts the gate weighs. */
public record Receipt(String period, String submissionId, String sourceFile, String submitter, String status, long rowsRead,
        long quarantined) {

    /** The key the KPI job's state ({@code _kpi_state.json}) remembers a receipt by. */
    public String kpiStateKey() {
        return period + "|" + submissionId + "|" + sourceFile + "|" + status;
    }

    /** Current and refused files count; a replaced file's rows no longer do. */
    public boolean counts() {
        return !"replaced".equals(status);
    }
}
