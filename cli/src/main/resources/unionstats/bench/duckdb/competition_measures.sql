-- Competition base measures per unit and period (as competition_measures.sql of the KPI job): competitions at their
-- organiser, entries at the entering union, in every period the competition's dates overlap; enterprises as distinct
-- credit codes.
WITH comps AS (
  SELECT competition_id, organiser_org_code, start_date, end_date
  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY competition_id ORDER BY period DESC, submitter) AS rn
        FROM competitions) WHERE rn = 1),
entries AS (
  SELECT g.unit_code, g.grain, e.enterprise_credit_code, e.entrants, e.award, c.start_date, c.end_date
  FROM competition_entries e
  JOIN comps c ON c.competition_id = e.competition_id
  JOIN org_grain g ON g.org_code = e.org_code),
sums AS (
  SELECT g.unit_code, g.grain, c.period, CAST(SUM(g.entrants) AS DOUBLE) AS "entrants",
         CAST(SUM(IF(g.award IS NOT NULL AND g.award <> 'none', 1, 0)) AS DOUBLE) AS "awards"
  FROM entries g JOIN calendar c ON g.start_date <= c.end_date AND g.end_date >= c.start_date
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period)
SELECT g.unit_code AS org_code, g.grain, c.period, '' AS breakdown, 'competitions_held' AS measure,
       CAST(NULL AS DOUBLE) AS value, k.competition_id AS distinct_key
FROM comps k
JOIN org_grain g ON g.org_code = k.organiser_org_code
JOIN calendar c ON k.start_date <= c.end_date AND k.end_date >= c.start_date
WHERE ${period_at_grain}
UNION ALL
SELECT unit_code, grain, period, '', measure, value, NULL
FROM sums UNPIVOT INCLUDE NULLS (value FOR measure IN ("entrants", "awards"))
UNION ALL
SELECT DISTINCT g.unit_code, g.grain, c.period, '', 'enterprises', CAST(NULL AS DOUBLE), g.enterprise_credit_code
FROM entries g JOIN calendar c ON g.start_date <= c.end_date AND g.end_date >= c.start_date
WHERE ${period_at_grain}
