package org.unionstats.kpi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Intermediate frames of a run written as Parquet under the warehouse's scratch folder and read back. Like a local
 * checkpoint, a frame read back has a short lineage, so later queries plan quickly; unlike one, it is columnar and
 * compressed on disk rather than rows on the heap: on the national sample the base measures are 32 M long rows, whose
 * checkpoint spilled and ran tasks out of memory at a 4 GB heap. The folder is removed when the run ends.
 */
public final class ScratchFrames implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchFrames.class);

    private final SparkSession spark;
    private final WarehouseLayout warehouse;

    public ScratchFrames(SparkSession spark, WarehouseLayout warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    /** Writes the frame (replacing a frame of that name a failed run left) and returns it as read back. */
    public Dataset<Row> keep(String name, Dataset<Row> frame) {
        return keep(name, frame, true);
    }

    /**
     * As {@link #keep(String, Dataset)}, its columns written without Parquet's dictionaries: for the wide KPI frames, a
     * column per KPI, whose values are mostly distinct or null, so each column's dictionary is built and then given up.
     * The long measure rows keep theirs: the roll-up filters them by the measure's name.
     */
    public Dataset<Row> keepWide(String name, Dataset<Row> frame) {
        return keep(name, frame, false);
    }

    private Dataset<Row> keep(String name, Dataset<Row> frame, boolean dictionaries) {
        long start = System.nanoTime();
        frame.write().mode(SaveMode.Overwrite).option("parquet.enable.dictionary", dictionaries).parquet(warehouse.kpiScratch(name));
        // A stage's time is mostly in the frames it keeps: each is logged, so a slow run shows which.
        LOG.info("kept {} ({} s)", name, String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return spark.read().parquet(warehouse.kpiScratch(name));
    }

    @Override
    public void close() {
        Path root = new Path(warehouse.kpiScratchRoot());
        try {
            root.getFileSystem(spark.sparkContext().hadoopConfiguration()).delete(root, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the KPI job's scratch folder " + root, e);
        }
    }
}
