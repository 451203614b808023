package org.unionstats.ingest;

import org.unionstats.warehouse.receipts.ReceiptStatus;
import java.util.List;

/**
 * What a run did, file by file: the receipts a data engineer checks. For every file
 * {@code rowsRead == accepted + duplicates + quarantined}.
 */
public record IngestSummary(String runId, List<FileReceipt> files, int unchangedFiles, Totals totals) {

    public record FileReceipt(String path, String submitter, String period, String recordType, String format,
            long rowsRead, long accepted, long duplicates, long quarantined, ReceiptStatus status, String replacedBy) {}

    public record Totals(int files, long rowsRead, long accepted, long duplicates, long quarantined, long replacedFiles,
            long refusedFiles) {

        static Totals of(List<FileReceipt> files) {
            return new Totals(files.size(),
                    files.stream().mapToLong(FileReceipt::rowsRead).sum(),
                    files.stream().mapToLong(FileReceipt::accepted).sum(),
                    files.stream().mapToLong(FileReceipt::duplicates).sum(),
                    files.stream().mapToLong(FileReceipt::quarantined).sum(),
                    files.stream().filter(f -> f.status() == ReceiptStatus.REPLACED).count(),
                    files.stream().filter(f -> f.status() == ReceiptStatus.REFUSED).count());
        }
    }

    public boolean reconciles() {
        return files.stream().allMatch(f -> f.rowsRead() == f.accepted() + f.duplicates() + f.quarantined());
    }
}
