package org.unionstats.kpi.measures;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Joins, leaves, transfers and the member stock, by event date; unions established and workforce from org_units. */
public final class MembershipMeasures implements MeasureFamily {

    @Override
    public Dataset<Row> measures(SparkSession spark) {
        return spark.sql("""
                WITH flows AS (
                  SELECT e.org_code, c.period,
                         SUM(IF(e.event_type = 'join', 1, 0)) AS joined,
                         SUM(IF(e.event_type IN ('leave', 'transfer_out'), 1, 0)) AS left_,
                         SUM(IF(e.event_type = 'transfer_in', 1, 0)) AS transferred_in,
                         SUM(IF(e.event_type = 'join' AND e.worker_category = 'new_form', 1, 0)) AS new_form_joined
                  FROM member_events e
                  JOIN calendar c ON e.event_date BETWEEN c.start_date AND c.end_date
                  GROUP BY e.org_code, c.period),
                stocks AS (
                  -- The stock at a date: every join and transfer in up to it, less every leave and transfer out.
                  SELECT e.org_code, c.period,
                         SUM(IF(e.event_date < c.start_date, e.delta, 0)) AS members_start,
                         SUM(e.delta) AS members_end
                  FROM (SELECT org_code, event_date,
                               IF(event_type IN ('join', 'transfer_in'), 1, -1) AS delta
                        FROM member_events) e
                  JOIN calendar c ON e.event_date <= c.end_date
                  GROUP BY e.org_code, c.period),
                orgs AS (
                  SELECT org_code, established_on, workforce
                  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY org_code ORDER BY period DESC, submitter) AS rn FROM org_units)
                  WHERE rn = 1)
                SELECT org_code, period, '' AS breakdown, measure, CAST(value AS DOUBLE) AS value,
                       CAST(NULL AS STRING) AS distinct_key, 0 AS qualifier_rank
                FROM flows
                LATERAL VIEW STACK(4, 'joined', joined, 'left', left_, 'transferred_in', transferred_in,
                                   'new_form_joined', new_form_joined) s AS measure, value
                UNION ALL
                SELECT org_code, period, '', measure, CAST(value AS DOUBLE), NULL, 0
                FROM stocks
                LATERAL VIEW STACK(2, 'members_start', members_start, 'members_end', members_end) s AS measure, value
                UNION ALL
                SELECT o.org_code, c.period, '', 'unions_established', NULL, o.org_code, 0
                FROM orgs o JOIN calendar c ON o.established_on BETWEEN c.start_date AND c.end_date
                UNION ALL
                SELECT o.org_code, c.period, '', 'workforce', CAST(o.workforce AS DOUBLE), NULL, 0
                FROM orgs o JOIN calendar c ON o.established_on IS NULL OR o.established_on <= c.end_date
                WHERE o.workforce IS NOT NULL
                """);
    }
}
