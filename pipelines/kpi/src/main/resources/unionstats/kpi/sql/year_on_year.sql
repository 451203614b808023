-- A year-on-year KPI (see KpiDerivation): the change of the source KPI's value on the same org, breakdown and the
-- calendar's year-ago period, as a share of the year-ago value. Adds v_/n_/d_/q_ columns of kpi to kpi_wide's.
SELECT w.*,
       IF(p.v > 0, (w.v_${source} - p.v) / p.v, NULL) AS v_${kpi},
       w.v_${source} - p.v AS n_${kpi},
       p.v AS d_${kpi},
       GREATEST(COALESCE(w.q_${source}, 0), COALESCE(p.q, 0)) AS q_${kpi}
FROM kpi_wide w
JOIN calendar c ON c.period = w.period
LEFT JOIN (SELECT org_code, period, breakdown, v_${source} AS v, q_${source} AS q FROM kpi_wide) p
  ON p.org_code = w.org_code AND p.period = c.year_ago_period AND p.breakdown = w.breakdown
