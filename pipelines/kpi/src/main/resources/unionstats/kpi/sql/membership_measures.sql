-- Membership base measures per unit and period (see MembershipMeasures): flows by event date, the member stock as a
-- running sum of monthly deltas anchored on the reported balances (balance_checks: each balance adds one adjustment
-- delta), unions established from the latest org_units declaration, workforce as each declaration gave it. Everything
-- is counted per unit and month, then mapped to the periods containing the month by an equi-join on period_months.
-- Placeholder: period_at_grain, the condition on a grain g and a period c that gives basic unions no months.
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
orgs AS (
  SELECT g.unit_code, g.grain, o.org_code, o.established_on,
         COALESCE(TRUNC(o.established_on, 'MM'), DATE '1900-01-01') AS founding_month
  FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY org_code ORDER BY period DESC, submitter) AS rn FROM org_units) o
  JOIN org_grain g ON g.org_code = o.org_code
  WHERE o.rn = 1),
declared AS (
  -- Each union's workforce as each submission period's declaration gives it (the first submitter's; one without a
  -- figure leaves the last one standing), in time order, with the change on the one before.
  SELECT org_code, period, start_month, workforce,
         workforce - COALESCE(LAG(workforce) OVER (PARTITION BY org_code ORDER BY period), 0) AS change,
         ROW_NUMBER() OVER (PARTITION BY org_code ORDER BY period) AS k
  FROM (SELECT o.org_code, o.period, TRUNC(p.start_date, 'MM') AS start_month, CAST(o.workforce AS DOUBLE) AS workforce,
               ROW_NUMBER() OVER (PARTITION BY o.org_code, o.period ORDER BY o.submitter) AS rn
        FROM org_units o JOIN calendar p ON p.period = o.period
        WHERE o.workforce IS NOT NULL)
  WHERE rn = 1),
deltas AS (
  -- Both stocks as monthly deltas: members from events and balances; workforce as declared: a union's first figure
  -- from its founding month (one without a founding date before every month, as a first balance), each later one's
  -- change from its submission period's first month, so a new declaration leaves the periods before it as they were.
  -- The members' rows carry the month's flows. Distributed by unit once: every grouping and window below is by unit
  -- and more, so none of them moves rows again.
  SELECT /*+ REPARTITION(unit_code, grain) */ *
  FROM (SELECT unit_code, grain, 'members' AS stock, month, CAST(delta AS DOUBLE) AS delta, qualifier_rank, joined,
               left_, transferred_in, new_form_joined, correction
        FROM monthly
        UNION ALL
        SELECT g.unit_code, g.grain, 'workforce',
               IF(d.k = 1, g.founding_month, GREATEST(g.founding_month, d.start_month)), d.change, 0, NULL, NULL, NULL,
               NULL, NULL
        FROM orgs g JOIN declared d ON d.org_code = g.org_code)),
running AS (
  -- Each stock after every month with deltas (those dated before the calendar, such as first balances and unions
  -- founded earlier, included), and the next such month: the level holds until then.
  SELECT *, SUM(delta) OVER w AS level, MAX(qualifier_rank) OVER w AS rank_to_date,
         LEAD(month) OVER (PARTITION BY unit_code, grain, stock ORDER BY month) AS next_month
  FROM (SELECT unit_code, grain, stock, month, SUM(delta) AS delta, MAX(qualifier_rank) AS qualifier_rank,
               SUM(joined) AS joined, SUM(left_) AS left_, SUM(transferred_in) AS transferred_in,
               SUM(new_form_joined) AS new_form_joined, SUM(correction) AS correction
        FROM deltas GROUP BY unit_code, grain, stock, month)
  WINDOW w AS (PARTITION BY unit_code, grain, stock ORDER BY month ROWS UNBOUNDED PRECEDING)),
grid AS (
  -- The unit × month grid: every month that begins or ends a period computed, from a stock's first delta on (the
  -- stock exists from then), with the level before and after it, each month taken from the latest month with deltas at
  -- or before it. The months inside a period are not needed: its stocks are read at its bounds.
  SELECT r.unit_code, r.grain, r.stock, m.month, r.level - IF(m.month = r.month, r.delta, 0) AS level_before,
         r.level, r.rank_to_date
  FROM running r
  JOIN (SELECT DISTINCT month FROM period_months WHERE first_month OR last_month) m
    ON m.month >= r.month AND (m.month < r.next_month OR r.next_month IS NULL)),
period_rows AS (
  -- A period's flows from its months with members' deltas, its stocks from its bound months, side by side so that one
  -- grouping makes the unit's one row for the period.
  SELECT g.unit_code, g.grain, c.period, g.joined, g.left_, g.transferred_in, g.new_form_joined, g.correction,
         CAST(NULL AS STRING) AS stock, FALSE AS first_month, FALSE AS last_month, CAST(NULL AS DOUBLE) AS level_before,
         CAST(NULL AS DOUBLE) AS level, CAST(NULL AS INT) AS rank_to_date
  FROM running g JOIN period_months c ON c.month = g.month
  WHERE g.stock = 'members' AND ${period_at_grain}
  UNION ALL
  SELECT g.unit_code, g.grain, c.period, NULL, NULL, NULL, NULL, NULL, g.stock, c.first_month, c.last_month,
         g.level_before, g.level, g.rank_to_date
  FROM grid g JOIN period_months c ON c.month = g.month
  WHERE (c.first_month OR c.last_month) AND ${period_at_grain}),
by_period AS (
  -- Flows are null in a period without months of deltas. A stock is null in a period before its first delta; at a
  -- period's start it is the level before its first month (0 when the stock starts later in the period), at its end
  -- the level after its last month, with the weakest qualifier up to then.
  SELECT unit_code, grain, period, SUM(joined) AS joined, SUM(left_) AS left_, SUM(transferred_in) AS transferred_in,
         SUM(new_form_joined) AS new_form_joined, SUM(correction) AS balance_correction,
         MAX(IF(stock IS NULL, 0, NULL)) AS flows_rank,
         IF(MAX(stock = 'members'), COALESCE(MAX(IF(stock = 'members' AND first_month, level_before, NULL)), 0), NULL)
           AS members_start,
         MAX(IF(stock = 'members' AND last_month, level, NULL)) AS members_end,
         MAX(IF(stock = 'members' AND last_month, rank_to_date, NULL)) AS members_rank,
         MAX(IF(stock = 'workforce' AND last_month, level, NULL)) AS workforce,
         MAX(IF(stock = 'workforce' AND last_month, rank_to_date, NULL)) AS workforce_rank
  FROM period_rows
  GROUP BY unit_code, grain, period)
-- The additive measures as columns (see MeasureFamily): one row per unit and period, flows and stocks (workforce at
-- the end only; its qualifier rank is 0: unions carry none); unions established as one row per union founded (a
-- distinct count).
SELECT unit_code AS org_code, grain, period, '' AS breakdown, CAST(NULL AS STRING) AS measure,
       CAST(NULL AS DOUBLE) AS value, CAST(NULL AS STRING) AS distinct_key, CAST(NULL AS INT) AS qualifier_rank,
       CAST(joined AS DOUBLE) AS m_joined, flows_rank AS mq_joined, CAST(left_ AS DOUBLE) AS m_left,
       flows_rank AS mq_left, CAST(transferred_in AS DOUBLE) AS m_transferred_in, flows_rank AS mq_transferred_in,
       CAST(new_form_joined AS DOUBLE) AS m_new_form_joined, flows_rank AS mq_new_form_joined,
       CAST(balance_correction AS DOUBLE) AS m_balance_correction, flows_rank AS mq_balance_correction,
       CAST(members_start AS DOUBLE) AS m_members_start, members_rank AS mq_members_start,
       CAST(members_end AS DOUBLE) AS m_members_end, members_rank AS mq_members_end,
       CAST(workforce AS DOUBLE) AS m_workforce, workforce_rank AS mq_workforce
FROM by_period
UNION ALL
SELECT g.unit_code, g.grain, c.period, '', 'unions_established', NULL, g.org_code, 0,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM orgs g JOIN period_months c ON c.month = TRUNC(g.established_on, 'MM')
WHERE ${period_at_grain}
