package org.unionstats.kpi;

import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * Every KPI value the job wrote in kpi_values' long form, as the Trino view {@code kpi.kpi_values} shows them: the
 * regional federations' {@code kpi_values} and the basic-level unions' compact {@code kpi_basic_unions}, unpivoted.
 */
final class KpiValuesAsAnalystsSee {

    private KpiValuesAsAnalystsSee() {}

    static Dataset<Row> read(SparkSession spark, String warehouse) {
        Dataset<Row> regional = spark.read().option("basePath", warehouse + "/kpi_values").parquet(warehouse + "/kpi_values");
        KpiCatalogue catalogue = KpiCatalogue.load();
        String stack = catalogue.all().stream()
                .map(k -> "'" + k.id() + "', " + k.id() + ", " + k.id() + TableCatalog.QUALIFIER_SUFFIX)
                .collect(Collectors.joining(", "));
        Dataset<Row> basic = spark.read().option("basePath", warehouse + "/kpi_basic_unions").parquet(warehouse + "/kpi_basic_unions")
                .selectExpr("org_code", "'basic' AS org_level", "period_type",
                        "STACK(" + catalogue.all().size() + ", " + stack + ") AS (kpi_id, value, qualifier)", "period")
                .where("value IS NOT NULL")
                .selectExpr("org_code", "org_level", "period_type", "kpi_id", "'' AS breakdown", "value",
                        "CAST(NULL AS DOUBLE) AS numerator", "CAST(NULL AS DOUBLE) AS denominator", "qualifier", "period");
        // Read once: the tests query it many times.
        return regional.unionByName(basic).localCheckpoint();
    }
}
