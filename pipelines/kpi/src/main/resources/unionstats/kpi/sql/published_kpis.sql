-- The KPI values of periods a run compares with but does not recompute (or recomputes some families of only), read
-- back from what earlier runs published, in the wide frame's shape (see PublishedKpis): a row per org, period and
-- breakdown with v_/n_/d_/q_<kpi> (value, numerator, denominator, qualifier rank).
-- periods: the quoted periods;
-- regional_columns: ", v_<id>, n_<id>, d_<id>, q_<id>" for every KPI (kpi_regional_wide.sql wrote them);
-- basic_columns: ", CAST(<id> AS DOUBLE) AS v_<id>", NULL n_ and d_, ", <rank of <id>_qualifier> AS q_<id>" (NULLs for a
-- column the published table does not have yet).
SELECT org_code, period, breakdown, org_level, period_type${regional_columns}
FROM kpi_regional_wide
WHERE period IN (${periods})
UNION ALL
SELECT org_code, period, '' AS breakdown, 'basic' AS org_level, period_type${basic_columns}
FROM kpi_basic_unions
WHERE period IN (${periods})
