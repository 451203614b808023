-- Reported balances checked against the flows (see ReportedBalances). One row per org, balance type and month-end:
-- the balance as reported, the balance the earlier one plus the flows between would give, their difference, and the
-- adjustment the stocks take from it. A stock is a running sum of monthly deltas; each balance adds one more delta:
--   the first balance of an org: reported − flows up to its month, dated before every month (the flows then carry
--     the stock forward from it, and back from it to the months before it);
--   every later balance: reported − (previous balance + flows between), dated in its month, so from that month on
--     the stock equals the reported figure; this difference is also a data-quality finding (BALANCE_MISMATCH).
-- The flows up to a balance are a running sum over the org's months, picked at the balance's month.
-- Placeholder: qualifier_rank, the rank of a record's qualifier.
WITH reported AS (
  -- One figure per org, type and date: the one from the latest submission period that reported it.
  SELECT org_code, balance_type, as_of, CAST(value AS DOUBLE) AS value, qualifier_rank
  FROM (
    SELECT b.org_code, b.balance_type, b.as_of, b.value, ${qualifier_rank} AS qualifier_rank,
           ROW_NUMBER() OVER (PARTITION BY b.org_code, b.balance_type, b.as_of ORDER BY p.end_date DESC, b.submitter) AS rn
    FROM balances b JOIN calendar p ON p.period = b.period
    WHERE b.value IS NOT NULL AND b.as_of IS NOT NULL)
  WHERE rn = 1),
deltas AS (
  SELECT 'members' AS balance_type, e.org_code, TRUNC(e.event_date, 'MM') AS month,
         SUM(IF(e.event_type IN ('join', 'transfer_in'), 1, -1)) AS delta
  FROM member_events e
  LEFT SEMI JOIN reported r ON r.org_code = e.org_code AND r.balance_type = 'members'
  GROUP BY e.org_code, TRUNC(e.event_date, 'MM')
  UNION ALL
  SELECT 'hardship_on_file', c.org_code, c.month, SUM(c.delta)
  FROM (
    SELECT h.org_code, TRUNC(h.filed_on, 'MM') AS month, 1 AS delta
    FROM hardship_register h WHERE h.filed_on IS NOT NULL
    UNION ALL
    -- Leaving the register: lifted out or closed, whichever came first, never before filing (as hardship_measures).
    SELECT h.org_code, TRUNC(GREATEST(h.filed_on, h.left_on), 'MM'), -1
    FROM (SELECT *, LEAST(IF(status = 'lifted_out', lifted_out_on, NULL), closed_on) AS left_on FROM hardship_register) h
    WHERE h.filed_on IS NOT NULL AND h.left_on IS NOT NULL) c
  LEFT SEMI JOIN reported r ON r.org_code = c.org_code AND r.balance_type = 'hardship_on_file'
  GROUP BY c.org_code, c.month),
running AS (
  -- The flows up to the end of each month with deltas or a balance (a balance's month may have no flows).
  SELECT org_code, balance_type, month,
         SUM(SUM(delta)) OVER (PARTITION BY org_code, balance_type ORDER BY month ROWS UNBOUNDED PRECEDING) AS flows_to
  FROM (SELECT org_code, balance_type, month, delta FROM deltas
        UNION ALL
        SELECT org_code, balance_type, TRUNC(as_of, 'MM'), 0 FROM reported)
  GROUP BY org_code, balance_type, month),
with_flows AS (
  -- Flows are dated by month, so a balance as at any day of a month follows all of that month's.
  SELECT r.*, CAST(f.flows_to AS DOUBLE) AS flows_to
  FROM reported r
  JOIN running f ON f.org_code = r.org_code AND f.balance_type = r.balance_type AND f.month = TRUNC(r.as_of, 'MM')),
sequenced AS (
  SELECT *, LAG(as_of) OVER w AS previous_as_of, LAG(value) OVER w AS previous_value,
         LAG(flows_to) OVER w AS previous_flows_to
  FROM with_flows
  WINDOW w AS (PARTITION BY org_code, balance_type ORDER BY as_of))
SELECT org_code, balance_type, as_of, value AS reported, previous_as_of, previous_value,
       flows_to - previous_flows_to AS flows_between,
       previous_value + flows_to - previous_flows_to AS expected,
       value - (previous_value + flows_to - previous_flows_to) AS difference,
       IF(previous_as_of IS NULL, value - flows_to, value - (previous_value + flows_to - previous_flows_to)) AS adjustment,
       IF(previous_as_of IS NULL, DATE '1900-01-01', TRUNC(as_of, 'MM')) AS adjustment_month,
       qualifier_rank
FROM sequenced
