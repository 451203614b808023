package org.unionstats.kpi.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;

/**
 * The quarterly county scorecard behind 秦皇岛's 季度指导书: at every quarter end the city union
 * evaluates each county, district or zone union on the last quarter. One row per county-level
 * union, quarter and headline KPI, for every county-level union with any KPI value in that
 * quarter.
 *
 * <ul>
 *   <li>{@code value}, {@code previous_value} (the previous quarter), {@code year_ago_value}
 *       (the same quarter a year earlier), and the changes {@code value − previous_value},
 *       {@code value − year_ago_value} (for rates, a difference of rates).
 *   <li>{@code rank_in_city}: 1 = best among the county-level unions of the same city with a
 *       value, by the KPI's {@code better} direction in the catalogue (higher first for
 *       {@code up}, lower first for {@code down}); ties share a rank (1, 2, 2, 4); no value, or a
 *       KPI with {@code better: none}, is unranked (null). {@code counties_ranked} counts the
 *       ranked counties.
 *   <li>{@code bottom_quarter}: rank &gt; 0.75 × counties ranked, only when at least
 *       {@value #MIN_RANKED_FOR_BOTTOM_QUARTER} counties are ranked.
 *   <li>{@code dq_findings}: the data-quality findings for that county and quarter (all rules).
 * </ul>
 *
 * <p>The "city" is the federation the county-level union reports to: its city; for a district of
 * a municipality or a province-administered county (no city), its parent federation, whose code
 * and name then fill {@code city_code} and {@code city_name}.
 *
 * <p>Views used: {@code kpi_values}, {@code dim_orgs}, {@code calendar}. Columns: {@code city_code,
 * city_name, county_code, county_name, kpi_id, kpi_name_zh, kpi_order (the headline order), unit, value, previous_value,
 * change_on_quarter, year_ago_value, change_on_year, rank_in_city, counties_ranked,
 * bottom_quarter, dq_findings, period}.
 */
public final class CountyScorecard {

    /** The KPIs on the scorecard, in the order the letter discusses them. */
    public static final List<String> HEADLINE_KPIS = List.of("members_end", "members_net_growth", "members_growth_rate",
            "new_form_members_joined", "hardship_on_file_end", "hardship_lift_out_rate", "competition_entrants",
            "competition_participation_per_100_members");

    public static final int MIN_RANKED_FOR_BOTTOM_QUARTER = 4;

    private final List<KpiDefinition> headline;

    public CountyScorecard() {
        this(KpiCatalogue.load());
    }

    public CountyScorecard(KpiCatalogue catalogue) {
        this.headline = HEADLINE_KPIS.stream()
                .map(id -> catalogue.find(id).orElseThrow(() -> new IllegalStateException(
                        "the county scorecard's headline KPI " + id + " is not in the KPI catalogue")))
                .toList();
    }

    /** @param findings the output of {@link DataQualityFindings#compute} ({@code org_code, period} are used) */
    public Dataset<Row> compute(SparkSession spark, Dataset<Row> findings) {
        String headlineRows = headline.stream()
                .map(k -> "('%s', '%s', '%s', %d, '%s')".formatted(k.id(), literal(k.nameZh()), literal(k.better()),
                        headline.indexOf(k) + 1, literal(k.unit())))
                .collect(Collectors.joining(", "));
        String ids = HEADLINE_KPIS.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", "));
        Dataset<Row> card = spark.sql("""
                WITH headline AS (
                  SELECT * FROM VALUES %1$s AS h(kpi_id, kpi_name_zh, better, kpi_order, unit)),
                counties AS (
                  SELECT o.org_code AS county_code, o.org_name AS county_name,
                         COALESCE(o.city_code, o.parent_code) AS city_code,
                         COALESCE(o.city_name, p.org_name) AS city_name
                  FROM dim_orgs o LEFT JOIN dim_orgs p ON p.org_code = COALESCE(o.city_code, o.parent_code)
                  WHERE o.org_level = 'county'),
                cards AS (
                  SELECT DISTINCT k.org_code AS county_code, k.period
                  FROM kpi_values k LEFT SEMI JOIN counties c ON c.county_code = k.org_code
                  WHERE k.period_type = 'quarter'),
                totals AS (
                  SELECT org_code, period, kpi_id, value FROM kpi_values WHERE breakdown = '' AND kpi_id IN (%2$s)),
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
                       COALESCE(counties_ranked >= %3$d AND rank_in_city > 0.75 * counties_ranked, FALSE) AS bottom_quarter,
                       period
                FROM ranked
                """.formatted(headlineRows, ids, MIN_RANKED_FOR_BOTTOM_QUARTER));
        Dataset<Row> perCounty = findings.groupBy(col("org_code"), col("period")).agg(count(lit(1)).as("dq_findings"))
                .withColumnRenamed("org_code", "dq_org_code").withColumnRenamed("period", "dq_period");
        return card.join(perCounty, card.col("county_code").equalTo(perCounty.col("dq_org_code"))
                                .and(card.col("period").equalTo(perCounty.col("dq_period"))), "left")
                .select(col("city_code"), col("city_name"), col("county_code"), col("county_name"), col("kpi_id"),
                        col("kpi_name_zh"), col("kpi_order"), col("unit"), col("value"), col("previous_value"), col("change_on_quarter"), col("year_ago_value"),
                        col("change_on_year"), col("rank_in_city"), col("counties_ranked"), col("bottom_quarter"),
                        coalesce(col("dq_findings"), lit(0L)).as("dq_findings"), col("period"));
    }

    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("'", "\\'");
    }
}
