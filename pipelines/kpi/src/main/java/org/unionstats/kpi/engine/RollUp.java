package org.unionstats.kpi.engine;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpi.catalogue.Additivity;

/**
 * Rolls base measures up the union hierarchy: every org gets the measures of its whole subtree.
 * Additive measures are summed, distinct counts recounted over the subtree's keys, medians
 * recomputed from the subtree's observations; never an average of averages.
 * Basic-level unions get quarters, half-years and years but no months: their monthly measures
 * still feed every level above them, but a month is too short a window for one union's figures.
 * Views used: {@code measures} (leaf rows), {@code org_ancestors} and {@code calendar}.
 */
public final class RollUp {

    /** Which (ancestor, period) pairs get values: no months for basic-level unions. */
    private static final String TARGETS = "NOT (a.ancestor_code LIKE '%-%' AND c.period_type = 'month')";

    private RollUp() {}

    public static Dataset<Row> apply(SparkSession spark, Map<String, Additivity> aggregation) {
        String sums = list(aggregation, Additivity.ADDITIVE_FLOW);
        String distincts = list(aggregation, Additivity.DISTINCT_COUNT);
        String medians = list(aggregation, Additivity.MEDIAN);
        return spark.sql("""
                SELECT a.ancestor_code AS org_code, m.period, m.breakdown, m.measure,
                       SUM(m.value) AS value, MAX(m.qualifier_rank) AS qualifier_rank
                FROM measures m JOIN org_ancestors a ON a.org_code = m.org_code JOIN calendar c ON c.period = m.period
                WHERE (m.measure IN (%s) OR m.measure LIKE 'indicator:%%') AND %4$s
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                UNION ALL
                SELECT a.ancestor_code, m.period, m.breakdown, m.measure,
                       CAST(COUNT(DISTINCT m.distinct_key) AS DOUBLE), MAX(m.qualifier_rank)
                FROM measures m JOIN org_ancestors a ON a.org_code = m.org_code JOIN calendar c ON c.period = m.period
                WHERE m.measure IN (%s) AND %4$s
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                UNION ALL
                SELECT a.ancestor_code, m.period, m.breakdown, m.measure, MEDIAN(m.value), MAX(m.qualifier_rank)
                FROM measures m JOIN org_ancestors a ON a.org_code = m.org_code JOIN calendar c ON c.period = m.period
                WHERE m.measure IN (%s) AND %4$s
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                """.formatted(sums, distincts, medians, TARGETS));
    }

    private static String list(Map<String, Additivity> aggregation, Additivity kind) {
        List<String> measures = aggregation.entrySet().stream().filter(e -> e.getValue() == kind)
                .map(e -> "'" + e.getKey() + "'").toList();
        return measures.isEmpty() ? "''" : measures.stream().collect(Collectors.joining(", "));
    }
}
