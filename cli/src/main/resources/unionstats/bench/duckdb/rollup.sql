-- Rolls base measures up the hierarchy (as rollup.sql of the KPI job): every org gets its subtree's measures.
-- Basic-grain units reach basic-level ancestors only, region-grain units regional ancestors only. Additive measures
-- (flows and stocks) are summed, distinct counts recounted over the subtree's keys, medians recomputed from the
-- subtree's observations; then one row per org, period and breakdown with a column m_<measure> per measure.
-- Placeholders, generated from the KPI catalogue's measures: additive_measures, distinct_count_measures,
-- median_measures (quoted names); measure_pivot (", MAX(value) FILTER (WHERE measure = '<m>') AS m_<m>" per measure).
WITH bridged AS (
  SELECT a.ancestor_code AS org_code, m.period, m.breakdown, m.measure, m.value, m.distinct_key
  FROM measures m
  JOIN org_ancestors a ON a.org_code = m.org_code AND (a.ancestor_code LIKE '%-%') = (m.grain = 'basic')),
rolled AS (
  SELECT org_code, period, breakdown, measure, SUM(value) AS value
  FROM bridged WHERE measure IN (${additive_measures})
  GROUP BY org_code, period, breakdown, measure
  UNION ALL
  SELECT org_code, period, breakdown, measure, CAST(COUNT(DISTINCT distinct_key) AS DOUBLE)
  FROM bridged WHERE measure IN (${distinct_count_measures})
  GROUP BY org_code, period, breakdown, measure
  UNION ALL
  SELECT org_code, period, breakdown, measure, MEDIAN(value)
  FROM bridged WHERE measure IN (${median_measures})
  GROUP BY org_code, period, breakdown, measure)
SELECT org_code, period, breakdown${measure_pivot}
FROM rolled
GROUP BY org_code, period, breakdown
