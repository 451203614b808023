package org.unionstats.kpi.engine;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Writes KPI tables: period-partitioned tables only for the periods a run changes, dimensions whole. */
public final class KpiOutputs {

    private final String warehouse;
    private final List<String> periods;

    public KpiOutputs(String warehouse, List<String> periods) {
        this.warehouse = warehouse;
        this.periods = List.copyOf(periods);
    }

    /**
     * Dynamic partition overwrite replaces only the partitions present in the output; a period
     * this run writes that has no rows any more is removed, so no stale values stay behind.
     */
    public void writePartitioned(String table, Dataset<Row> rows, String... sortColumns) {
        Dataset<Row> selected = rows.filter(col("period").isin(periods.toArray()));
        removeEmptied(rows.sparkSession(), table, selected);
        selected.repartition(col("period"))
                .sortWithinPartitions(sortColumns[0], java.util.Arrays.copyOfRange(sortColumns, 1, sortColumns.length))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy("period")
                .parquet(warehouse + "/" + table);
    }

    private void removeEmptied(org.apache.spark.sql.SparkSession spark, String table, Dataset<Row> selected) {
        java.util.Set<String> present = new java.util.HashSet<>();
        selected.select("period").distinct().collectAsList().forEach(r -> present.add(r.getString(0)));
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(warehouse + "/" + table);
            org.apache.hadoop.fs.FileSystem fs = root.getFileSystem(spark.sparkContext().hadoopConfiguration());
            for (String period : periods) {
                org.apache.hadoop.fs.Path partition = new org.apache.hadoop.fs.Path(root, "period=" + period);
                if (!present.contains(period) && fs.exists(partition)) {
                    fs.delete(partition, true);
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot clear emptied partitions of " + table, e);
        }
    }

    public void writeWhole(String table, Dataset<Row> rows, String sortColumn) {
        rows.coalesce(1).sortWithinPartitions(sortColumn).write().mode(SaveMode.Overwrite).parquet(warehouse + "/" + table);
    }
}
