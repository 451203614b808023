package org.unionstats.kpi.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpis.Additivity;

/**
 * Rolls base measures up the union hierarchy: every org gets the measures of its whole subtree.
 * Additive measures are summed, distinct counts recounted over the subtree's keys, medians
 * recomputed from the subtree's observations; never an average of averages.
 *
 * <p>Measures at the {@code basic} grain roll up to basic-level ancestors only, those at the
 * {@code region} grain (already summed per regional federation) to regional ancestors only, so
 * every org is reached from each unit exactly once. Additive measures are pivoted per unit
 * before the bridge join, so the join and the sums move one row per unit and period instead of
 * one per measure.
 *
 * <p>The result has one row per {@code org_code, period, breakdown} and, for every measure the
 * catalogue uses, a value column {@code m_<measure>} and a qualifier-rank column {@code mq_<measure>}
 * (measure names such as {@code indicator:jobs_offered} become {@code indicator_jobs_offered}).
 * Views used: {@code measures} (unit rows) and {@code org_ancestors}.
 */
public final class RollUp {

    private static final String KEYS = "org_code, period, breakdown";
    private static final String ANCESTORS =
            "org_ancestors a ON a.org_code = m.org_code AND (a.ancestor_code LIKE '%-%') = (m.grain = 'basic')";

    private RollUp() {}

    public static Dataset<Row> apply(SparkSession spark, Map<String, Additivity> aggregation) {
        List<String> additive = of(aggregation, Additivity.ADDITIVE_FLOW);
        List<String> recounted = aggregation.keySet().stream().filter(m -> !additive.contains(m)).toList();

        spark.sql("SELECT org_code, grain, period, breakdown" + pivot(additive, "value", "qualifier_rank")
                + " FROM measures WHERE measure IN (" + quoted(additive) + ") GROUP BY org_code, grain, period, breakdown")
                .createOrReplaceTempView("unit_sums");
        Dataset<Row> sums = spark.sql("SELECT a.ancestor_code AS org_code, m.period, m.breakdown"
                + additive.stream().map(RollUp::column)
                        .map(c -> ", SUM(m.m_" + c + ") AS m_" + c + ", MAX(m.mq_" + c + ") AS mq_" + c)
                        .collect(Collectors.joining())
                + " FROM unit_sums m JOIN " + ANCESTORS + " GROUP BY a.ancestor_code, m.period, m.breakdown");
        if (recounted.isEmpty()) {
            return sums;
        }
        spark.sql("""
                SELECT a.ancestor_code AS org_code, m.period, m.breakdown, m.measure,
                       CAST(COUNT(DISTINCT m.distinct_key) AS DOUBLE) AS value, MAX(m.qualifier_rank) AS qualifier_rank
                FROM measures m JOIN %3$s
                WHERE m.measure IN (%1$s)
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                UNION ALL
                SELECT a.ancestor_code, m.period, m.breakdown, m.measure, MEDIAN(m.value), MAX(m.qualifier_rank)
                FROM measures m JOIN %3$s
                WHERE m.measure IN (%2$s)
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                """.formatted(quoted(of(aggregation, Additivity.DISTINCT_COUNT)), quoted(of(aggregation, Additivity.MEDIAN)),
                ANCESTORS)).createOrReplaceTempView("recounted");
        spark.sql("SELECT " + KEYS + pivot(recounted, "value", "qualifier_rank") + " FROM recounted GROUP BY " + KEYS)
                .createOrReplaceTempView("recounted_wide");
        sums.createOrReplaceTempView("summed_wide");
        return spark.sql("SELECT * FROM summed_wide FULL OUTER JOIN recounted_wide USING (" + KEYS + ")");
    }

    /** The value and qualifier columns of these measures, pivoted out of long rows. */
    private static String pivot(List<String> measures, String value, String rank) {
        StringBuilder sql = new StringBuilder();
        for (String m : measures) {
            String c = column(m);
            sql.append(", SUM(IF(measure = '").append(m).append("', ").append(value).append(", NULL)) AS m_").append(c)
                    .append(", MAX(IF(measure = '").append(m).append("', ").append(rank).append(", NULL)) AS mq_").append(c);
        }
        return sql.toString();
    }

    private static List<String> of(Map<String, Additivity> aggregation, Additivity kind) {
        return aggregation.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
    }

    private static String quoted(List<String> measures) {
        return measures.isEmpty() ? "''" : measures.stream().map(m -> "'" + m + "'").collect(Collectors.joining(", "));
    }

    /** Measure names such as {@code indicator:jobs_offered} as column names. */
    public static String column(String measure) {
        return measure.replace(':', '_');
    }
}
