-- A family's wide table: one row per org and period, one column per KPI of the family (totals, not breakdowns).
-- kpi_columns: ", MAX(IF(kpi_id = '<id>', value, NULL)) AS <id>" for each KPI of the family.
SELECT org_code, org_level, period_type${kpi_columns}, period
FROM kpi_values
WHERE breakdown = ''
GROUP BY org_code, org_level, period_type, period
