package org.unionstats.kpi.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpis.Additivity;

/**
 * Rolls base measures up the union hierarchy: every org gets the measures of its whole subtree.
 * Additive measures are summed, distinct counts recounted over the subtree's keys, medians
 * recomputed from the subtree's observations; never an average of averages.
 *
 * <p>Measures at the {@code basic} grain roll up to basic-level ancestors only, those at the
 * {@code region} grain (already summed per regional federation) to regional ancestors only, so
 * every org is reached from each unit exactly once. Additive measures come as columns (a family writes them so, and
 * its rows need no pivot) and are summed per unit before the bridge join, so the join and the sums move one row per
 * unit and period. A distinct key found at one unit only (nearly all: an enterprise enters through one union) adds one
 * to each of that unit's ancestors, so it is summed per unit before the bridge join, with the keys a family counted at
 * their unit already (a row without a key); only keys found at several units are carried to every ancestor and counted
 * there once.
 *
 * <p>The result has one row per {@code org_code, period, breakdown} and, for every measure the
 * catalogue uses, a value column {@code m_<measure>} and a qualifier-rank column {@code mq_<measure>}
 * (measure names such as {@code indicator:jobs_offered} become {@code indicator_jobs_offered}).
 * The SQL is {@code rollup.sql}; the measure lists and columns come from the catalogue.
 */
public final class RollUp {

    private RollUp() {}

    /**
     * @param measures base measures per unit ({@link org.unionstats.kpi.measures.MeasureFamily} rows)
     * @param orgAncestors the bridge of every org to itself and its ancestors
     * @param aggregation how each measure rolls up ({@link org.unionstats.kpis.KpiCatalogue#measureAggregation})
     */
    public static Dataset<Row> apply(Dataset<Row> measures, Dataset<Row> orgAncestors, Map<String, Additivity> aggregation) {
        List<String> additive = of(aggregation, Additivity.ADDITIVE_FLOW);
        List<String> recounted = aggregation.keySet().stream().filter(m -> !additive.contains(m)).toList();
        String additiveSums = additive.stream().map(RollUp::column)
                .map(c -> ", SUM(m.m_" + c + ") AS m_" + c + ", MAX(m.mq_" + c + ") AS mq_" + c)
                .collect(Collectors.joining());
        checkColumns(measures, additive, recounted);
        return SqlStage.run("rollup", Map.of("measures", measures, "org_ancestors", orgAncestors), Map.of(
                "additive_sums", additiveSums,
                "distinct_count_measures", SqlStage.quoteAll(of(aggregation, Additivity.DISTINCT_COUNT)),
                "median_measures", SqlStage.quoteAll(of(aggregation, Additivity.MEDIAN)),
                "recounted_pivot", pivot(recounted)));
    }

    /**
     * The catalogue and the families agree on how each measure rolls up: an additive measure comes as its columns, a
     * recounted one as rows. A family that gave a recounted measure as columns would leave its KPIs empty, silently.
     */
    private static void checkColumns(Dataset<Row> measures, List<String> additive, List<String> recounted) {
        Set<String> columns = Set.of(measures.columns());
        List<String> missing = additive.stream().filter(m -> !columns.contains("m_" + column(m)) || !columns.contains("mq_" + column(m))).toList();
        List<String> misplaced = recounted.stream().filter(m -> columns.contains("m_" + column(m))).toList();
        if (!missing.isEmpty() || !misplaced.isEmpty()) {
            throw new IllegalArgumentException("the base measures do not match the KPI catalogue: additive measures without their"
                    + " m_/mq_ columns " + missing + ", recounted measures given as columns " + misplaced);
        }
    }

    /** The value and qualifier-rank columns of these measures, pivoted out of long rows. */
    private static String pivot(List<String> measures) {
        StringBuilder sql = new StringBuilder();
        for (String m : measures) {
            String c = column(m);
            sql.append(", SUM(IF(measure = '").append(m).append("', value, NULL)) AS m_").append(c)
                    .append(", MAX(IF(measure = '").append(m).append("', qualifier_rank, NULL)) AS mq_").append(c);
        }
        return sql.toString();
    }

    private static List<String> of(Map<String, Additivity> aggregation, Additivity kind) {
        return aggregation.entrySet().stream().filter(e -> e.getValue() == kind).map(Map.Entry::getKey).toList();
    }

    /** Measure names such as {@code indicator:jobs_offered} as column names. */
    public static String column(String measure) {
        return measure.replace(':', '_');
    }
}
