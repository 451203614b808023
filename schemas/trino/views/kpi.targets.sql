SELECT t.period,
       t.period_type,
       t.org_code,
       o.org_name,
       t.org_level,
       o.province_name AS province,
       o.city_name AS city,
       o.county_name AS county,
       t.issuer_code,
       i.org_name AS issuer_name,
       t.kpi_id,
       k.name_zh AS kpi_name_zh,
       k.name_en AS kpi_name_en,
       t.target_period,
       t.target_period_type,
       t.unit,
       t.target_value,
       t.actual_value,
       t.attainment_pct,
       t.opening_value,
       t.expected_value,
       t.expected_pace_pct,
       t.on_pace
FROM unionstats.kpi.fact_targets t
JOIN unionstats.warehouse.dim_orgs o ON o.org_code = t.org_code
JOIN unionstats.warehouse.dim_orgs i ON i.org_code = t.issuer_code
JOIN unionstats.kpi.dim_kpis k ON k.kpi_id = t.kpi_id
