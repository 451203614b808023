-- Membership base measures per unit and period (see MembershipMeasures): flows by event date, the member stock as a
-- running sum of monthly deltas anchored on the reported balances (balance_checks: each balance adds one adjustment
-- delta), unions established and workforce from the latest org_units declaration.
WITH events AS (
  SELECT g.unit_code, g.grain, TRUNC(e.event_date, 'MM') AS month,
         SUM(IF(e.event_type = 'join', 1, 0)) AS joined,
         SUM(IF(e.event_type IN ('leave', 'transfer_out'), 1, 0)) AS left_,
         SUM(IF(e.event_type = 'transfer_in', 1, 0)) AS transferred_in,
         SUM(IF(e.event_type = 'join' AND e.worker_category = 'new_form', 1, 0)) AS new_form_joined,
         -- The stock moves up with every join and transfer in, down with every leave and transfer out.
         SUM(IF(e.event_type IN ('join', 'transfer_in'), 1, -1)) AS delta,
         CAST(0 AS DOUBLE) AS correction, 0 AS qualifier_rank
  FROM member_events e JOIN org_grain g ON g.org_code = e.org_code
  GROUP BY g.unit_code, g.grain, TRUNC(e.event_date, 'MM')),
adjustments AS (
  -- A first balance sets the level (dated before every month); a later one corrects it from its month, and that
  -- correction is also reported as a measure of its own.
  SELECT g.unit_code, g.grain, b.adjustment_month AS month, 0 AS joined, 0 AS left_, 0 AS transferred_in,
         0 AS new_form_joined, SUM(b.adjustment) AS delta, SUM(COALESCE(b.difference, 0)) AS correction,
         MAX(b.qualifier_rank) AS qualifier_rank
  FROM balance_checks b JOIN org_grain g ON g.org_code = b.org_code
  WHERE b.balance_type = 'members'
  GROUP BY g.unit_code, g.grain, b.adjustment_month),
monthly AS (
  SELECT * FROM events UNION ALL SELECT * FROM adjustments),
flows AS (
  SELECT g.unit_code, g.grain, c.period, SUM(g.joined) AS joined, SUM(g.left_) AS left_,
         SUM(g.transferred_in) AS transferred_in, SUM(g.new_form_joined) AS new_form_joined,
         SUM(g.correction) AS balance_correction
  FROM monthly g JOIN calendar c ON g.month BETWEEN c.start_date AND c.end_date
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period),
stocks AS (
  SELECT g.unit_code, g.grain, c.period,
         SUM(IF(g.month < c.start_date, g.delta, 0)) AS members_start, SUM(g.delta) AS members_end,
         MAX(g.qualifier_rank) AS qualifier_rank
  FROM monthly g JOIN calendar c ON g.month <= c.end_date
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period),
orgs AS (
  SELECT g.unit_code, g.grain, o.org_code, o.established_on, o.workforce
  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY org_code ORDER BY period DESC, submitter) AS rn FROM org_units) o
  JOIN org_grain g ON g.org_code = o.org_code
  WHERE o.rn = 1)
SELECT unit_code AS org_code, grain, period, '' AS breakdown, measure, CAST(value AS DOUBLE) AS value,
       CAST(NULL AS STRING) AS distinct_key, 0 AS qualifier_rank
FROM flows
LATERAL VIEW STACK(5, 'joined', CAST(joined AS DOUBLE), 'left', CAST(left_ AS DOUBLE),
                   'transferred_in', CAST(transferred_in AS DOUBLE), 'new_form_joined', CAST(new_form_joined AS DOUBLE),
                   'balance_correction', CAST(balance_correction AS DOUBLE)) s AS measure, value
UNION ALL
SELECT unit_code, grain, period, '', measure, CAST(value AS DOUBLE), NULL, qualifier_rank
FROM stocks
LATERAL VIEW STACK(2, 'members_start', CAST(members_start AS DOUBLE), 'members_end', CAST(members_end AS DOUBLE))
  s AS measure, value
UNION ALL
SELECT g.unit_code, g.grain, c.period, '', 'unions_established', NULL, g.org_code, 0
FROM orgs g JOIN calendar c ON g.established_on BETWEEN c.start_date AND c.end_date
WHERE ${period_at_grain}
UNION ALL
SELECT g.unit_code, g.grain, c.period, '', 'workforce', SUM(CAST(g.workforce AS DOUBLE)), NULL, 0
FROM orgs g JOIN calendar c ON g.established_on IS NULL OR g.established_on <= c.end_date
WHERE g.workforce IS NOT NULL AND ${period_at_grain}
GROUP BY g.unit_code, g.grain, c.period
