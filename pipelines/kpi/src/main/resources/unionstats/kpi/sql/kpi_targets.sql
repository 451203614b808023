-- kpi_targets (see TargetAttainment): every target at each period it is evaluated at, against the KPI totals
-- (kpi_totals: a column per KPI). Placeholders: target_kpis, VALUES rows (kpi_id, kind, better, summed_kpi, per_kpi,
-- scale) of the targetable KPIs: a flow sums summed_kpi over the year so far, divided by per_kpi at the period's end
-- times scale for a ratio; a stock is its own value at the period's end. value_count, value_stack: the KPIs read (the
-- targetable ones and the parts of their ratios) as STACK arguments ("'<id>', <id>" each).
WITH target_kpis AS (
  SELECT * FROM VALUES ${target_kpis} AS k(kpi_id, kind, better, summed_kpi, per_kpi, scale)),
values_read AS (
  SELECT org_code, period, kpi_id, value
  -- The targets broadcast: the totals hold every org (on medium 1.3 M rows a new quarter), and only the unions with a
  -- target are read.
  FROM (SELECT /*+ BROADCAST(g) */ t.* FROM kpi_totals t LEFT SEMI JOIN targets g ON g.org_code = t.org_code)
  LATERAL VIEW STACK(${value_count}, ${value_stack}) s AS kpi_id, value
  WHERE value IS NOT NULL),
submitted AS (
  -- Each target with the first day and the months of the period it was submitted in (its partition, canonical).
  SELECT issuer_code, org_code, kpi_id, target_period, CAST(target_value AS DOUBLE) AS target_value, unit, submitter,
         MAKE_DATE(CAST(SUBSTR(period, 1, 4) AS INT),
                   CASE SUBSTR(period, 5, 1) WHEN 'Q' THEN CAST(SUBSTR(period, 6) AS INT) * 3 - 2
                                             WHEN 'H' THEN CAST(SUBSTR(period, 6) AS INT) * 6 - 5
                                             WHEN '-' THEN CAST(SUBSTR(period, 6) AS INT)
                                             ELSE 1 END, 1) AS submitted_from,
         CASE SUBSTR(period, 5, 1) WHEN 'Q' THEN 3 WHEN 'H' THEN 6 WHEN '-' THEN 1 ELSE 12 END AS submitted_months
  FROM targets),
evaluations AS (
  -- A quarterly target at its quarter; an annual one at each quarter of its year and over the year. At each, the target
  -- in force is the one from the latest submission period begun by the period's end (then the shorter period).
  SELECT s.*, tp.period_type AS target_period_type, e.period, e.period_type, e.start_date, e.end_date,
         ROW_NUMBER() OVER (PARTITION BY s.issuer_code, s.org_code, s.kpi_id, s.target_period, e.period
                            ORDER BY s.submitted_from DESC, s.submitted_months, s.submitter) AS rn
  FROM submitted s
  JOIN calendar tp ON tp.period = s.target_period
  JOIN calendar e ON e.start_date >= tp.start_date AND e.end_date <= tp.end_date
    AND (e.period_type = 'quarter' OR e.period = tp.period)
  WHERE s.submitted_from <= e.end_date),
in_force AS (
  SELECT * FROM evaluations WHERE rn = 1),
candidate_parts AS (
  SELECT tp.period AS target_period, e.period AS evaluated, p.period AS part, p.start_date, p.end_date,
         p.end_date = e.end_date AS at_end
  FROM calendar tp
  JOIN calendar e ON e.start_date >= tp.start_date AND e.end_date <= tp.end_date
    AND (e.period_type = 'quarter' OR e.period = tp.period)
  JOIN calendar p ON p.start_date >= tp.start_date AND p.end_date <= e.end_date
    AND p.period_type IN ('quarter', 'half_year', 'year')
  WHERE tp.period_type IN ('quarter', 'year')),
parts AS (
  -- The target's period so far as the fewest whole periods of the calendar: a quarter itself; for a year Q1, H1,
  -- H1 and Q3, the year.
  SELECT c.*
  FROM candidate_parts c
  LEFT ANTI JOIN candidate_parts w ON w.target_period = c.target_period AND w.evaluated = c.evaluated AND w.part <> c.part
    AND w.start_date <= c.start_date AND w.end_date >= c.end_date),
measured AS (
  SELECT f.issuer_code, f.org_code, f.kpi_id, f.target_period, f.period,
         SUM(s.value) AS summed,
         MAX(IF(p.at_end, d.value, NULL)) AS per_value,
         MAX(IF(p.at_end, l.value, NULL)) AS end_value
  FROM in_force f
  JOIN target_kpis k ON k.kpi_id = f.kpi_id
  JOIN parts p ON p.target_period = f.target_period AND p.evaluated = f.period
  LEFT JOIN values_read s ON s.org_code = f.org_code AND s.period = p.part AND s.kpi_id = k.summed_kpi
  LEFT JOIN values_read d ON d.org_code = f.org_code AND d.period = p.part AND d.kpi_id = k.per_kpi
  LEFT JOIN values_read l ON l.org_code = f.org_code AND l.period = p.part AND l.kpi_id = f.kpi_id
  GROUP BY f.issuer_code, f.org_code, f.kpi_id, f.target_period, f.period),
actuals AS (
  SELECT f.issuer_code, f.org_code, f.kpi_id, f.target_period, f.target_period_type, f.unit, f.target_value, f.period,
         f.period_type, k.kind, k.better,
         CASE WHEN k.kind = 'stock' THEN m.end_value
              WHEN k.per_kpi IS NULL THEN m.summed
              ELSE m.summed / NULLIF(m.per_value, 0) * k.scale END AS actual_value,
         -- A stock's annual target is approached from its value at the end of the previous year.
         IF(k.kind = 'stock' AND f.target_period_type = 'year', o.value, NULL) AS opening_value,
         -- The share of the target's period elapsed at the evaluated period's end.
         IF(f.target_period_type = 'year' AND f.period_type = 'quarter', MONTH(f.end_date) / 12D, 1D) AS elapsed
  FROM in_force f
  JOIN target_kpis k ON k.kpi_id = f.kpi_id
  JOIN measured m ON m.issuer_code = f.issuer_code AND m.org_code = f.org_code AND m.kpi_id = f.kpi_id
    AND m.target_period = f.target_period AND m.period = f.period
  LEFT JOIN values_read o ON o.org_code = f.org_code AND o.kpi_id = f.kpi_id
    AND o.period = CAST(YEAR(f.start_date) - 1 AS STRING)),
paced AS (
  SELECT a.*,
         CASE WHEN elapsed = 1D THEN target_value
              WHEN kind = 'flow' THEN target_value * elapsed
              ELSE opening_value + (target_value - opening_value) * elapsed END AS expected_value
  FROM actuals a)
SELECT p.org_code, o.org_level, p.issuer_code, p.kpi_id, p.target_period, p.target_period_type, p.unit, p.target_value,
       p.actual_value,
       ROUND(IF(p.better = 'down', p.target_value / NULLIF(p.actual_value, 0), p.actual_value / p.target_value) * 100, 1)
         AS attainment_pct,
       p.opening_value, p.expected_value,
       ROUND(IF(p.better = 'down', p.target_value / NULLIF(p.expected_value, 0), p.expected_value / p.target_value) * 100, 1)
         AS expected_pace_pct,
       IF(p.better = 'down', p.actual_value <= p.expected_value, p.actual_value >= p.expected_value) AS on_pace,
       p.period_type, p.period
FROM paced p
JOIN dim_orgs o ON o.org_code = p.org_code
