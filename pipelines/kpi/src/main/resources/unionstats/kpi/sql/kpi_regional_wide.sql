-- The regional federations' KPIs as kpi_values holds them, one wide row per org, period and breakdown: what a later
-- run reads back (published_kpis.sql) without pivoting kpi_values.
-- kpi_columns: ", IF(<kept>, v_<id>, NULL) AS v_<id>", the same for n_ and d_, and the qualifier rank as kpi_values
-- names it (0 without a qualifier) for q_, for every KPI; <kept> is kpi_values' condition for a KPI's row (a value,
-- and on a breakdown row a KPI broken down by that dimension); any_kept: the conditions joined by OR.
SELECT org_code, period, breakdown, org_level, period_type${kpi_columns}
FROM kpi_wide
WHERE org_level <> 'basic' AND (${any_kept})
