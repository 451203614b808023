-- A year-on-year KPI (as year_on_year.sql of the KPI job): the change of the source KPI's value on the same org,
-- breakdown and the calendar's year-ago period, as a share of the year-ago value. Adds v_${kpi} to ${input}'s columns.
SELECT w.*, IF(p.v > 0, (w.v_${source} - p.v) / p.v, NULL) AS v_${kpi}
FROM ${input} w
JOIN calendar c ON c.period = w.period
LEFT JOIN (SELECT org_code, period, breakdown, v_${source} AS v FROM ${input}) p
  ON p.org_code = w.org_code AND p.period = c.year_ago_period AND p.breakdown = w.breakdown
