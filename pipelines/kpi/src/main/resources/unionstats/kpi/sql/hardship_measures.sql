-- Hardship base measures per unit and period (see HardshipMeasures): the caseload as running sums of monthly case
-- counts from the register anchored on the reported on-file balances (balance_checks: each balance adds one adjustment
-- to the totals; the breakdown by cause counts the register's cases only), assistance from every period's records,
-- days to lift out per case. Cases are counted per unit, cause and month, then mapped to the periods containing the
-- month by an equi-join on period_months; assistance per submission period, then summed over the periods enclosing it.
-- By cause, a case inside a union's first on-file balance (filed by the balance's month) and first listed by a later
-- submission is known from that submission's period on: it counts in the periods ending on or after that period's
-- start, from its filing as every case does, and in none before; its own series (known_from) keeps those periods apart.
-- Placeholders: qualifier_rank, the rank of a record's qualifier; period_at_grain, the condition on a grain g and a
-- period c that gives basic unions no months.
WITH anchors AS (
  SELECT org_code, TRUNC(MIN(as_of), 'MM') AS anchor_month
  FROM balance_checks WHERE balance_type = 'hardship_on_file'
  GROUP BY org_code),
cases AS (
  SELECT g.unit_code, g.grain, r.qualifier_rank, b.breakdown,
         IF(b.breakdown <> '' AND TRUNC(r.filed_on, 'MM') <= a.anchor_month AND r.listed_on > a.anchor_month,
            r.listed_on, NULL) AS known_from,
         TRUNC(r.filed_on, 'MM') AS filed_month,
         -- GREATEST skips nulls: a case still on file must keep a null month.
         IF(r.left_on IS NULL, NULL, TRUNC(GREATEST(r.filed_on, r.left_on), 'MM')) AS left_month,
         IF(r.status = 'lifted_out', TRUNC(r.lifted_out_on, 'MM'), NULL) AS lifted_month,
         IF(r.status = 'closed', TRUNC(r.closed_on, 'MM'), NULL) AS closed_month
  FROM (SELECT *, LEAST(IF(status = 'lifted_out', lifted_out_on, NULL), closed_on) AS left_on
        FROM hardship_register) r
  JOIN org_grain g ON g.org_code = r.org_code
  LEFT JOIN anchors a ON a.org_code = r.org_code
  LATERAL VIEW EXPLODE(IF(g.grain = 'region', ARRAY('', CONCAT('cause=', r.cause)), ARRAY(''))) b AS breakdown
  WHERE r.filed_on IS NOT NULL),
monthly AS (
  SELECT unit_code, grain, breakdown, known_from, month, SUM(filed) AS filed, SUM(left_) AS left_, SUM(lifted) AS lifted,
         SUM(closed) AS closed, CAST(0 AS DOUBLE) AS adjust, CAST(0 AS DOUBLE) AS correction,
         MAX(qualifier_rank) AS qualifier_rank
  FROM cases
  LATERAL VIEW INLINE(ARRAY(
    NAMED_STRUCT('month', filed_month, 'filed', 1, 'left_', 0, 'lifted', 0, 'closed', 0),
    NAMED_STRUCT('month', left_month, 'filed', 0, 'left_', 1, 'lifted', 0, 'closed', 0),
    NAMED_STRUCT('month', lifted_month, 'filed', 0, 'left_', 0, 'lifted', 1, 'closed', 0),
    NAMED_STRUCT('month', closed_month, 'filed', 0, 'left_', 0, 'lifted', 0, 'closed', 1))) m
  WHERE month IS NOT NULL
  GROUP BY unit_code, grain, breakdown, known_from, month
  UNION ALL
  SELECT g.unit_code, g.grain, '', CAST(NULL AS DATE), b.adjustment_month, 0, 0, 0, 0, SUM(b.adjustment),
         SUM(COALESCE(b.difference, 0)), MAX(b.qualifier_rank)
  FROM balance_checks b JOIN org_grain g ON g.org_code = b.org_code
  WHERE b.balance_type = 'hardship_on_file'
  GROUP BY g.unit_code, g.grain, b.adjustment_month),
running AS (
  -- Each caseload after every month with deltas (those dated before the calendar, such as first balances and cases
  -- filed earlier, included), and the next such month: the level holds until then.
  SELECT *, SUM(delta) OVER w AS on_file, MAX(qualifier_rank) OVER w AS rank_to_date,
         LEAD(month) OVER (PARTITION BY unit_code, grain, breakdown, known_from ORDER BY month) AS next_month
  FROM (SELECT unit_code, grain, breakdown, known_from, month, SUM(filed) AS filed, SUM(lifted) AS lifted,
               SUM(closed) AS closed, SUM(correction) AS correction, SUM(filed - left_ + adjust) AS delta,
               MAX(qualifier_rank) AS qualifier_rank
        FROM monthly GROUP BY unit_code, grain, breakdown, known_from, month)
  WINDOW w AS (PARTITION BY unit_code, grain, breakdown, known_from ORDER BY month ROWS UNBOUNDED PRECEDING)),
grid AS (
  -- The dense unit × month grid: every month of the calendar from a caseload's first delta on (it exists from then),
  -- each taken from the latest month with deltas at or before it: the level carries over, the month's counts do not.
  SELECT r.unit_code, r.grain, r.breakdown, r.known_from, m.month, r.on_file, r.rank_to_date,
         r.on_file - IF(m.month = r.month, r.delta, 0) AS on_file_before, IF(m.month = r.month, r.filed, 0) AS filed,
         IF(m.month = r.month, r.lifted, 0) AS lifted, IF(m.month = r.month, r.closed, 0) AS closed,
         IF(m.month = r.month, r.correction, 0) AS correction
  FROM running r
  JOIN (SELECT DISTINCT month FROM period_months) m
    ON m.month >= r.month AND (m.month < r.next_month OR r.next_month IS NULL)),
counts AS (
  -- On file at a period's start: before its first month (0 when the caseload starts later in the period); at its end:
  -- after its last month; each summed over the series known by the period's end. Every measure takes the weakest
  -- qualifier up to the period's end.
  SELECT g.unit_code, c.period, g.grain, g.breakdown, MAX(IF(c.last_month, g.rank_to_date, NULL)) AS qualifier_rank,
         COALESCE(SUM(IF(c.first_month, g.on_file_before, NULL)), 0) AS on_file_start,
         SUM(g.filed) AS newly_filed, SUM(g.lifted) AS lifted_out, SUM(g.closed) AS closed,
         SUM(g.correction) AS balance_correction, SUM(IF(c.last_month, g.on_file, NULL)) AS on_file_end
  FROM grid g JOIN period_months c ON c.month = g.month
  JOIN calendar p ON p.period = c.period
  WHERE ${period_at_grain} AND (g.known_from IS NULL OR g.known_from <= p.end_date)
  GROUP BY g.unit_code, c.period, g.grain, g.breakdown),
submitted_assistance AS (
  SELECT g.unit_code, g.grain, h.period AS submission_period, b.breakdown, SUM(h.assistance_cny) AS assistance_cny,
         MAX(${qualifier_rank}) AS qualifier_rank
  FROM hardship_cases h
  JOIN org_grain g ON g.org_code = h.org_code
  LATERAL VIEW EXPLODE(IF(g.grain = 'region', ARRAY('', CONCAT('cause=', COALESCE(h.cause, 'other'))), ARRAY('')))
    b AS breakdown
  WHERE h.assistance_cny IS NOT NULL
  GROUP BY g.unit_code, g.grain, h.period, b.breakdown),
enclosing AS (
  -- Each submission period with every computed period enclosing it (the calendar against itself: a small frame).
  SELECT p.period AS submission_period, c.period, c.period_type
  FROM calendar p JOIN calendar c ON p.start_date >= c.start_date AND p.end_date <= c.end_date
  WHERE c.period IN (SELECT period FROM period_months)),
assistance AS (
  SELECT g.unit_code, g.grain, c.period, g.breakdown, CAST(SUM(g.assistance_cny) AS DOUBLE) AS assistance_cny,
         MAX(g.qualifier_rank) AS qualifier_rank
  FROM submitted_assistance g JOIN enclosing c ON c.submission_period = g.submission_period
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period, g.breakdown),
lift_outs AS (
  SELECT g.unit_code, g.grain, c.period, DATEDIFF(r.lifted_out_on, r.filed_on) AS days, r.qualifier_rank
  FROM hardship_register r
  JOIN org_grain g ON g.org_code = r.org_code
  JOIN period_months c ON c.month = TRUNC(r.lifted_out_on, 'MM')
  WHERE r.status = 'lifted_out' AND r.filed_on IS NOT NULL AND ${period_at_grain})
-- The additive measures as columns (see MeasureFamily): the caseload's per unit, period and breakdown, assistance's
-- in rows of their own; days to lift out as one observation per case (a median).
SELECT unit_code AS org_code, grain, period, breakdown, CAST(NULL AS STRING) AS measure, CAST(NULL AS DOUBLE) AS value,
       CAST(NULL AS STRING) AS distinct_key, CAST(NULL AS INT) AS qualifier_rank,
       CAST(on_file_start AS DOUBLE) AS m_on_file_start, qualifier_rank AS mq_on_file_start,
       CAST(newly_filed AS DOUBLE) AS m_newly_filed, qualifier_rank AS mq_newly_filed,
       CAST(lifted_out AS DOUBLE) AS m_lifted_out, qualifier_rank AS mq_lifted_out,
       CAST(closed AS DOUBLE) AS m_closed, qualifier_rank AS mq_closed,
       CAST(on_file_end AS DOUBLE) AS m_on_file_end, qualifier_rank AS mq_on_file_end,
       CAST(balance_correction AS DOUBLE) AS m_on_file_correction, qualifier_rank AS mq_on_file_correction,
       CAST(NULL AS DOUBLE) AS m_assistance_cny, CAST(NULL AS INT) AS mq_assistance_cny
FROM counts
UNION ALL
SELECT unit_code, grain, period, breakdown, NULL, NULL, NULL, NULL,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, assistance_cny, qualifier_rank
FROM assistance
UNION ALL
SELECT unit_code, grain, period, '', 'days_to_lift_out', CAST(days AS DOUBLE), NULL, qualifier_rank,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM lift_outs
