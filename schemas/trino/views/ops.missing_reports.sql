SELECT r.period,
       o.province_code,
       o.province_name,
       o.city_code,
       o.city_name,
       r.org_code AS county_code,
       o.org_name AS county_name,
       o.is_functional_zone,
       r.record_type,
       CASE r.record_type
         WHEN 'member_events' THEN '会员变动'
         WHEN 'hardship_cases' THEN '困难职工家庭档案'
         WHEN 'indicator_reports' THEN '工作指标报表'
         ELSE r.record_type
       END AS record_type_zh,
       CASE WHEN r.received < r.expected THEN 'missing' ELSE 'late' END AS status,
       CASE WHEN r.received < r.expected THEN '未报送' ELSE '逾期报送' END AS status_zh
FROM unionstats.ops.reporting_completeness r
JOIN unionstats.warehouse.dim_orgs o ON o.org_code = r.org_code
WHERE r.org_level = 'county'
  AND r.period_type = 'quarter'
  AND r.record_type <> 'all'
  AND r.on_time < r.expected
