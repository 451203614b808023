-- Hardship base measures per unit and period (see HardshipMeasures): the caseload as running sums of monthly case
-- counts from the register anchored on the reported on-file balances (balance_checks: each balance adds one adjustment
-- to the totals; the breakdown by cause counts the register's cases only), assistance from every period's records,
-- days to lift out per case.
WITH cases AS (
  SELECT g.unit_code, g.grain, r.qualifier_rank, b.breakdown,
         TRUNC(r.filed_on, 'MM') AS filed_month,
         -- GREATEST skips nulls: a case still on file must keep a null month.
         IF(r.left_on IS NULL, NULL, TRUNC(GREATEST(r.filed_on, r.left_on), 'MM')) AS left_month,
         IF(r.status = 'lifted_out', TRUNC(r.lifted_out_on, 'MM'), NULL) AS lifted_month,
         IF(r.status = 'closed', TRUNC(r.closed_on, 'MM'), NULL) AS closed_month
  FROM (SELECT *, LEAST(IF(status = 'lifted_out', lifted_out_on, NULL), closed_on) AS left_on
        FROM hardship_register) r
  JOIN org_grain g ON g.org_code = r.org_code
  LATERAL VIEW EXPLODE(IF(g.grain = 'region', ARRAY('', CONCAT('cause=', r.cause)), ARRAY(''))) b AS breakdown
  WHERE r.filed_on IS NOT NULL),
monthly AS (
  SELECT unit_code, grain, breakdown, month, SUM(filed) AS filed, SUM(left_) AS left_, SUM(lifted) AS lifted,
         SUM(closed) AS closed, CAST(0 AS DOUBLE) AS adjust, CAST(0 AS DOUBLE) AS correction,
         MAX(qualifier_rank) AS qualifier_rank
  FROM cases
  LATERAL VIEW INLINE(ARRAY(
    NAMED_STRUCT('month', filed_month, 'filed', 1, 'left_', 0, 'lifted', 0, 'closed', 0),
    NAMED_STRUCT('month', left_month, 'filed', 0, 'left_', 1, 'lifted', 0, 'closed', 0),
    NAMED_STRUCT('month', lifted_month, 'filed', 0, 'left_', 0, 'lifted', 1, 'closed', 0),
    NAMED_STRUCT('month', closed_month, 'filed', 0, 'left_', 0, 'lifted', 0, 'closed', 1))) m
  WHERE month IS NOT NULL
  GROUP BY unit_code, grain, breakdown, month
  UNION ALL
  SELECT g.unit_code, g.grain, '', b.adjustment_month, 0, 0, 0, 0, SUM(b.adjustment), SUM(COALESCE(b.difference, 0)),
         MAX(b.qualifier_rank)
  FROM balance_checks b JOIN org_grain g ON g.org_code = b.org_code
  WHERE b.balance_type = 'hardship_on_file'
  GROUP BY g.unit_code, g.grain, b.adjustment_month),
counts AS (
  SELECT g.unit_code, c.period, g.grain, g.breakdown, MAX(g.qualifier_rank) AS qualifier_rank,
         SUM(IF(g.month < c.start_date, g.filed - g.left_ + g.adjust, 0)) AS on_file_start,
         SUM(IF(g.month >= c.start_date, g.filed, 0)) AS newly_filed,
         SUM(IF(g.month >= c.start_date, g.lifted, 0)) AS lifted_out,
         SUM(IF(g.month >= c.start_date, g.closed, 0)) AS closed,
         SUM(IF(g.month >= c.start_date, g.correction, 0)) AS balance_correction,
         SUM(g.filed - g.left_ + g.adjust) AS on_file_end
  FROM monthly g JOIN calendar c ON g.month <= c.end_date
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, c.period, g.grain, g.breakdown),
assistance AS (
  SELECT g.unit_code, g.grain, c.period, b.breakdown, SUM(CAST(h.assistance_cny AS DOUBLE)) AS assistance_cny,
         MAX(${qualifier_rank}) AS qualifier_rank
  FROM hardship_cases h
  JOIN org_grain g ON g.org_code = h.org_code
  JOIN calendar p ON p.period = h.period
  JOIN calendar c ON p.start_date >= c.start_date AND p.end_date <= c.end_date
  LATERAL VIEW EXPLODE(IF(g.grain = 'region', ARRAY('', CONCAT('cause=', COALESCE(h.cause, 'other'))), ARRAY('')))
    b AS breakdown
  WHERE h.assistance_cny IS NOT NULL AND ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period, b.breakdown),
lift_outs AS (
  SELECT g.unit_code, g.grain, c.period, DATEDIFF(r.lifted_out_on, r.filed_on) AS days, r.qualifier_rank
  FROM hardship_register r
  JOIN org_grain g ON g.org_code = r.org_code
  JOIN calendar c ON r.lifted_out_on BETWEEN c.start_date AND c.end_date
  WHERE r.status = 'lifted_out' AND r.filed_on IS NOT NULL AND ${period_at_grain})
SELECT unit_code AS org_code, grain, period, breakdown, measure, CAST(value AS DOUBLE) AS value,
       CAST(NULL AS STRING) AS distinct_key, qualifier_rank
FROM counts
LATERAL VIEW STACK(6, 'on_file_start', CAST(on_file_start AS DOUBLE), 'newly_filed', CAST(newly_filed AS DOUBLE),
                   'lifted_out', CAST(lifted_out AS DOUBLE), 'closed', CAST(closed AS DOUBLE),
                   'on_file_end', CAST(on_file_end AS DOUBLE), 'on_file_correction', CAST(balance_correction AS DOUBLE))
  s AS measure, value
UNION ALL
SELECT unit_code, grain, period, breakdown, 'assistance_cny', assistance_cny, NULL, qualifier_rank FROM assistance
UNION ALL
SELECT unit_code, grain, period, '', 'days_to_lift_out', CAST(days AS DOUBLE), NULL, qualifier_rank FROM lift_outs
