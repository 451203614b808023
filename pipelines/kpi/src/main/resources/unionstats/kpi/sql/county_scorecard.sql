-- The county scorecard before the findings are counted (see CountyScorecard), from the KPI totals (kpi_totals: a column
-- per KPI). Placeholders: headline_kpis, VALUES rows (kpi_id, kpi_name_zh, better, kpi_order, unit); headline_kpi_count,
-- headline_kpi_stack: the headline KPIs as STACK arguments ("'<id>', <id>" each); min_ranked_for_bottom_quarter.
WITH headline AS (
  SELECT * FROM VALUES ${headline_kpis} AS h(kpi_id, kpi_name_zh, better, kpi_order, unit)),
counties AS (
  SELECT o.org_code AS county_code, o.org_name AS county_name,
         COALESCE(o.city_code, o.parent_code) AS city_code,
         COALESCE(o.city_name, p.org_name) AS city_name
  FROM dim_orgs o LEFT JOIN dim_orgs p ON p.org_code = COALESCE(o.city_code, o.parent_code)
  WHERE o.org_level = 'county'),
county_quarters AS (
  -- The counties' quarters only, before anything is unpivoted or joined: the totals hold every org and period, and
  -- the scorecard reads them three times (the quarter, the one before, a year earlier; all quarters). The counties
  -- broadcast: Spark cannot tell from dim_orgs joined with itself that they are a few thousand.
  SELECT /*+ BROADCAST(c) */ k.* FROM kpi_totals k LEFT SEMI JOIN counties c ON c.county_code = k.org_code
  WHERE k.period_type = 'quarter' AND k.org_level = 'county'),
cards AS (
  SELECT DISTINCT org_code AS county_code, period FROM county_quarters),
totals AS (
  SELECT org_code, period, kpi_id, value
  FROM county_quarters LATERAL VIEW STACK(${headline_kpi_count}, ${headline_kpi_stack}) s AS kpi_id, value),
base AS (
  SELECT c.city_code, c.city_name, c.county_code, c.county_name, h.kpi_id, h.kpi_name_zh, h.kpi_order, h.unit, h.better,
         cur.value, prev.value AS previous_value, ago.value AS year_ago_value, k.period,
         cur.value IS NOT NULL AND h.better IN ('up', 'down') AS ranked
  FROM cards k
  JOIN counties c ON c.county_code = k.county_code
  JOIN calendar cal ON cal.period = k.period
  CROSS JOIN headline h
  LEFT JOIN totals cur ON cur.org_code = k.county_code AND cur.period = k.period AND cur.kpi_id = h.kpi_id
  LEFT JOIN totals prev ON prev.org_code = k.county_code AND prev.period = cal.previous_period
    AND prev.kpi_id = h.kpi_id
  LEFT JOIN totals ago ON ago.org_code = k.county_code AND ago.period = cal.year_ago_period
    AND ago.kpi_id = h.kpi_id),
ranked AS (
  SELECT b.*,
         IF(ranked, RANK() OVER (PARTITION BY city_code, kpi_id, period, ranked
                                 ORDER BY IF(better = 'down', value, -value)), NULL) AS rank_in_city,
         COUNT(IF(ranked, 1, NULL)) OVER (PARTITION BY city_code, kpi_id, period) AS counties_ranked
  FROM base b)
SELECT city_code, city_name, county_code, county_name, kpi_id, kpi_name_zh, kpi_order, unit, value, previous_value,
       value - previous_value AS change_on_quarter, year_ago_value, value - year_ago_value AS change_on_year,
       CAST(rank_in_city AS INT) AS rank_in_city, CAST(counties_ranked AS INT) AS counties_ranked,
       COALESCE(counties_ranked >= ${min_ranked_for_bottom_quarter} AND rank_in_city > 0.75 * counties_ranked, FALSE) AS bottom_quarter,
       period
FROM ranked
