package org.unionstats.warehouse.receipts;

/**
 * The parts of an ingest receipt that the KPI state and the runs look at.
 *
 * @param period the submission period (partition), or {@code unknown}
 */
public record Receipt(String period, String submissionId, String sourceFile, String submitter, ReceiptStatus status, long rowsRead,
        long quarantined) {

    /** The key the KPI state remembers a receipt by. */
    public String kpiStateKey() {
        return KpiState.key(period, submissionId, sourceFile, status.code());
    }

    public boolean counts() {
        return status.counts();
    }
}
