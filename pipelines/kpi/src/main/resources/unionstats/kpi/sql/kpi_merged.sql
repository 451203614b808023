-- The KPIs of the periods a run recomputes some families alone in (see RecomputedFamilies): one row per org, period
-- and breakdown, each KPI column from the recomputed rows where its family was recomputed in that period, else from
-- the published rows. A key left with no value (a case gone from the register) drops out of every table, as in a
-- full run.
-- columns: ", <column>" per column merged;
-- merged_columns: ", IF(period IN (<periods>), MAX(IF(is_recomputed, <column>, NULL)), MAX(IF(is_recomputed, NULL, <column>)))
-- AS <column>" per column, the periods those its family was recomputed alone in (no IF for a family recomputed in none).
SELECT org_code, period, breakdown${merged_columns}
FROM (SELECT TRUE AS is_recomputed, org_code, period, breakdown${columns} FROM kpis_recomputed
      UNION ALL
      SELECT FALSE, org_code, period, breakdown${columns} FROM kpis_published)
GROUP BY org_code, period, breakdown
