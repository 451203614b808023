-- The regional federations' KPIs of one family as kpi_values holds them, one wide row per org, period and breakdown
-- with a value of the family: what a later run reads back (published_kpis.sql) without pivoting kpi_values. Kept in
-- period=…/family=… partitions like kpi_values, so a family recomputed alone rewrites only its own; a family's files
-- hold its own KPIs' columns only, and the reader gives the others' as null.
-- family: the family, quoted; periods: the quoted periods it is written in;
-- kpi_columns: for every KPI of the family, ", IF(<kept>, v_<id>, NULL) AS v_<id>", the same for n_ and d_ where it
-- has them (a ratio, a change on a year earlier; the reader gives the others as null), and the
-- qualifier rank as kpi_values names it (0 without a qualifier) for q_, where <kept> is kpi_values' condition for a
-- KPI's row (a value, and on a breakdown row a KPI broken down by that dimension); any_kept: those conditions joined by OR.
SELECT org_code, period, breakdown, org_level, period_type${kpi_columns}, ${family} AS family
FROM kpi_wide
WHERE org_level <> 'basic' AND period IN (${periods}) AND (${any_kept})
