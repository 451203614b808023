-- Indicator base measures per unit and period (see IndicatorMeasures): flows summed over the submission periods a
-- period encloses, stocks (stock_indicators) from the latest one, per reporting org, before the units are summed.
WITH reports AS (
  SELECT r.org_code, r.indicator_id, CAST(r.value AS DOUBLE) AS value, ${qualifier_rank} AS qualifier_rank,
         c.period, c.period_type, p.end_date AS submitted_end,
         ROW_NUMBER() OVER (PARTITION BY r.org_code, r.indicator_id, c.period ORDER BY p.end_date DESC) AS recency
  FROM indicator_reports r
  JOIN calendar p ON p.period = r.period
  JOIN calendar c ON p.start_date >= c.start_date AND p.end_date <= c.end_date
  -- the periods computed in this run only
  WHERE c.period IN (SELECT period FROM period_months))
-- Every indicator an additive measure, as columns (see MeasureFamily). indicator_columns: for every indicator of the
-- indicator catalogue, ", SUM(IF(c.indicator_id = '<id>', c.value, NULL)) AS m_indicator_<id>, MAX(IF(…,
-- c.qualifier_rank, NULL)) AS mq_indicator_<id>".
SELECT g.unit_code AS org_code, g.grain, c.period, '' AS breakdown, CAST(NULL AS STRING) AS measure,
       CAST(NULL AS DOUBLE) AS value, CAST(NULL AS STRING) AS distinct_key, CAST(NULL AS INT) AS qualifier_rank${indicator_columns}
FROM reports c
JOIN org_grain g ON g.org_code = c.org_code
WHERE (c.indicator_id NOT IN (${stock_indicators}) OR c.recency = 1) AND ${period_at_grain}
GROUP BY g.unit_code, g.grain, c.period
