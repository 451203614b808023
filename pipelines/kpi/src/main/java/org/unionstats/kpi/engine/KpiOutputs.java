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

    /** Dynamic partition overwrite: only the partitions present in the output are replaced. */
    public void writePartitioned(String table, Dataset<Row> rows, String... sortColumns) {
        Dataset<Row> selected = rows.filter(col("period").isin(periods.toArray()));
        selected.repartition(col("period"))
                .sortWithinPartitions(sortColumns[0], java.util.Arrays.copyOfRange(sortColumns, 1, sortColumns.length))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy("period")
                .parquet(warehouse + "/" + table);
    }

    public void writeWhole(String table, Dataset<Row> rows, String sortColumn) {
        rows.coalesce(1).sortWithinPartitions(sortColumn).write().mode(SaveMode.Overwrite).parquet(warehouse + "/" + table);
    }
}
