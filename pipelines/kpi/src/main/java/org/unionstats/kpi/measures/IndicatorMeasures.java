package org.unionstats.kpi.measures;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Indicator reports: flows are summed over the submission periods a reporting period encloses;
 * stocks take the value of the latest submission period it encloses, per submitter, before the
 * submitters' values are summed. A period shorter than the submissions (a month of quarterly
 * reports) gets no value.
 */
public final class IndicatorMeasures implements MeasureFamily {

    @Override
    public Dataset<Row> measures(SparkSession spark) {
        return spark.sql("""
                WITH reports AS (
                  SELECT r.org_code, r.indicator_id, CAST(r.value AS DOUBLE) AS value, %s AS qualifier_rank,
                         c.period, c.period_type, p.end_date AS submitted_end,
                         ROW_NUMBER() OVER (PARTITION BY r.org_code, r.indicator_id, c.period ORDER BY p.end_date DESC) AS recency
                  FROM indicator_reports r
                  JOIN calendar p ON p.period = r.period
                  JOIN calendar c ON p.start_date >= c.start_date AND p.end_date <= c.end_date)
                SELECT g.unit_code AS org_code, g.grain, c.period, '' AS breakdown, CONCAT('indicator:', c.indicator_id) AS measure,
                       SUM(c.value) AS value, CAST(NULL AS STRING) AS distinct_key, MAX(c.qualifier_rank) AS qualifier_rank
                FROM reports c
                JOIN org_grain g ON g.org_code = c.org_code
                WHERE (c.indicator_id NOT IN (%s) OR c.recency = 1) AND %s
                GROUP BY g.unit_code, g.grain, c.period, c.indicator_id
                """.formatted(QUALIFIER_RANK, stockIndicators(), PERIOD_AT_GRAIN));
    }

    /** Stock indicators take the latest value; their ids come from the indicator catalogue. */
    private static String stockIndicators() {
        return org.unionstats.contract.Indicators.load().all().stream()
                .filter(org.unionstats.contract.Indicator::isStock)
                .map(i -> "'" + i.id() + "'")
                .reduce((a, b) -> a + ", " + b).orElse("''");
    }
}
