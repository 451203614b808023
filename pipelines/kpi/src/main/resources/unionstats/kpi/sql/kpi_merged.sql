-- The KPIs of the periods a run recomputes some families alone in (see RecomputedFamilies): one row per org, period
-- and breakdown of either side, each KPI column from the recomputed row where its family was recomputed in that
-- period, else from the published row. A key left with no value (a case gone from the register) drops out of every
-- table, as in a full run.
-- merged_columns: ", IF(COALESCE(c.period, p.period) IN (<periods>), c.<column>, p.<column>) AS <column>" per column,
-- the periods those its family was recomputed alone in (", p.<column> AS <column>" for a family recomputed in none).
SELECT COALESCE(c.org_code, p.org_code) AS org_code, COALESCE(c.period, p.period) AS period,
       COALESCE(c.breakdown, p.breakdown) AS breakdown${merged_columns}
FROM kpis_recomputed c
FULL OUTER JOIN kpis_published p ON p.org_code = c.org_code AND p.period = c.period AND p.breakdown = c.breakdown
