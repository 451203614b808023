package org.unionstats.kpi;

import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiFamily;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * Every KPI value the job wrote in kpi_values' long form, as the Trino view {@code kpi.kpi_values} shows them: the
 * regional federations' {@code kpi_values} and the basic-level unions' rows of the family tables, unpivoted.
 */
final class KpiValuesAsAnalystsSee {

    private KpiValuesAsAnalystsSee() {}

    static Dataset<Row> read(SparkSession spark, String warehouse) {
        // The family partition column is the view's to leave out: its KPI id says it.
        Dataset<Row> regional = spark.read().option("basePath", warehouse + "/kpi_values").parquet(warehouse + "/kpi_values").drop("family");
        KpiCatalogue catalogue = KpiCatalogue.load();
        for (KpiFamily family : catalogue.families()) {
            String table = warehouse + "/kpi_" + family.family();
            String stack = family.kpis().stream()
                    .map(k -> "'" + k.id() + "', " + k.id() + ", " + k.id() + TableCatalog.QUALIFIER_SUFFIX)
                    .collect(Collectors.joining(", "));
            Dataset<Row> basic = spark.read().option("basePath", table).parquet(table).where("org_level = 'basic'")
                    .selectExpr("org_code", "org_level", "period_type",
                            "STACK(" + family.kpis().size() + ", " + stack + ") AS (kpi_id, value, qualifier)", "period")
                    .where("value IS NOT NULL")
                    .selectExpr("org_code", "org_level", "period_type", "kpi_id", "'' AS breakdown", "value",
                            "CAST(NULL AS DOUBLE) AS numerator", "CAST(NULL AS DOUBLE) AS denominator", "qualifier", "period");
            regional = regional.unionByName(basic);
        }
        // Read once: the tests query it many times.
        return regional.localCheckpoint();
    }
}
