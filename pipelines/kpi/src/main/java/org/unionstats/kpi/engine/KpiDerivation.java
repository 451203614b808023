package org.unionstats.kpi.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpi.catalogue.KpiCatalogue;
import org.unionstats.kpi.catalogue.KpiDefinition;

/**
 * Turns rolled-up measures into KPI values, KPI by KPI in dependency order, each by the one
 * way the catalogue gives: a measure, a ratio of two KPIs, an expression over KPIs, or the
 * change on a year earlier. Views used: {@code rolled} and {@code calendar}; every KPI becomes
 * a view {@code kpi_<id>} with {@code org_code, period, breakdown, value, numerator, denominator,
 * qualifier_rank}.
 */
public final class KpiDerivation {

    private final SparkSession spark;
    private final KpiCatalogue catalogue;

    public KpiDerivation(SparkSession spark, KpiCatalogue catalogue) {
        this.spark = spark;
        this.catalogue = catalogue;
    }

    /** All KPI values: {@code org_code, period, breakdown, kpi_id, value, numerator, denominator, qualifier_rank}. */
    public Dataset<Row> derive() {
        List<Dataset<Row>> all = new ArrayList<>();
        for (KpiDefinition kpi : catalogue.inDependencyOrder()) {
            Dataset<Row> values = spark.sql(sql(kpi)).cache();
            values.createOrReplaceTempView(view(kpi.id()));
            all.add(spark.sql("SELECT org_code, period, breakdown, '" + kpi.id()
                    + "' AS kpi_id, value, numerator, denominator, qualifier_rank FROM " + view(kpi.id())));
        }
        return all.stream().reduce(Dataset::unionAll).orElseThrow();
    }

    private String sql(KpiDefinition kpi) {
        if (kpi.measure() != null) {
            return """
                    SELECT org_code, period, breakdown, value, CAST(NULL AS DOUBLE) AS numerator,
                           CAST(NULL AS DOUBLE) AS denominator, qualifier_rank
                    FROM rolled WHERE measure = '%s'""".formatted(kpi.measure());
        }
        if (kpi.ratio() != null) {
            // Missing numerator rows mean nothing happened: 0 over a known denominator.
            return """
                    SELECT d.org_code, d.period, d.breakdown,
                           IF(d.value > 0, COALESCE(n.value, 0) / d.value * %s, NULL) AS value,
                           COALESCE(n.value, 0) AS numerator, d.value AS denominator,
                           GREATEST(COALESCE(n.qualifier_rank, 0), d.qualifier_rank) AS qualifier_rank
                    FROM %s d LEFT JOIN %s n
                      ON n.org_code = d.org_code AND n.period = d.period AND n.breakdown = d.breakdown"""
                    .formatted(kpi.ratio().scaleOrOne(), view(kpi.ratio().denominator()), view(kpi.ratio().numerator()));
        }
        if (kpi.yoyOf() != null) {
            return """
                    SELECT x.org_code, x.period, x.breakdown,
                           IF(p.value > 0, (x.value - p.value) / p.value, NULL) AS value,
                           x.value - p.value AS numerator, p.value AS denominator,
                           GREATEST(x.qualifier_rank, p.qualifier_rank) AS qualifier_rank
                    FROM %1$s x
                    JOIN calendar c ON c.period = x.period
                    JOIN %1$s p ON p.org_code = x.org_code AND p.period = c.year_ago_period AND p.breakdown = x.breakdown"""
                    .formatted(view(kpi.yoyOf()));
        }
        return expression(kpi);
    }

    /** An expression over KPIs: their keys are outer-joined, absent values count as 0. */
    private String expression(KpiDefinition kpi) {
        Set<String> deps = new LinkedHashSet<>(kpi.dependencies());
        StringBuilder keys = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (String dep : deps) {
            parts.add("SELECT org_code, period, breakdown FROM " + view(dep));
        }
        keys.append(String.join(" UNION ", parts));
        StringBuilder joins = new StringBuilder();
        String expr = kpi.expression();
        List<String> ranks = new ArrayList<>();
        int i = 0;
        for (String dep : deps) {
            String alias = "d" + i++;
            joins.append(" LEFT JOIN ").append(view(dep)).append(' ').append(alias)
                    .append(" ON ").append(alias).append(".org_code = k.org_code AND ").append(alias)
                    .append(".period = k.period AND ").append(alias).append(".breakdown = k.breakdown");
            expr = expr.replaceAll("\\b" + dep + "\\b", "COALESCE(" + alias + ".value, 0)");
            ranks.add("COALESCE(" + alias + ".qualifier_rank, 0)");
        }
        String rank = ranks.size() == 1 ? ranks.get(0) : "GREATEST(" + String.join(", ", ranks) + ")";
        return "SELECT k.org_code, k.period, k.breakdown, CAST(" + expr + " AS DOUBLE) AS value, CAST(NULL AS DOUBLE) AS numerator,"
                + " CAST(NULL AS DOUBLE) AS denominator, " + rank + " AS qualifier_rank FROM (" + keys + ") k" + joins;
    }

    static String view(String kpiId) {
        return "kpi_" + kpiId;
    }
}
