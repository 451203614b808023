package org.unionstats.kpi.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpi.engine.SqlStage;
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
 * <p>The SQL is {@code county_scorecard.sql}. Columns: {@code city_code, city_name, county_code, county_name, kpi_id,
 * kpi_name_zh, kpi_order (the headline order), unit, value, previous_value, change_on_quarter, year_ago_value,
 * change_on_year, rank_in_city, counties_ranked, bottom_quarter, dq_findings, period}.
 */
public final class CountyScorecard {

    /** The KPIs on the scorecard, in the order the letter discusses them. */
    public static final List<String> HEADLINE_KPIS = List.of("members_end", "members_net_growth", "members_growth_rate",
            "new_form_members_joined", "hardship_on_file_end", "hardship_lift_out_rate", "competition_entrants",
            "competition_participation_per_100_members");

    public static final int MIN_RANKED_FOR_BOTTOM_QUARTER = 4;

    private final List<KpiDefinition> headline;

    public CountyScorecard(KpiCatalogue catalogue) {
        this.headline = HEADLINE_KPIS.stream()
                .map(id -> catalogue.find(id).orElseThrow(() -> new IllegalStateException(
                        "the county scorecard's headline KPI " + id + " is not in the KPI catalogue")))
                .toList();
    }

    /**
     * @param kpiTotals the KPI totals, a column per KPI ({@link org.unionstats.kpi.engine.KpiProjections#totals})
     * @param dimOrgs the {@code dim_orgs} dimension
     * @param calendar the reporting calendar (previous and year-ago periods)
     * @param findings the output of {@link DataQualityFindings#compute} ({@code org_code, period} are used)
     */
    public Dataset<Row> compute(Dataset<Row> kpiTotals, Dataset<Row> dimOrgs, Dataset<Row> calendar, Dataset<Row> findings) {
        String headlineRows = headline.stream()
                .map(k -> "(" + String.join(", ", SqlStage.quote(k.id()), SqlStage.quote(k.nameZh()), SqlStage.quote(k.better()),
                        Integer.toString(headline.indexOf(k) + 1), SqlStage.quote(k.unit())) + ")")
                .collect(Collectors.joining(", "));
        Dataset<Row> card = SqlStage.run("county_scorecard",
                Map.of("kpi_totals", kpiTotals, "dim_orgs", dimOrgs, "calendar", calendar),
                Map.of("headline_kpis", headlineRows, "headline_kpi_count", Integer.toString(HEADLINE_KPIS.size()),
                        "headline_kpi_stack", stack(HEADLINE_KPIS),
                        "min_ranked_for_bottom_quarter", Integer.toString(MIN_RANKED_FOR_BOTTOM_QUARTER)));
        Dataset<Row> perCounty = findings.groupBy(col("org_code"), col("period")).agg(count(lit(1)).as("dq_findings"))
                .withColumnRenamed("org_code", "dq_org_code").withColumnRenamed("period", "dq_period");
        return card.join(perCounty, card.col("county_code").equalTo(perCounty.col("dq_org_code"))
                                .and(card.col("period").equalTo(perCounty.col("dq_period"))), "left")
                .select(col("city_code"), col("city_name"), col("county_code"), col("county_name"), col("kpi_id"),
                        col("kpi_name_zh"), col("kpi_order"), col("unit"), col("value"), col("previous_value"), col("change_on_quarter"), col("year_ago_value"),
                        col("change_on_year"), col("rank_in_city"), col("counties_ranked"), col("bottom_quarter"),
                        coalesce(col("dq_findings"), lit(0L)).as("dq_findings"), col("period"));
    }

    /** KPI columns as STACK arguments: {@code 'id', id, ...}. */
    static String stack(List<String> kpiIds) {
        return kpiIds.stream().map(id -> SqlStage.quote(id) + ", " + id).collect(Collectors.joining(", "));
    }
}
