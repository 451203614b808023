package org.unionstats.kpi.measures;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The hardship register. Each case's state comes from its latest record (a period's file lists
 * the cases that changed in it); a closure has no date in the contract, so it counts at the end
 * of the period whose submission first reported it. Assistance is the amount each period's
 * records report. Every measure is also broken down by cause.
 */
public final class HardshipMeasures implements MeasureFamily {

    @Override
    public Dataset<Row> measures(SparkSession spark) {
        spark.sql("""
                SELECT org_code, case_id, filed_on, COALESCE(cause, 'other') AS cause, status, lifted_out_on,
                       closed_on, qualifier_rank
                FROM (
                  SELECT h.*, ROW_NUMBER() OVER (PARTITION BY org_code, case_id ORDER BY p.end_date DESC) AS rn,
                         MIN(IF(status = 'closed', p.end_date, NULL)) OVER (PARTITION BY org_code, case_id) AS closed_on,
                         MAX(%s) OVER (PARTITION BY org_code, case_id) AS qualifier_rank
                  FROM hardship_cases h JOIN calendar p ON p.period = h.period)
                WHERE rn = 1
                """.formatted(QUALIFIER_RANK)).createOrReplaceTempView("hardship_register");
        return spark.sql("""
                WITH states AS (
                  SELECT r.org_code, c.period, r.cause, r.qualifier_rank,
                         IF(r.filed_on < c.start_date
                            AND NOT (r.status = 'lifted_out' AND r.lifted_out_on < c.start_date)
                            AND NOT (r.closed_on IS NOT NULL AND r.closed_on < c.start_date), 1, 0) AS on_file_start,
                         IF(r.filed_on BETWEEN c.start_date AND c.end_date, 1, 0) AS newly_filed,
                         IF(r.status = 'lifted_out' AND r.lifted_out_on BETWEEN c.start_date AND c.end_date, 1, 0) AS lifted_out,
                         IF(r.status = 'closed' AND r.closed_on BETWEEN c.start_date AND c.end_date, 1, 0) AS closed,
                         IF(r.filed_on <= c.end_date
                            AND NOT (r.status = 'lifted_out' AND r.lifted_out_on <= c.end_date)
                            AND NOT (r.closed_on IS NOT NULL AND r.closed_on <= c.end_date), 1, 0) AS on_file_end,
                         IF(r.status = 'lifted_out' AND r.lifted_out_on BETWEEN c.start_date AND c.end_date,
                            DATEDIFF(r.lifted_out_on, r.filed_on), NULL) AS days_to_lift_out
                  FROM hardship_register r
                  JOIN calendar c ON r.filed_on <= c.end_date),
                counts AS (
                  SELECT org_code, period, breakdown, MAX(qualifier_rank) AS qualifier_rank,
                         SUM(on_file_start) AS on_file_start, SUM(newly_filed) AS newly_filed, SUM(lifted_out) AS lifted_out,
                         SUM(closed) AS closed, SUM(on_file_end) AS on_file_end
                  FROM states LATERAL VIEW EXPLODE(ARRAY('', CONCAT('cause=', cause))) b AS breakdown
                  GROUP BY org_code, period, breakdown),
                assistance AS (
                  SELECT h.org_code, c.period, b.breakdown, SUM(CAST(h.assistance_cny AS DOUBLE)) AS assistance_cny,
                         MAX(%s) AS qualifier_rank
                  FROM hardship_cases h
                  JOIN calendar p ON p.period = h.period
                  JOIN calendar c ON p.start_date >= c.start_date AND p.end_date <= c.end_date
                  LATERAL VIEW EXPLODE(ARRAY('', CONCAT('cause=', COALESCE(h.cause, 'other')))) b AS breakdown
                  WHERE h.assistance_cny IS NOT NULL
                  GROUP BY h.org_code, c.period, b.breakdown)
                SELECT org_code, period, breakdown, measure, CAST(value AS DOUBLE) AS value,
                       CAST(NULL AS STRING) AS distinct_key, qualifier_rank
                FROM counts
                LATERAL VIEW STACK(5, 'on_file_start', on_file_start, 'newly_filed', newly_filed, 'lifted_out', lifted_out,
                                   'closed', closed, 'on_file_end', on_file_end) s AS measure, value
                UNION ALL
                SELECT org_code, period, breakdown, 'assistance_cny', assistance_cny, NULL, qualifier_rank FROM assistance
                UNION ALL
                SELECT org_code, period, '', 'days_to_lift_out', CAST(days_to_lift_out AS DOUBLE), NULL, qualifier_rank
                FROM states WHERE days_to_lift_out IS NOT NULL
                """.formatted(QUALIFIER_RANK));
    }
}
