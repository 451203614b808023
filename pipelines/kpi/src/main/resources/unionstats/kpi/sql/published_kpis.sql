-- The KPI values of periods a run compares with but does not recompute (or recomputes some families of only), read
-- back from the published tables in the
-- wide frame's shape (see PublishedKpis): a row per org, period and breakdown with v_/n_/d_/q_<kpi> (value, numerator,
-- denominator, qualifier rank).
-- periods: the quoted periods;
-- regional_columns: ", MAX(IF(kpi_id = '<id>', value, NULL)) AS v_<id>", the same for numerator (n_) and denominator
-- (d_), ", MAX(IF(kpi_id = '<id>', <rank>, NULL)) AS q_<id>";
-- basic_columns: ", CAST(<id> AS DOUBLE) AS v_<id>", NULL n_ and d_, ", <rank of <id>_qualifier> AS q_<id>" (NULLs for a
-- column the published table does not have yet).
SELECT org_code, period, breakdown, org_level, period_type${regional_columns}
FROM kpi_values
WHERE period IN (${periods})
GROUP BY org_code, period, breakdown, org_level, period_type
UNION ALL
SELECT org_code, period, '' AS breakdown, 'basic' AS org_level, period_type${basic_columns}
FROM kpi_basic_unions
WHERE period IN (${periods})
