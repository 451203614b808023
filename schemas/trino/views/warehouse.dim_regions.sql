SELECT org_code AS region_code,
       org_name AS region_name,
       org_level AS region_level,
       parent_code,
       province_code,
       province_name,
       city_code,
       city_name,
       county_code,
       county_name,
       path_name,
       is_functional_zone
FROM unionstats.warehouse.dim_orgs
WHERE org_level <> 'basic'
