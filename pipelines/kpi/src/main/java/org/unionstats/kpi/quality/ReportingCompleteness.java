package org.unionstats.kpi.quality;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reporting completeness and timeliness, DHIS2-style, per org, quarter and record type.
 *
 * <p><b>Expected.</b> Every active county-level federation owes each required record type for
 * every quarter of {@code calendar}. A county is active once it has any receipt at all (any
 * status, any period) whose submitter is the county itself or one of its basic unions, i.e.
 * whose submitter code starts with the county's 6-digit code.
 *
 * <p><b>Received.</b> A receipt with status {@code current} or {@code replaced} (a refused file
 * was not received) for that county, that record type and a submission period inside the
 * quarter: the quarter itself or one of its months. Half-year and year submissions do not count
 * for a quarter.
 *
 * <p><b>On time.</b> The earliest such receipt's {@code file_modified_at} is no later than the
 * end of the day {@code deadlineDays} days after the quarter's last day, in the session time
 * zone (Asia/Shanghai).
 *
 * <p>Counties roll up to their city, province and the national root through {@code org_ancestors}
 * by summing expected, received and on-time counts; both rates are recomputed from the sums at
 * every level, never averaged. Every org and quarter also gets a record type {@code all}, the sum
 * over the required record types.
 *
 * <p>Views used: {@code ingest_receipts}, {@code calendar}, {@code dim_orgs}, {@code org_ancestors}.
 * Columns: {@code org_code, org_level, period_type, record_type, expected, received, on_time,
 * completeness_rate, timeliness_rate, period}.
 */
public final class ReportingCompleteness {

    /** The record types every active county owes every quarter. */
    public static final List<String> REQUIRED_RECORD_TYPES = List.of("member_events", "hardship_cases", "indicator_reports");

    /** The record type of the row summing all required record types. */
    public static final String ALL = "all";

    public Dataset<Row> compute(SparkSession spark, int deadlineDays) {
        if (deadlineDays < 0) {
            throw new IllegalArgumentException("deadline days must not be negative: " + deadlineDays);
        }
        String types = REQUIRED_RECORD_TYPES.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "));
        return spark.sql("""
                WITH quarters AS (
                  SELECT period, start_date, end_date,
                         -- the first instant after the deadline day, in the session time zone
                         CAST(DATE_ADD(end_date, %1$d + 1) AS TIMESTAMP) AS deadline_passed
                  FROM calendar WHERE period_type = 'quarter'),
                counties AS (
                  SELECT o.org_code FROM dim_orgs o
                  LEFT SEMI JOIN ingest_receipts r ON SUBSTRING(r.submitter, 1, 6) = o.org_code
                  WHERE o.org_level = 'county'),
                required AS (
                  SELECT EXPLODE(ARRAY(%2$s)) AS record_type),
                received AS (
                  SELECT SUBSTRING(r.submitter, 1, 6) AS county_code, q.period, r.record_type,
                         MIN(r.file_modified_at) AS first_received_at
                  FROM ingest_receipts r
                  JOIN calendar p ON p.period = r.period
                  JOIN quarters q ON p.start_date >= q.start_date AND p.end_date <= q.end_date
                  WHERE r.status IN ('current', 'replaced') AND r.record_type IN (%2$s)
                  GROUP BY SUBSTRING(r.submitter, 1, 6), q.period, r.record_type),
                county_rows AS (
                  SELECT c.org_code, q.period, t.record_type, 1 AS expected,
                         IF(r.first_received_at IS NOT NULL, 1, 0) AS received,
                         IF(r.first_received_at < q.deadline_passed, 1, 0) AS on_time
                  FROM counties c
                  CROSS JOIN quarters q
                  CROSS JOIN required t
                  LEFT JOIN received r
                    ON r.county_code = c.org_code AND r.period = q.period AND r.record_type = t.record_type),
                rolled AS (
                  SELECT a.ancestor_code AS org_code, k.period, x.record_type,
                         SUM(k.expected) AS expected, SUM(k.received) AS received, SUM(k.on_time) AS on_time
                  FROM county_rows k
                  JOIN org_ancestors a ON a.org_code = k.org_code
                  LATERAL VIEW EXPLODE(ARRAY(k.record_type, '%3$s')) x AS record_type
                  GROUP BY a.ancestor_code, k.period, x.record_type)
                SELECT r.org_code, o.org_level, 'quarter' AS period_type, r.record_type,
                       CAST(r.expected AS BIGINT) AS expected, CAST(r.received AS BIGINT) AS received,
                       CAST(r.on_time AS BIGINT) AS on_time,
                       CAST(r.received AS DOUBLE) / r.expected AS completeness_rate,
                       CAST(r.on_time AS DOUBLE) / r.expected AS timeliness_rate,
                       r.period
                FROM rolled r
                JOIN dim_orgs o ON o.org_code = r.org_code
                """.formatted(deadlineDays, types, ALL));
    }
}
