-- Reported balances checked against the flows: one row per org, balance type and month-end, with the adjustment the
-- stocks take from it (the first balance: reported − flows up to its month, dated before every month; a later one:
-- reported − (previous balance + flows between), dated in its month).
WITH reported AS (
  SELECT org_code, balance_type, as_of, CAST(value AS DOUBLE) AS value
  FROM (
    SELECT b.org_code, b.balance_type, b.as_of, b.value,
           ROW_NUMBER() OVER (PARTITION BY b.org_code, b.balance_type, b.as_of ORDER BY p.end_date DESC, b.submitter) AS rn
    FROM balances b JOIN calendar p ON p.period = b.period
    WHERE b.value IS NOT NULL AND b.as_of IS NOT NULL)
  WHERE rn = 1),
deltas AS (
  SELECT 'members' AS balance_type, e.org_code, CAST(date_trunc('month', e.event_date) AS DATE) AS month,
         SUM(IF(e.event_type IN ('join', 'transfer_in'), 1, -1)) AS delta
  FROM member_events e
  SEMI JOIN reported r ON r.org_code = e.org_code AND r.balance_type = 'members'
  GROUP BY ALL
  UNION ALL
  SELECT 'hardship_on_file', c.org_code, c.month, SUM(c.delta)
  FROM (
    SELECT h.org_code, CAST(date_trunc('month', h.filed_on) AS DATE) AS month, 1 AS delta
    FROM hardship_register h WHERE h.filed_on IS NOT NULL
    UNION ALL
    SELECT h.org_code, CAST(date_trunc('month', GREATEST(h.filed_on, h.left_on)) AS DATE), -1
    FROM (SELECT *, LEAST(IF(status = 'lifted_out', lifted_out_on, NULL), closed_on) AS left_on FROM hardship_register) h
    WHERE h.filed_on IS NOT NULL AND h.left_on IS NOT NULL) c
  SEMI JOIN reported r ON r.org_code = c.org_code AND r.balance_type = 'hardship_on_file'
  GROUP BY ALL),
with_flows AS (
  SELECT r.org_code, r.balance_type, r.as_of, r.value, CAST(COALESCE(SUM(d.delta), 0) AS DOUBLE) AS flows_to
  FROM reported r
  LEFT JOIN deltas d ON d.org_code = r.org_code AND d.balance_type = r.balance_type AND d.month <= r.as_of
  GROUP BY r.org_code, r.balance_type, r.as_of, r.value),
sequenced AS (
  SELECT *, LAG(as_of) OVER w AS previous_as_of, LAG(value) OVER w AS previous_value,
         LAG(flows_to) OVER w AS previous_flows_to
  FROM with_flows
  WINDOW w AS (PARTITION BY org_code, balance_type ORDER BY as_of))
SELECT org_code, balance_type, as_of,
       value - (previous_value + flows_to - previous_flows_to) AS difference,
       IF(previous_as_of IS NULL, value - flows_to, value - (previous_value + flows_to - previous_flows_to)) AS adjustment,
       IF(previous_as_of IS NULL, DATE '1900-01-01', CAST(date_trunc('month', as_of) AS DATE)) AS adjustment_month
FROM sequenced
