-- Hardship base measures per unit and period (as hardship_measures.sql of the KPI job): the caseload as running sums
-- of monthly case counts from the register, anchored on the reported on-file balances (totals only; the breakdown by
-- cause counts the register's cases), assistance from every period's records, days to lift out per case. At the
-- region grain every measure is also broken down by cause. By cause, a case inside a union's first on-file balance and
-- first listed by a later submission counts only in the periods ending on or after that submission's period starts.
WITH anchors AS (
  SELECT org_code, CAST(date_trunc('month', MIN(as_of)) AS DATE) AS anchor_month
  FROM balance_checks WHERE balance_type = 'hardship_on_file'
  GROUP BY org_code),
register AS (
  SELECT *, LEAST(IF(status = 'lifted_out', lifted_out_on, NULL), closed_on) AS left_on FROM hardship_register),
cases AS (
  SELECT g.unit_code, g.grain, r.cause,
         IF(date_trunc('month', r.filed_on) <= a.anchor_month AND r.listed_on > a.anchor_month, r.listed_on, NULL)
           AS known_from,
         CAST(date_trunc('month', r.filed_on) AS DATE) AS filed_month,
         IF(r.left_on IS NULL, NULL, CAST(date_trunc('month', GREATEST(r.filed_on, r.left_on)) AS DATE)) AS left_month,
         IF(r.status = 'lifted_out', CAST(date_trunc('month', r.lifted_out_on) AS DATE), NULL) AS lifted_month,
         IF(r.status = 'closed', CAST(date_trunc('month', r.closed_on) AS DATE), NULL) AS closed_month
  FROM register r JOIN org_grain g ON g.org_code = r.org_code
  LEFT JOIN anchors a ON a.org_code = r.org_code
  WHERE r.filed_on IS NOT NULL),
case_months AS (
  SELECT unit_code, grain, cause, known_from, filed_month AS month, 1 AS filed, 0 AS left_, 0 AS lifted, 0 AS closed
  FROM cases
  UNION ALL
  SELECT unit_code, grain, cause, known_from, left_month, 0, 1, 0, 0 FROM cases WHERE left_month IS NOT NULL
  UNION ALL
  SELECT unit_code, grain, cause, known_from, lifted_month, 0, 0, 1, 0 FROM cases WHERE lifted_month IS NOT NULL
  UNION ALL
  SELECT unit_code, grain, cause, known_from, closed_month, 0, 0, 0, 1 FROM cases WHERE closed_month IS NOT NULL),
by_breakdown AS (
  SELECT unit_code, grain, '' AS breakdown, CAST(NULL AS DATE) AS known_from, month, filed, left_, lifted, closed
  FROM case_months
  UNION ALL
  SELECT unit_code, grain, 'cause=' || cause, known_from, month, filed, left_, lifted, closed
  FROM case_months WHERE grain = 'region'),
monthly AS (
  SELECT unit_code, grain, breakdown, known_from, month, SUM(filed) AS filed, SUM(left_) AS left_, SUM(lifted) AS lifted,
         SUM(closed) AS closed, CAST(0 AS DOUBLE) AS adjust, CAST(0 AS DOUBLE) AS correction
  FROM by_breakdown
  GROUP BY ALL
  UNION ALL
  SELECT g.unit_code, g.grain, '', CAST(NULL AS DATE), b.adjustment_month, 0, 0, 0, 0, SUM(b.adjustment),
         SUM(COALESCE(b.difference, 0))
  FROM balance_checks b JOIN org_grain g ON g.org_code = b.org_code
  WHERE b.balance_type = 'hardship_on_file'
  GROUP BY ALL),
counts AS (
  SELECT g.unit_code, c.period, g.grain, g.breakdown,
         CAST(SUM(IF(g.month < c.start_date, g.filed - g.left_ + g.adjust, 0)) AS DOUBLE) AS "on_file_start",
         CAST(SUM(IF(g.month >= c.start_date, g.filed, 0)) AS DOUBLE) AS "newly_filed",
         CAST(SUM(IF(g.month >= c.start_date, g.lifted, 0)) AS DOUBLE) AS "lifted_out",
         CAST(SUM(IF(g.month >= c.start_date, g.closed, 0)) AS DOUBLE) AS "closed",
         CAST(SUM(IF(g.month >= c.start_date, g.correction, 0)) AS DOUBLE) AS "on_file_correction",
         CAST(SUM(g.filed - g.left_ + g.adjust) AS DOUBLE) AS "on_file_end"
  FROM monthly g JOIN calendar c ON g.month <= c.end_date
  WHERE ${period_at_grain} AND (g.known_from IS NULL OR g.known_from <= c.end_date)
  GROUP BY g.unit_code, c.period, g.grain, g.breakdown),
assistance AS (
  SELECT g.unit_code, g.grain, c.period, COALESCE(h.cause, 'other') AS cause, CAST(h.assistance_cny AS DOUBLE) AS amount
  FROM hardship_cases h
  JOIN org_grain g ON g.org_code = h.org_code
  JOIN calendar p ON p.period = h.period
  JOIN calendar c ON p.start_date >= c.start_date AND p.end_date <= c.end_date
  WHERE h.assistance_cny IS NOT NULL AND ${period_at_grain}),
lift_outs AS (
  SELECT g.unit_code, g.grain, c.period, CAST(r.lifted_out_on - r.filed_on AS DOUBLE) AS days
  FROM hardship_register r
  JOIN org_grain g ON g.org_code = r.org_code
  JOIN calendar c ON r.lifted_out_on BETWEEN c.start_date AND c.end_date
  WHERE r.status = 'lifted_out' AND r.filed_on IS NOT NULL AND ${period_at_grain})
SELECT unit_code AS org_code, grain, period, breakdown, measure, value, CAST(NULL AS VARCHAR) AS distinct_key
FROM counts UNPIVOT INCLUDE NULLS (value FOR measure IN ("on_file_start", "newly_filed", "lifted_out", "closed", "on_file_end", "on_file_correction"))
UNION ALL
SELECT unit_code, grain, period, '', 'assistance_cny', SUM(amount), NULL FROM assistance GROUP BY ALL
UNION ALL
SELECT unit_code, grain, period, 'cause=' || cause, 'assistance_cny', SUM(amount), NULL
FROM assistance WHERE grain = 'region' GROUP BY ALL
UNION ALL
SELECT unit_code, grain, period, '', 'days_to_lift_out', days, NULL FROM lift_outs
