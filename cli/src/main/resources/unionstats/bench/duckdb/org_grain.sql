-- The units base measures are computed at (as OrgHierarchy.grains): every org at the region grain as itself, except
-- basic-level unions, which count at the basic grain as themselves and at the region grain as their nearest regional
-- federation (the closest ancestor of dim_orgs that is not a basic-level union).
SELECT org_code, org_code AS unit_code, 'region' AS grain FROM dim_orgs WHERE org_level <> 'basic'
UNION ALL
SELECT org_code, org_code, 'basic' FROM dim_orgs WHERE org_level = 'basic'
UNION ALL
SELECT o.org_code, arg_min(a.ancestor_code, a.depth), 'region'
FROM dim_orgs o
JOIN org_ancestors a ON a.org_code = o.org_code
JOIN dim_orgs r ON r.org_code = a.ancestor_code AND r.org_level <> 'basic'
WHERE o.org_level = 'basic'
GROUP BY o.org_code
