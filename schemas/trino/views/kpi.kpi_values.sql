SELECT v.org_code,
       o.org_name,
       v.org_level,
       o.province_name AS province,
       o.city_name AS city,
       o.county_name AS county,
       v.period,
       v.period_type,
       v.kpi_id,
       k.name_zh AS kpi_name_zh,
       k.name_en AS kpi_name_en,
       v.value,
       k.unit,
       v.qualifier
FROM unionstats.kpi.fact_kpi_values v
JOIN unionstats.warehouse.dim_orgs o ON o.org_code = v.org_code
JOIN unionstats.kpi.dim_kpis k ON k.kpi_id = v.kpi_id
WHERE v.breakdown = ''
UNION ALL
SELECT b.org_code,
       o.org_name,
       'basic' AS org_level,
       o.province_name AS province,
       o.city_name AS city,
       o.county_name AS county,
       b.period,
       b.period_type,
       b.kpi_id,
       k.name_zh AS kpi_name_zh,
       k.name_en AS kpi_name_en,
       b.value,
       k.unit,
       b.qualifier
FROM (
${basic_union_kpi_rows}
) b
JOIN unionstats.warehouse.dim_orgs o ON o.org_code = b.org_code
JOIN unionstats.kpi.dim_kpis k ON k.kpi_id = b.kpi_id
