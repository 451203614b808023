-- Basic-level unions (codes like 130306-0001) as org_units last declared them: the latest period, then the first submitter.
SELECT org_code, name, level, parent_org_code, region_code FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY org_code ORDER BY period DESC, submitter) AS rn FROM org_units)
WHERE rn = 1 AND org_code LIKE '%-%'
