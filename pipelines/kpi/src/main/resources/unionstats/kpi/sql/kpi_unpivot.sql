-- KPI values in long form: one row per org, period, breakdown and KPI with a value, from the v_/n_/d_/q_ columns.
-- kpi_stack: "'<id>', v_<id>, n_<id>, d_<id>, q_<id>" for every KPI of the catalogue, kpi_count of them.
SELECT org_code, period, breakdown, kpi_id, value, numerator, denominator, qualifier_rank
FROM kpi_wide
LATERAL VIEW STACK(${kpi_count}, ${kpi_stack}) s AS kpi_id, value, numerator, denominator, qualifier_rank
WHERE value IS NOT NULL
