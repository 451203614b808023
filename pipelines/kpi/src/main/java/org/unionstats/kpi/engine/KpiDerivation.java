package org.unionstats.kpi.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;

/**
 * Turns rolled-up measures into KPI values as the catalogue says. The rolled-up measures come
 * as one row per (org, period, breakdown) with a column per measure; every KPI becomes four columns ({@code v_}, {@code n_},
 * {@code d_}, {@code q_}: value, numerator, denominator, qualifier rank), computed one dependency
 * level at a time, each by its one way: a measure, a ratio of two KPIs, an expression over KPIs,
 * or the change on a year earlier (a self-join on the calendar's year-ago period). The result is
 * unpivoted to {@code org_code, period, breakdown, kpi_id, value, numerator, denominator,
 * qualifier_rank}. Views used: {@code rolled} and {@code calendar}.
 */
public final class KpiDerivation {

    private static final String KEYS = "org_code, period, breakdown";

    private final SparkSession spark;
    private final KpiCatalogue catalogue;

    public KpiDerivation(SparkSession spark, KpiCatalogue catalogue) {
        this.spark = spark;
        this.catalogue = catalogue;
    }

    public Dataset<Row> derive() {
        Dataset<Row> wide = spark.table("rolled");
        for (List<KpiDefinition> level : levels()) {
            List<String> columns = new ArrayList<>(List.of(wide.columns()));
            level.stream().filter(k -> k.yoyOf() == null).forEach(k -> columns.addAll(expressions(k)));
            wide = wide.selectExpr(columns.toArray(String[]::new));
            for (KpiDefinition kpi : level) {
                if (kpi.yoyOf() != null) {
                    wide = withYearOnYear(wide, kpi);
                }
            }
        }
        wide.createOrReplaceTempView("kpi_wide");
        List<KpiDefinition> all = catalogue.all();
        String stack = all.stream()
                .map(k -> "'" + k.id() + "', v_" + k.id() + ", n_" + k.id() + ", d_" + k.id() + ", q_" + k.id())
                .collect(Collectors.joining(", "));
        return spark.sql("SELECT " + KEYS + ", kpi_id, value, numerator, denominator, qualifier_rank FROM kpi_wide"
                + " LATERAL VIEW STACK(" + all.size() + ", " + stack + ") s AS kpi_id, value, numerator, denominator, qualifier_rank"
                + " WHERE value IS NOT NULL");
    }

    private List<String> expressions(KpiDefinition kpi) {
        String id = kpi.id();
        if (kpi.measure() != null) {
            String c = column(kpi.measure());
            return List.of("m_" + c + " AS v_" + id, "CAST(NULL AS DOUBLE) AS n_" + id, "CAST(NULL AS DOUBLE) AS d_" + id,
                    "mq_" + c + " AS q_" + id);
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
        return List.of("IF(" + present + ", CAST(" + expr + " AS DOUBLE), NULL) AS v_" + id, "CAST(NULL AS DOUBLE) AS n_" + id,
                "CAST(NULL AS DOUBLE) AS d_" + id, (deps.size() == 1 ? rank : "GREATEST(" + rank + ")") + " AS q_" + id);
    }

    private Dataset<Row> withYearOnYear(Dataset<Row> wide, KpiDefinition kpi) {
        String id = kpi.id();
        String src = kpi.yoyOf();
        // Both sides of the self-join read the same rows: compute them once.
        wide.localCheckpoint().createOrReplaceTempView("kpi_wide_yoy");
        return spark.sql("""
                SELECT w.*,
                       IF(p.v > 0, (w.v_%2$s - p.v) / p.v, NULL) AS v_%1$s,
                       w.v_%2$s - p.v AS n_%1$s,
                       p.v AS d_%1$s,
                       GREATEST(COALESCE(w.q_%2$s, 0), COALESCE(p.q, 0)) AS q_%1$s
                FROM kpi_wide_yoy w
                JOIN calendar c ON c.period = w.period
                LEFT JOIN (SELECT org_code, period, breakdown, v_%2$s AS v, q_%2$s AS q FROM kpi_wide_yoy) p
                  ON p.org_code = w.org_code AND p.period = c.year_ago_period AND p.breakdown = w.breakdown
                """.formatted(id, src)).drop("period_type");
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

    private static String column(String measure) {
        return RollUp.column(measure);
    }
}
