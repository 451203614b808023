-- The KPI values of periods a run compares with but does not recompute (or recomputes some families of only), read
-- back from what earlier runs published, in the wide frame's shape (see PublishedKpis): a row per org, period and
-- breakdown with v_/q_<kpi> (value, qualifier rank) and, for a ratio or a change on a year earlier, n_/d_<kpi>
-- (numerator, denominator) of the KPIs read.
-- periods: the quoted periods;
-- regional_columns: ", v_<id>, n_<id>, d_<id>, q_<id>" for every KPI read (n_/d_ only where it has them) (kpi_regional_wide.sql wrote them, a row
-- per family); families: the quoted families of the KPIs read; with several, MAX(...) of each column and
-- regional_grouping "GROUP BY org_code, period, breakdown, org_level, period_type": an org's rows of the families made one;
-- basic_family_rows: per family table of the KPIs read, "SELECT org_code, period, period_type, <v_<id>, q_<id> for every
-- KPI read: the table's own KPIs cast, the qualifier ranked, NULL for the others> FROM kpi_<family> WHERE org_level =
-- 'basic' AND period IN (<periods>) <AND the unions read>", joined by UNION ALL;
-- basic_columns: ", v_<id>, NULL n_<id> and d_<id> where it has them, q_<id>" for every KPI read, with several family tables MAX(v_<id>)
-- and MAX(q_<id>) and basic_grouping "GROUP BY org_code, period, period_type": a union's rows of the families made one
-- (each KPI has a value in one family's row at most).
SELECT org_code, period, breakdown, org_level, period_type${regional_columns}
FROM kpi_regional_wide
WHERE period IN (${periods}) AND family IN (${families})
${regional_grouping}
UNION ALL
SELECT org_code, period, '' AS breakdown, 'basic' AS org_level, period_type${basic_columns}
FROM (
  ${basic_family_rows}
) f
${basic_grouping}
