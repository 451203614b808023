package org.unionstats.kpi.quality;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpi.engine.SqlStage;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.warehouse.receipts.ReceiptStatus;

/**
 * Reporting completeness and timeliness, DHIS2-style, per org, quarter and record type.
 *
 * <p><b>Expected.</b> Every county-level unit of the region table (functional zones included) under one of the
 * reporting scope's regions owes each required record type for every quarter of the calendar, whether or not it ever
 * sent anything: a unit that never reports shows 0 %. A submission counts for the county whose 6-digit code its
 * submitter code starts with (the county itself or one of its basic unions).
 *
 * <p><b>Received.</b> A receipt with status {@code current} or {@code replaced} (a refused file
 * was not received) for that county, that record type and a submission period inside the
 * quarter: the quarter itself or one of its months. Half-year and year submissions do not count
 * for a quarter.
 *
 * <p><b>On time.</b> The earliest such receipt's {@code received_at} (when the ingest first saw the file; never the
 * file's modification time, which the sender controls) is no later than the end of the day {@code deadlineDays} days
 * after the quarter's last day, in the session time zone (Asia/Shanghai). Receipts written before {@code received_at}
 * existed use their {@code ingested_at}.
 *
 * <p>Counties roll up to their city, province and the national root through {@code org_ancestors}
 * by summing expected, received and on-time counts; both rates are recomputed from the sums at
 * every level, never averaged. Every org and quarter also gets a record type {@code all}, the sum
 * over the required record types.
 *
 * <p>The SQL is {@code reporting_completeness.sql}. Columns: {@code org_code, org_level, period_type, record_type,
 * expected, received, on_time, completeness_rate, timeliness_rate, period}.
 */
public final class ReportingCompleteness {

    /** The record types every active county owes every quarter. */
    public static final List<String> REQUIRED_RECORD_TYPES = List.of("member_events", "hardship_cases", "indicator_reports");

    /** The record type of the row summing all required record types. */
    public static final String ALL = "all";

    /** The receipts that count as received: a refused file was not. */
    static final List<ReceiptStatus> RECEIVED = List.of(ReceiptStatus.CURRENT, ReceiptStatus.REPLACED);

    private ReportingCompleteness() {}

    /**
     * @param ingestReceipts the ingest's receipts
     * @param calendar the reporting calendar (its quarters are reported on)
     * @param dimOrgs the {@code dim_orgs} dimension
     * @param orgAncestors the {@code org_ancestors} bridge
     * @param reporting who owes reports (the scope) and by when (the deadline)
     */
    public static Dataset<Row> compute(Dataset<Row> ingestReceipts, Dataset<Row> calendar, Dataset<Row> dimOrgs,
            Dataset<Row> orgAncestors, ReportingRules reporting) {
        return SqlStage.run("reporting_completeness",
                Map.of("ingest_receipts", ingestReceipts, "calendar", calendar, "dim_orgs", dimOrgs, "org_ancestors", orgAncestors),
                Map.of("deadline_days", Integer.toString(reporting.deadlineDays()),
                        "scope", SqlStage.quoteAll(reporting.scope()),
                        "required_record_types", SqlStage.quoteAll(REQUIRED_RECORD_TYPES),
                        "received_statuses", SqlStage.quoteAll(RECEIVED.stream().map(ReceiptStatus::code).toList()),
                        "all_record_type", SqlStage.quote(ALL)));
    }
}
