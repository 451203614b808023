-- kpi_values: the derived KPI values with the org's level, the period's type and the weakest input qualifier by name.
SELECT k.org_code, o.org_level, c.period_type, k.kpi_id, k.breakdown, k.value, k.numerator, k.denominator,
       CASE k.qualifier_rank WHEN 2 THEN 'nearly' WHEN 1 THEN 'over' ELSE 'exact' END AS qualifier, k.period
FROM kpi_raw k
JOIN dim_orgs o ON o.org_code = k.org_code
JOIN calendar c ON c.period = k.period
WHERE k.value IS NOT NULL
