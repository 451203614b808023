-- Year-on-year KPIs (see KpiDerivation): the change of a source KPI's value on the same org and breakdown since the
-- calendar's year-ago period, as a share of the year-ago value. Every year-on-year KPI of one dependency level at once,
-- from one narrow frame of the year-ago values shifted to the period a year later. year_ago_sources: the source KPIs'
-- v_/q_ columns of the periods computed in this run and of those read back from the published tables.
-- Placeholders (per KPI and source):
--   source_columns: ", s.v_<source> AS ya_v_<source>, s.q_<source> AS ya_q_<source>";
--   yoy_columns: the v_/n_/d_/q_<kpi> columns computed from w.v_<source> and p.ya_v_<source>;
--   year_ago_hint: "/*+ BROADCAST(p) */" where the year-ago values are few enough to broadcast, else nothing.
WITH year_ago AS (
  SELECT /*+ BROADCAST(c) */ s.org_code, s.breakdown, c.period${source_columns}
  FROM year_ago_sources s JOIN calendar c ON c.year_ago_period = s.period)
SELECT ${year_ago_hint} w.*${yoy_columns}
FROM kpi_wide w
LEFT JOIN year_ago p ON p.org_code = w.org_code AND p.period = w.period AND p.breakdown = w.breakdown
