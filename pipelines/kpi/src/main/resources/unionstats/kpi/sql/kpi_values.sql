-- kpi_values: the KPIs of one family of the regional federations (county level and above) in long form, one row per
-- org, period, breakdown and KPI with a value, the qualifier by name, in the periods the run writes that family in
-- (its period=…/family=… partitions). Basic-level unions are in the family tables (compact form).
-- family: the family, quoted; periods: the quoted periods it is written in;
-- kpi_stack: "'<id>', v_<id>, n_<id>, d_<id>, q_<id>" for every KPI of the family, kpi_count of them (a typed NULL
-- for the numerator and denominator of a KPI without them);
-- broken_down: '<id>:<dimension>' for every KPI the catalogue breaks down (a breakdown row carries those only).
SELECT org_code, org_level, period_type, kpi_id, breakdown, value, numerator, denominator,
       CASE qualifier_rank WHEN 2 THEN 'nearly' WHEN 1 THEN 'over' ELSE 'exact' END AS qualifier, period, ${family} AS family
FROM kpi_wide
LATERAL VIEW STACK(${kpi_count}, ${kpi_stack}) s AS kpi_id, value, numerator, denominator, qualifier_rank
WHERE org_level <> 'basic' AND period IN (${periods}) AND value IS NOT NULL
  AND (breakdown = '' OR CONCAT(kpi_id, ':', SUBSTRING_INDEX(breakdown, '=', 1)) IN (${broken_down}))
