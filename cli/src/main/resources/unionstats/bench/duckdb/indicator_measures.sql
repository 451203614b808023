-- Indicator base measures per unit and period (as indicator_measures.sql of the KPI job): flows summed over the
-- submission periods a period encloses, stocks (${stock_indicators}, from the indicator catalogue) from the latest one,
-- per reporting org, before the units are summed.
WITH reports AS (
  SELECT r.org_code, r.indicator_id, CAST(r.value AS DOUBLE) AS value, c.period, c.period_type,
         ROW_NUMBER() OVER (PARTITION BY r.org_code, r.indicator_id, c.period ORDER BY p.end_date DESC) AS recency
  FROM indicator_reports r
  JOIN calendar p ON p.period = r.period
  JOIN calendar c ON p.start_date >= c.start_date AND p.end_date <= c.end_date)
SELECT g.unit_code AS org_code, g.grain, c.period, '' AS breakdown, 'indicator:' || c.indicator_id AS measure,
       SUM(c.value) AS value, CAST(NULL AS VARCHAR) AS distinct_key
FROM reports c
JOIN org_grain g ON g.org_code = c.org_code
WHERE (c.indicator_id NOT IN (${stock_indicators}) OR c.recency = 1) AND ${period_at_grain}
GROUP BY g.unit_code, g.grain, c.period, c.indicator_id
