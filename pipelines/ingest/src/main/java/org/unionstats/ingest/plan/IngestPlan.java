package org.unionstats.ingest.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.generic.GenericRecord;
import org.unionstats.contract.RecordType;

/**
 * What a run will do, decided before the pipeline starts.
 *
 * @param newFiles files not ingested before, ranked within their groups
 * @param unchangedFiles files whose exact content was ingested already (skipped)
 * @param touched record-table partitions the run rewrites, with the submitters whose earlier
 *     rows in them a new file may supersede: it does only if it passes the check
 * @param carriedReceipts earlier receipts of the receipt partitions the run rewrites, by
 *     partition, as published (a receipt written before {@code received_at} existed gets its
 *     {@code ingested_at} there); the pipeline marks those a new file supersedes as replaced
 * @param existingOrgCodes org codes already in the warehouse
 * @param existingCompetitionIds competition ids already in the warehouse
 * @param issuedLetterItems ids of the items of the guidance letters issued so far ({@code letter_items}), which feedback answers
 */
public record IngestPlan(
        String runId,
        long startedAt,
        List<PlannedFile> newFiles,
        int unchangedFiles,
        Map<RecordType, Map<String, Set<String>>> touched,
        Map<String, List<GenericRecord>> carriedReceipts,
        Set<String> receiptPeriods,
        Set<String> existingOrgCodes,
        Set<String> existingCompetitionIds,
        Set<String> issuedLetterItems) {

    public boolean isEmpty() {
        return newFiles.isEmpty();
    }
}
