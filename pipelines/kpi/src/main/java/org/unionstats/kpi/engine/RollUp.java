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
 * Measures at the {@code basic} grain roll up to basic-level ancestors only, those at the
 * {@code region} grain (already summed per regional federation) to regional ancestors only, so
 * every org is reached from each unit exactly once.
 * Views used: {@code measures} (unit rows) and {@code org_ancestors}.
 */
public final class RollUp {

    private static final String ANCESTORS =
            "org_ancestors a ON a.org_code = m.org_code AND (a.ancestor_code LIKE '%-%') = (m.grain = 'basic')";

    private RollUp() {}

    public static Dataset<Row> apply(SparkSession spark, Map<String, Additivity> aggregation) {
        String sums = list(aggregation, Additivity.ADDITIVE_FLOW);
        String distincts = list(aggregation, Additivity.DISTINCT_COUNT);
        String medians = list(aggregation, Additivity.MEDIAN);
        return spark.sql("""
                SELECT a.ancestor_code AS org_code, m.period, m.breakdown, m.measure,
                       SUM(m.value) AS value, MAX(m.qualifier_rank) AS qualifier_rank
                FROM measures m JOIN %4$s
                WHERE m.measure IN (%1$s) OR m.measure LIKE 'indicator:%%'
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                UNION ALL
                SELECT a.ancestor_code, m.period, m.breakdown, m.measure,
                       CAST(COUNT(DISTINCT m.distinct_key) AS DOUBLE), MAX(m.qualifier_rank)
                FROM measures m JOIN %4$s
                WHERE m.measure IN (%2$s)
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                UNION ALL
                SELECT a.ancestor_code, m.period, m.breakdown, m.measure, MEDIAN(m.value), MAX(m.qualifier_rank)
                FROM measures m JOIN %4$s
                WHERE m.measure IN (%3$s)
                GROUP BY a.ancestor_code, m.period, m.breakdown, m.measure
                """.formatted(sums, distincts, medians, ANCESTORS));
    }

    private static String list(Map<String, Additivity> aggregation, Additivity kind) {
        List<String> measures = aggregation.entrySet().stream().filter(e -> e.getValue() == kind)
                .map(e -> "'" + e.getKey() + "'").toList();
        return measures.isEmpty() ? "''" : measures.stream().collect(Collectors.joining(", "));
    }
}
