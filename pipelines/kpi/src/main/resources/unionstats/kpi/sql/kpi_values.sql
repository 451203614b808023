-- kpi_values: the KPIs of the regional federations (county level and above) in long form, one row per org, period,
-- breakdown and KPI with a value, the qualifier by name. Basic-level unions are in the family tables (compact form).
-- kpi_stack: "'<id>', v_<id>, n_<id>, d_<id>, q_<id>" for every KPI of the catalogue, kpi_count of them;
-- broken_down: '<id>:<dimension>' for every KPI the catalogue breaks down (a breakdown row carries those only).
SELECT org_code, org_level, period_type, kpi_id, breakdown, value, numerator, denominator,
       CASE qualifier_rank WHEN 2 THEN 'nearly' WHEN 1 THEN 'over' ELSE 'exact' END AS qualifier, period
FROM kpi_wide
LATERAL VIEW STACK(${kpi_count}, ${kpi_stack}) s AS kpi_id, value, numerator, denominator, qualifier_rank
WHERE org_level <> 'basic' AND value IS NOT NULL
  AND (breakdown = '' OR CONCAT(kpi_id, ':', SUBSTRING_INDEX(breakdown, '=', 1)) IN (${broken_down}))
