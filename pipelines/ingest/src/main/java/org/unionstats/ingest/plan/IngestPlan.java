package org.unionstats.ingest.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.unionstats.contract.RecordType;

/**
 * What a run will do, decided before the pipeline starts.
 *
 * @param newFiles files not ingested before, with their replacement order settled
 * @param unchangedFiles files whose exact content was ingested already (skipped)
 * @param touched record-table partitions the run rewrites, with the submitters whose earlier
 *     rows in them are superseded
 * @param carriedReceipts earlier receipts of the receipt partitions the run rewrites, with
 *     {@code status}/{@code replaced_by} updated where a new file supersedes them
 * @param existingCodes org codes and competition ids already in the warehouse
 */
public record IngestPlan(
        String runId,
        long startedAt,
        List<PlannedFile> newFiles,
        int unchangedFiles,
        Map<RecordType, Map<String, Set<String>>> touched,
        List<GenericRecord> carriedReceipts,
        Set<String> receiptPeriods,
        Set<String> existingOrgCodes,
        Set<String> existingCompetitionIds) {

    public boolean isEmpty() {
        return newFiles.isEmpty();
    }
}
