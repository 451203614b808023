-- Membership base measures per unit and period (see MembershipMeasures): flows by event date, the member stock as a
-- running sum of monthly deltas, unions established and workforce from the latest org_units declaration.
WITH monthly AS (
  SELECT g.unit_code, g.grain, TRUNC(e.event_date, 'MM') AS month,
         SUM(IF(e.event_type = 'join', 1, 0)) AS joined,
         SUM(IF(e.event_type IN ('leave', 'transfer_out'), 1, 0)) AS left_,
         SUM(IF(e.event_type = 'transfer_in', 1, 0)) AS transferred_in,
         SUM(IF(e.event_type = 'join' AND e.worker_category = 'new_form', 1, 0)) AS new_form_joined,
         -- The stock moves up with every join and transfer in, down with every leave and transfer out.
         SUM(IF(e.event_type IN ('join', 'transfer_in'), 1, -1)) AS delta
  FROM member_events e JOIN org_grain g ON g.org_code = e.org_code
  GROUP BY g.unit_code, g.grain, TRUNC(e.event_date, 'MM')),
flows AS (
  SELECT g.unit_code, g.grain, c.period, SUM(g.joined) AS joined, SUM(g.left_) AS left_,
         SUM(g.transferred_in) AS transferred_in, SUM(g.new_form_joined) AS new_form_joined
  FROM monthly g JOIN calendar c ON g.month BETWEEN c.start_date AND c.end_date
  WHERE ${period_at_grain}
  GROUP BY g.unit_code, g.grain, c.period),
stocks AS (
  SELECT g.unit_code, g.grain, c.period,
         SUM(IF(g.month < c.start_date, g.delta, 0)) AS members_start, SUM(g.delta) AS members_end
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
LATERAL VIEW STACK(4, 'joined', joined, 'left', left_, 'transferred_in', transferred_in,
                   'new_form_joined', new_form_joined) s AS measure, value
UNION ALL
SELECT unit_code, grain, period, '', measure, CAST(value AS DOUBLE), NULL, 0
FROM stocks
LATERAL VIEW STACK(2, 'members_start', members_start, 'members_end', members_end) s AS measure, value
UNION ALL
SELECT g.unit_code, g.grain, c.period, '', 'unions_established', NULL, g.org_code, 0
FROM orgs g JOIN calendar c ON g.established_on BETWEEN c.start_date AND c.end_date
WHERE ${period_at_grain}
UNION ALL
SELECT g.unit_code, g.grain, c.period, '', 'workforce', SUM(CAST(g.workforce AS DOUBLE)), NULL, 0
FROM orgs g JOIN calendar c ON g.established_on IS NULL OR g.established_on <= c.end_date
WHERE g.workforce IS NOT NULL AND ${period_at_grain}
GROUP BY g.unit_code, g.grain, c.period
