-- KPI values in long form, like kpi_values: one row per org of dim_orgs, period of the calendar, breakdown and KPI
-- with a value. ${input}: the last derivation step; ${value_columns}: "v_<id>" for every KPI of the catalogue;
-- ${broken_down}: '<id>:<dimension>' for every KPI the catalogue breaks down (a breakdown row carries those only).
SELECT k.org_code, k.period, substr(k.kpi_id, 3) AS kpi_id, k.breakdown, k.value
FROM (SELECT org_code, period, breakdown, ${value_columns} FROM ${input})
  UNPIVOT (value FOR kpi_id IN (${value_columns})) k
JOIN dim_orgs o ON o.org_code = k.org_code
JOIN calendar c ON c.period = k.period
WHERE k.value IS NOT NULL
  AND (k.breakdown = '' OR substr(k.kpi_id, 3) || ':' || split_part(k.breakdown, '=', 1) IN (${broken_down}))
ORDER BY k.period, k.org_code, kpi_id, k.breakdown
