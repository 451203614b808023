-- Competition base measures per unit and period (see CompetitionMeasures): competitions at their organiser, entries at
-- the entering union, in every period the competition's dates overlap; enterprises as distinct credit codes. Each
-- competition is mapped to the months it overlaps, then by an equi-join on period_months to the periods containing them.
-- Placeholders: qualifier_rank, the rank of a record's qualifier; period_at_grain, the condition on a grain g and a
-- period c that gives basic unions no months.
WITH comps AS (
  SELECT competition_id, organiser_org_code, start_date, end_date
  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY competition_id ORDER BY period DESC, submitter) AS rn
        FROM competitions) WHERE rn = 1),
comp_months AS (
  -- Both dates are required and the end is never before the start (the ingest quarantines such rows).
  SELECT competition_id, organiser_org_code, month
  FROM comps
  LATERAL VIEW EXPLODE(SEQUENCE(TRUNC(start_date, 'MM'), TRUNC(end_date, 'MM'), INTERVAL 1 MONTH)) m AS month),
comp_periods AS (
  -- A competition counts once per period, however many of its months the period holds.
  SELECT DISTINCT k.competition_id, k.organiser_org_code, c.period, c.period_type
  FROM comp_months k JOIN period_months c ON c.month = k.month),
entries AS (
  -- Entries per unit, competition and enterprise first, so the competition's periods multiply few rows.
  SELECT g.unit_code, g.grain, e.competition_id, e.enterprise_credit_code, SUM(e.entrants) AS entrants,
         SUM(IF(e.award IS NOT NULL AND e.award <> 'none', 1, 0)) AS awards, MAX(${qualifier_rank}) AS qualifier_rank
  FROM competition_entries e JOIN org_grain g ON g.org_code = e.org_code
  GROUP BY g.unit_code, g.grain, e.competition_id, e.enterprise_credit_code),
shared_enterprises AS (
  -- Enterprises entering through more than one unit of a grain: few or none, as an enterprise enters through its own
  -- union. Only these go to the roll-up as keys, to be counted once wherever they meet; every other is counted at its
  -- unit here, so the roll-up receives a count per unit and period, not a row per enterprise (see MeasureFamily).
  SELECT grain, enterprise_credit_code
  FROM (SELECT DISTINCT grain, enterprise_credit_code, unit_code FROM entries)
  GROUP BY grain, enterprise_credit_code
  HAVING COUNT(*) > 1),
entered AS (
  SELECT /*+ BROADCAST(s) */ g.*, c.period, s.enterprise_credit_code IS NOT NULL AS shared
  FROM entries g
  JOIN comp_periods c ON c.competition_id = g.competition_id
  LEFT JOIN shared_enterprises s ON s.grain = g.grain AND s.enterprise_credit_code = g.enterprise_credit_code
  WHERE ${period_at_grain})
-- Entrants and awards as columns (see MeasureFamily); competitions held as one row per distinct key; enterprises as a
-- count of those entering through the unit alone and one row per shared enterprise.
SELECT g.unit_code AS org_code, g.grain, c.period, '' AS breakdown, 'competitions_held' AS measure,
       CAST(NULL AS DOUBLE) AS value, c.competition_id AS distinct_key, 0 AS qualifier_rank,
       CAST(NULL AS DOUBLE) AS m_entrants, CAST(NULL AS INT) AS mq_entrants,
       CAST(NULL AS DOUBLE) AS m_awards, CAST(NULL AS INT) AS mq_awards
FROM comp_periods c
JOIN org_grain g ON g.org_code = c.organiser_org_code
WHERE ${period_at_grain}
UNION ALL
SELECT unit_code, grain, period, '', NULL, NULL, NULL, NULL,
       CAST(SUM(entrants) AS DOUBLE), MAX(qualifier_rank), CAST(SUM(awards) AS DOUBLE), MAX(qualifier_rank)
FROM entered
GROUP BY unit_code, grain, period
UNION ALL
SELECT unit_code, grain, period, '', 'enterprises', CAST(COUNT(DISTINCT enterprise_credit_code) AS DOUBLE), NULL, 0,
       CAST(NULL AS DOUBLE), CAST(NULL AS INT), CAST(NULL AS DOUBLE), CAST(NULL AS INT)
FROM entered
WHERE NOT shared
GROUP BY unit_code, grain, period
UNION ALL
SELECT DISTINCT unit_code, grain, period, '', 'enterprises', CAST(NULL AS DOUBLE), enterprise_credit_code, 0,
       CAST(NULL AS DOUBLE), CAST(NULL AS INT), CAST(NULL AS DOUBLE), CAST(NULL AS INT)
FROM entered
WHERE shared
