package org.unionstats.kpi.engine;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.period.Period;

/**
 * Turns rolled-up measures into KPI values as the catalogue says. The rolled-up measures come
 * as one row per (org, period, breakdown) with a column per measure; every KPI becomes its columns of
 * {@link WideColumns} ({@code v_}, {@code q_}: value, qualifier rank; {@code n_}, {@code d_}: numerator, denominator of
 * a ratio or a change on a year earlier), computed one dependency level at a time, each by its one way: a measure, a
 * ratio of two KPIs, an expression over KPIs, or the change on a year earlier ({@code year_on_year.sql}: one join per
 * dependency level with the year-ago values, computed in the same run or read back from the published tables). The
 * result stays wide, one row per org, period and breakdown: {@link KpiProjections} turns it into the tables people read.
 */
public final class KpiDerivation {

    /**
     * The most year-ago rows broadcast to the year-on-year join: about 140 MiB as Spark's rows, for one source KPI. A
     * medium full run's 1.55 M fit, so its wide frame (3.2 M rows of 151 columns, 3.7 GiB as shuffled rows) is not
     * shuffled either.
     */
    static final long BROADCAST_YEAR_AGO_ROWS = 2_000_000;

    private final KpiCatalogue catalogue;
    private final ScratchFrames scratch;

    /** @param scratch where the frame a year-on-year join reads on both sides is kept */
    public KpiDerivation(KpiCatalogue catalogue, ScratchFrames scratch) {
        this.catalogue = catalogue;
        this.scratch = scratch;
    }

    /**
     * @param rolled the rolled-up measures ({@link RollUp#apply})
     * @param calendar the reporting calendar ({@link ReportingCalendar#toDataFrame}), for year-on-year KPIs
     * @param derivedPeriods the periods of {@code rolled}: year-on-year KPIs look back only at the year before those their
     *     family is recomputed in
     * @param published the KPIs of year-ago periods this run does not compute, and of those it computes some families of
     *     only ({@link PublishedKpis#read}), if any
     * @param families which families the run recomputed in which periods
     */
    public Dataset<Row> derive(Dataset<Row> rolled, Dataset<Row> calendar, List<Period> derivedPeriods, Optional<PublishedKpis.Rows> published,
            RecomputedFamilies families) {
        Dataset<Row> wide = rolled;
        List<List<KpiDefinition>> levels = levels();
        for (int l = 0; l < levels.size(); l++) {
            List<KpiDefinition> level = levels.get(l);
            List<String> columns = new ArrayList<>(List.of(wide.columns()));
            level.stream().filter(k -> k.yoyOf() == null).forEach(k -> columns.addAll(expressions(k)));
            wide = wide.selectExpr(columns.toArray(String[]::new));
            if (l == 0) {
                // The measures' columns are read by the KPIs of measures alone, all of level 0 (they depend on no KPI):
                // later levels read KPIs, and a frame kept for a year-on-year join would write the measures again.
                wide = wide.drop(Stream.of(wide.columns()).filter(c -> c.startsWith("m_") || c.startsWith("mq_")).toArray(String[]::new));
            }
            List<KpiDefinition> yearOnYear = level.stream().filter(k -> k.yoyOf() != null).toList();
            if (!yearOnYear.isEmpty()) {
                wide = withYearOnYear(scratch.keepWide("kpi_derived_" + l, wide), calendar, derivedPeriods, published, families, yearOnYear);
            }
        }
        List<String> kept = new ArrayList<>(List.of("org_code", "period", "breakdown"));
        catalogue.all().forEach(k -> WideColumns.of(k).forEach(c -> kept.add(c.name())));
        return wide.selectExpr(kept.toArray(String[]::new));
    }

    private List<String> expressions(KpiDefinition kpi) {
        String id = kpi.id();
        if (kpi.measure() != null) {
            String c = RollUp.column(kpi.measure());
            return List.of("m_" + c + " AS v_" + id, "mq_" + c + " AS q_" + id);
        }
        if (kpi.ratio() != null) {
            // A known denominator with no numerator row means nothing happened: 0 over it.
            String num = kpi.ratio().numerator();
            String den = kpi.ratio().denominator();
            String n = "IF(v_" + den + " IS NULL, NULL, COALESCE(v_" + num + ", 0))";
            return List.of(
                    "IF(v_" + den + " > 0, " + n + " / v_" + den + " * " + kpi.ratio().scaleOrOne() + ", NULL) AS v_" + id,
                    n + " AS n_" + id, "v_" + den + " AS d_" + id,
                    "GREATEST(COALESCE(q_" + num + ", 0), COALESCE(q_" + den + ", 0)) AS q_" + id);
        }
        // An expression: absent inputs count as 0, but only where at least one input is present.
        String expr = kpi.expression();
        List<String> deps = kpi.dependencies().stream().distinct().toList();
        for (String dep : deps) {
            expr = expr.replaceAll("\\b" + dep + "\\b", "COALESCE(v_" + dep + ", 0)");
        }
        String present = deps.stream().map(d -> "v_" + d + " IS NOT NULL").collect(Collectors.joining(" OR "));
        String rank = deps.stream().map(d -> "COALESCE(q_" + d + ", 0)").collect(Collectors.joining(", "));
        return List.of("IF(" + present + ", CAST(" + expr + " AS DOUBLE), NULL) AS v_" + id,
                (deps.size() == 1 ? rank : "GREATEST(" + rank + ")") + " AS q_" + id);
    }

    /**
     * The year-on-year KPIs of one dependency level, joined with the year-ago values in the periods their families are
     * recomputed in. Elsewhere (the periods another family alone is recomputed in) they are null: their published
     * values replace them there ({@link RecomputedFamilies#forTables}), so those rows, most of a new quarter's on
     * medium, are not joined.
     *
     * @param computed the KPIs so far, kept: both sides of the join read them (computed and planned once)
     */
    private Dataset<Row> withYearOnYear(Dataset<Row> computed, Dataset<Row> calendar, List<Period> derivedPeriods,
            Optional<PublishedKpis.Rows> published, RecomputedFamilies families, List<KpiDefinition> kpis) {
        List<Period> joined = families.recomputedIn(kpis.stream().map(k -> catalogue.familyOf(k.id())).distinct().toList(), derivedPeriods);
        List<Period> yearAgo = joined.stream().map(Period::yearAgo).distinct().toList();
        List<String> sourceColumns = new ArrayList<>(List.of("org_code", "period", "breakdown"));
        StringBuilder sources = new StringBuilder();
        StringBuilder columns = new StringBuilder();
        for (String source : kpis.stream().map(KpiDefinition::yoyOf).distinct().toList()) {
            sourceColumns.add("CAST(v_" + source + " AS DOUBLE) AS v_" + source);
            sourceColumns.add("CAST(q_" + source + " AS INT) AS q_" + source);
            sources.append(", s.v_").append(source).append(" AS ya_v_").append(source)
                    .append(", s.q_").append(source).append(" AS ya_q_").append(source);
        }
        for (KpiDefinition kpi : kpis) {
            String now = "w.v_" + kpi.yoyOf();
            String ago = "p.ya_v_" + kpi.yoyOf();
            columns.append(", IF(").append(ago).append(" > 0, (").append(now).append(" - ").append(ago).append(") / ").append(ago)
                    .append(", NULL) AS v_").append(kpi.id())
                    .append(", ").append(now).append(" - ").append(ago).append(" AS n_").append(kpi.id())
                    .append(", ").append(ago).append(" AS d_").append(kpi.id())
                    .append(", GREATEST(COALESCE(w.q_").append(kpi.yoyOf()).append(", 0), COALESCE(p.ya_q_").append(kpi.yoyOf())
                    .append(", 0)) AS q_").append(kpi.id());
        }
        String[] selected = sourceColumns.toArray(String[]::new);
        List<String> sourceKpis = kpis.stream().map(KpiDefinition::yoyOf).distinct().toList();
        // Cached and counted: the values of a year ago are narrow (a key and two columns per source KPI), and where they
        // are few enough they are broadcast, so the wide frame is not shuffled for the join (on medium 642 k rows of 151
        // columns, 770 MiB, in a new quarter); where they are more, both sides are shuffled.
        Dataset<Row> yearAgoSources = families.yearAgoSources(computed.selectExpr(selected),
                published.map(p -> p.of(sourceKpis).selectExpr(selected)), yearAgo).cache();
        boolean broadcastYearAgo = yearAgoSources.count() <= BROADCAST_YEAR_AGO_ROWS;
        Column in = col("period").isin(joined.stream().map(Period::canonical).toArray());
        boolean everyPeriod = joined.size() == derivedPeriods.size();
        Dataset<Row> withYearAgo = SqlStage.run("year_on_year", Map.of("kpi_wide", everyPeriod ? computed : computed.where(in),
                "year_ago_sources", yearAgoSources, "calendar", calendar), Map.of("source_columns", sources.toString(), "yoy_columns",
                columns.toString(), "year_ago_hint", broadcastYearAgo ? "/*+ BROADCAST(p) */" : ""));
        if (everyPeriod) {
            return withYearAgo;
        }
        List<String> none = new ArrayList<>(List.of("*"));
        for (KpiDefinition kpi : kpis) {
            for (WideColumns.Column c : WideColumns.of(kpi)) {
                none.add("CAST(NULL AS " + withYearAgo.schema().apply(c.name()).dataType().sql() + ") AS " + c.name());
            }
        }
        return withYearAgo.unionByName(computed.where(not(in)).selectExpr(none.toArray(String[]::new)));
    }

    /** KPIs grouped so that each depends only on measures and earlier groups. */
    private List<List<KpiDefinition>> levels() {
        Map<String, Integer> level = new HashMap<>();
        Map<Integer, List<KpiDefinition>> byLevel = new LinkedHashMap<>();
        for (KpiDefinition kpi : catalogue.inDependencyOrder()) {
            int l = kpi.dependencies().stream().mapToInt(d -> level.get(d) + 1).max().orElse(0);
            level.put(kpi.id(), l);
            byLevel.computeIfAbsent(l, x -> new ArrayList<>()).add(kpi);
        }
        return new ArrayList<>(byLevel.values());
    }
}
