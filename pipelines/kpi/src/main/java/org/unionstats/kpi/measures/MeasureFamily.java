package org.unionstats.kpi.measures;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark SQL of one KPI family: base measures per org (as submitted, usually a basic-level
 * union) and reporting period, before any roll-up. Rows have the columns
 * {@code org_code, period, breakdown, measure, value, distinct_key, qualifier_rank}: additive
 * measures carry a {@code value}, distinct counts one row per {@code distinct_key}, medians one
 * row per observation. {@code breakdown} is '' for the total, {@code cause=illness} and so on
 * for breakdowns. Views available: the ingested tables and {@code calendar}.
 */
public interface MeasureFamily {

    /** SQL expression ranking a qualifier column: exact 0, over 1, nearly 2. */
    String QUALIFIER_RANK = "CASE qualifier WHEN 'nearly' THEN 2 WHEN 'over' THEN 1 ELSE 0 END";

    Dataset<Row> measures(SparkSession spark);
}
