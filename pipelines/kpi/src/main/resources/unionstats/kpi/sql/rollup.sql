-- Rolls base measures up the hierarchy (see RollUp): every org gets its subtree's measures, one row per org, period
-- and breakdown, with m_<measure> and mq_<measure> columns. Basic-grain units reach basic-level ancestors only,
-- region-grain units regional ancestors only, so every org is reached from each unit exactly once.
-- The placeholders are lists generated from the KPI catalogue's measures:
--   distinct_count_measures, median_measures: quoted measure names;
--   recounted_pivot: ", SUM(IF(measure = '<m>', value, NULL)) AS m_<m>, MAX(IF(...)) AS mq_<m>" per recounted measure;
--   additive_sums: ", SUM(m.m_<m>) AS m_<m>, MAX(m.mq_<m>) AS mq_<m>" per additive measure.
WITH unit_sums AS (
  -- The additive measures come as columns, in rows without a measure name (MeasureFamily), a few rows per unit and
  -- period (one per family and kind of record): summed per unit first, so the bridge join moves one row per unit and
  -- period.
  SELECT m.org_code, m.grain, m.period, m.breakdown${additive_sums}
  FROM measures m
  WHERE m.measure IS NULL
  GROUP BY m.org_code, m.grain, m.period, m.breakdown),
summed_wide AS (
  SELECT a.ancestor_code AS org_code, m.period, m.breakdown${additive_sums}
  FROM unit_sums m
  JOIN org_ancestors a ON a.org_code = m.org_code AND (a.ancestor_code LIKE '%-%') = (m.grain = 'basic')
  GROUP BY a.ancestor_code, m.period, m.breakdown),
distinct_rows AS (
  -- A row with a key is one key found at the unit; a row without one counts, in its value, keys the family found at that
  -- unit alone (see MeasureFamily).
  SELECT org_code, grain, period, breakdown, measure, distinct_key, value, qualifier_rank
  FROM measures
  WHERE measure IN (${distinct_count_measures})),
shared_keys AS (
  -- Keys found at more than one unit of a grain (few: an enterprise enters through one union, a competition has one
  -- organiser). Only these are recounted over each subtree; every other key adds one to each ancestor of its unit,
  -- so it rolls up as a sum, without moving one row per key and ancestor. Counted over the distinct units rather than
  -- compared as MIN and MAX of the codes: Spark aggregates strings' MIN and MAX by sorting, counts by hashing.
  SELECT grain, measure, distinct_key
  FROM (SELECT DISTINCT grain, measure, distinct_key, org_code FROM distinct_rows WHERE distinct_key IS NOT NULL)
  GROUP BY grain, measure, distinct_key
  HAVING COUNT(*) > 1),
classified AS (
  SELECT /*+ BROADCAST(s) */ d.*, s.distinct_key IS NOT NULL AS shared
  FROM distinct_rows d
  LEFT JOIN shared_keys s ON s.grain = d.grain AND s.measure = d.measure AND s.distinct_key = d.distinct_key),
unit_keys AS (
  -- Per unit: the number of its keys found nowhere else (see MeasureFamily), each of its shared keys in a row of its
  -- own, and the weakest qualifier of all its keys. Classified keys are read once, so shared_keys is computed once.
  SELECT org_code, grain, period, breakdown, measure, IF(shared, distinct_key, NULL) AS shared_key,
         SUM(IF(shared, 0, IF(distinct_key IS NULL, value, 1))) AS solitary, MAX(qualifier_rank) AS qualifier_rank
  FROM classified
  GROUP BY org_code, grain, period, breakdown, measure, IF(shared, distinct_key, NULL)),
recounted AS (
  -- A distinct count is the sum of the subtree's solitary keys plus its shared keys counted once.
  SELECT a.ancestor_code AS org_code, m.period, m.breakdown, m.measure,
         CAST(SUM(m.solitary) + COUNT(DISTINCT m.shared_key) AS DOUBLE) AS value, MAX(m.qualifier_rank) AS qualifier_rank
  FROM unit_keys m
  JOIN org_ancestors a ON a.org_code = m.org_code AND (a.ancestor_code LIKE '%-%') = (m.grain = 'basic')
  GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
  UNION ALL
  SELECT a.ancestor_code, m.period, m.breakdown, m.measure, MEDIAN(m.value), MAX(m.qualifier_rank)
  FROM measures m
  JOIN org_ancestors a ON a.org_code = m.org_code AND (a.ancestor_code LIKE '%-%') = (m.grain = 'basic')
  WHERE m.measure IN (${median_measures})
  GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure),
recounted_wide AS (
  SELECT org_code, period, breakdown${recounted_pivot}
  FROM recounted
  GROUP BY org_code, period, breakdown)
SELECT * FROM summed_wide FULL OUTER JOIN recounted_wide USING (org_code, period, breakdown)
