-- Membership base measures per unit and period (as membership_measures.sql of the KPI job): flows by event date,
-- the member stock as a running sum of monthly deltas anchored on the reported balances, unions established and
-- unions established from the latest org_units declaration, workforce as each declaration gave it. ${period_at_grain}:
-- basic-level unions get no months.
WITH events AS (
  SELECT g.unit_code, g.grain, CAST(date_trunc('month', e.event_date) AS DATE) AS month,
         SUM(IF(e.event_type = 'join', 1, 0)) AS joined,
         SUM(IF(e.event_type IN ('leave', 'transfer_out'), 1, 0)) AS left_,
         SUM(IF(e.event_type = 'transfer_in', 1, 0)) AS transferred_in,
         SUM(IF(e.event_type = 'join' AND e.worker_category = 'new_form', 1, 0)) AS new_form_joined,
         SUM(IF(e.event_type IN ('join', 'transfer_in'), 1, -1)) AS delta,
         CAST(0 AS DOUBLE) AS correction
  FROM member_events e JOIN org_grain g ON g.org_code = e.org_code
  GROUP BY ALL),
adjustments AS (
  SELECT g.unit_code, g.grain, b.adjustment_month AS month, 0 AS joined, 0 AS left_, 0 AS transferred_in,
         0 AS new_form_joined, SUM(b.adjustment) AS delta, SUM(COALESCE(b.difference, 0)) AS correction
  FROM balance_checks b JOIN org_grain g ON g.org_code = b.org_code
  WHERE b.balance_type = 'members'
  GROUP BY ALL),
monthly AS (
  SELECT * FROM events UNION ALL SELECT * FROM adjustments),
flows AS (
  SELECT g.unit_code, g.grain, c.period, CAST(SUM(g.joined) AS DOUBLE) AS "joined", CAST(SUM(g.left_) AS DOUBLE) AS "left",
         CAST(SUM(g.transferred_in) AS DOUBLE) AS "transferred_in", CAST(SUM(g.new_form_joined) AS DOUBLE) AS "new_form_joined",
         CAST(SUM(g.correction) AS DOUBLE) AS "balance_correction"
  FROM monthly g JOIN calendar c ON g.month BETWEEN c.start_date AND c.end_date
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period),
stocks AS (
  SELECT g.unit_code, g.grain, c.period,
         CAST(SUM(IF(g.month < c.start_date, g.delta, 0)) AS DOUBLE) AS "members_start",
         CAST(SUM(g.delta) AS DOUBLE) AS "members_end"
  FROM monthly g JOIN calendar c ON g.month <= c.end_date
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period),
orgs AS (
  SELECT g.unit_code, g.grain, o.org_code, o.established_on
  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY org_code ORDER BY period DESC, submitter) AS rn FROM org_units) o
  JOIN org_grain g ON g.org_code = o.org_code
  WHERE o.rn = 1),
declared AS (
  -- Each union's workforce as each submission period's declaration gives it (the first submitter's; one without a
  -- figure leaves the last one standing), with the start of the next declaration's period.
  SELECT org_code, k, start_date, workforce, LEAD(start_date) OVER (PARTITION BY org_code ORDER BY period) AS next_start
  FROM (SELECT o.org_code, o.period, p.start_date, o.workforce,
               ROW_NUMBER() OVER (PARTITION BY o.org_code ORDER BY o.period) AS k
        FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY org_code, period ORDER BY submitter) AS rn
              FROM org_units WHERE workforce IS NOT NULL) o
        JOIN calendar p ON p.period = o.period
        WHERE o.rn = 1))
SELECT unit_code AS org_code, grain, period, '' AS breakdown, measure, value, CAST(NULL AS VARCHAR) AS distinct_key
FROM flows UNPIVOT INCLUDE NULLS (value FOR measure IN ("joined", "left", "transferred_in", "new_form_joined", "balance_correction"))
UNION ALL
SELECT unit_code, grain, period, '', measure, value, NULL
FROM stocks UNPIVOT INCLUDE NULLS (value FOR measure IN ("members_start", "members_end"))
UNION ALL
SELECT g.unit_code, g.grain, c.period, '', 'unions_established', NULL, g.org_code
FROM orgs g JOIN calendar c ON g.established_on BETWEEN c.start_date AND c.end_date
WHERE ${period_at_grain}
UNION ALL
-- At a period's end: the unions founded by then, each with its latest declaration whose period began by then (its first
-- one's before that).
SELECT g.unit_code, g.grain, c.period, '', 'workforce', SUM(CAST(d.workforce AS DOUBLE)), NULL
FROM orgs g
JOIN declared d ON d.org_code = g.org_code
JOIN calendar c ON (g.established_on IS NULL OR g.established_on <= c.end_date)
  AND (d.k = 1 OR d.start_date <= c.end_date) AND (d.next_start IS NULL OR d.next_start > c.end_date)
WHERE ${period_at_grain}
GROUP BY g.unit_code, g.grain, c.period
