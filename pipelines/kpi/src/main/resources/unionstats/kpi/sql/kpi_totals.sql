-- The totals (no breakdown) of every org and period with any KPI value: one column per KPI (its value) and one per
-- KPI's qualifier by name (null without a value). The family tables, the basic-union table, the findings and the
-- scorecard read it. kpi_columns: ", v_<id> AS <id>" per KPI, then ", <q_<id> by name> AS <id>_qualifier" per KPI;
-- any_value: "COALESCE(v_<id>, ...)" over every KPI.
SELECT org_code, org_level, period_type${kpi_columns}, period
FROM kpi_wide
WHERE breakdown = '' AND ${any_value} IS NOT NULL
