package org.unionstats.kpi.engine;

import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.functions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.warehouse.WarehouseLayout;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Writes the KPI tables: period-partitioned tables only for the periods a run changes, dimensions whole. Only the
 * folders the table catalogue says the KPI job writes, and all of them ({@link #checkAllWritten}). Tables can be written
 * from several threads at once ({@link ConcurrentWrites}).
 */
public final class KpiOutputs {

    private static final Logger LOG = LoggerFactory.getLogger(KpiOutputs.class);

    private final WarehouseLayout warehouse;
    private final List<String> periods;
    private final Set<String> tables;
    private final Set<String> written = new LinkedHashSet<>();

    /**
     * @param periods the periods to rewrite
     * @param tables the folders this job writes (the table catalogue's)
     */
    public KpiOutputs(WarehouseLayout warehouse, List<String> periods, List<String> tables) {
        this.warehouse = warehouse;
        this.periods = List.copyOf(periods);
        this.tables = new LinkedHashSet<>(tables);
    }

    /**
     * Dynamic partition overwrite replaces only the partitions present in the output; a period
     * this run writes that has no rows any more is removed, so no stale values stay behind.
     *
     * @return the number of rows written
     */
    public long writePartitioned(String table, Dataset<Row> rows, String... sortColumns) {
        return writePartitioned(table, periods, rows, sortColumns);
    }

    /**
     * As {@link #writePartitioned(String, Dataset, String...)}, in some of the run's periods only: those the table's
     * values can change in. The others keep their published partitions.
     *
     * @param only periods among the run's
     */
    public long writePartitioned(String table, List<String> only, Dataset<Row> rows, String... sortColumns) {
        if (!periods.containsAll(only)) {
            throw new IllegalArgumentException(table + ": periods " + only + " are not all among the run's " + periods);
        }
        claim(table);
        return write(table, List.of("period"), only.stream().map(WarehouseLayout::partitionName).collect(Collectors.toCollection(TreeSet::new)),
                rows, sortColumns);
    }

    /**
     * As {@link #writePartitioned(String, List, Dataset, String...)}, for a table partitioned by family within each period
     * ({@code period=…/family=…}, a {@code family} column in {@code rows}): each family's partitions only in the periods
     * it is written in, so a family recomputed alone in a period rewrites its own files there and leaves the others'.
     *
     * @param written per family, the periods (among the run's) its partitions are rewritten in
     */
    public long writeByFamily(String table, Map<String, List<String>> written, Dataset<Row> rows, String... sortColumns) {
        claim(table);
        return writeFamilies(table, written, rows, sortColumns);
    }

    /**
     * The regional KPIs as wide rows ({@link KpiProjections#regionalWide}), kept for later runs to read back ({@link
     * PublishedKpis}) in the run's periods, by family as {@code kpi_values} is: one write per family, each with its own
     * columns, one after the other (each write's commit replaces partitions of the same table folder).
     *
     * @param rows per family written somewhere, its rows
     */
    public void writeRegionalWide(Map<String, List<String>> written, Map<String, Dataset<Row>> rows) {
        rows.forEach((family, familyRows) -> writeFamilies(WarehouseLayout.KPI_REGIONAL_WIDE, Map.of(family, written.get(family)),
                familyRows, "org_code"));
    }

    private long writeFamilies(String table, Map<String, List<String>> written, Dataset<Row> rows, String... sortColumns) {
        Set<String> owned = new TreeSet<>();
        written.forEach((family, in) -> {
            if (!periods.containsAll(in)) {
                throw new IllegalArgumentException(table + ": periods " + in + " of " + family + " are not all among the run's " + periods);
            }
            in.forEach(p -> owned.add(WarehouseLayout.partitionName(p) + "/family=" + family));
        });
        return write(table, List.of("period", "family"), owned, rows, sortColumns);
    }

    /**
     * Overwrites the partitions of {@code owned} (folders relative to the table, {@code period=…} or
     * {@code period=…/family=…}, as {@code partitionColumns} name them) with those of the rows, and removes those left
     * without rows; every other partition keeps its files.
     */
    private long write(String table, List<String> partitionColumns, Set<String> owned, Dataset<Row> rows, String... sortColumns) {
        if (owned.isEmpty()) {
            return 0;
        }
        long start = System.nanoTime();
        // The rows and partitions written are observed while writing: one pass over the rows, no count before the write.
        Observation observation = new Observation(table);
        Column[] partitionedBy = partitionColumns.stream().map(functions::col).toArray(Column[]::new);
        Column partition = format_string(partitionColumns.stream().map(c -> c + "=%s").collect(Collectors.joining("/")), partitionedBy);
        rows.filter(partition.isin(owned.toArray()))
                .observe(observation, count(lit(1)).as("rows"), collect_set(partition).as("partitions"))
                .repartition(partitionedBy)
                .sortWithinPartitions(sortColumns[0], Arrays.copyOfRange(sortColumns, 1, sortColumns.length))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy(partitionColumns.toArray(String[]::new))
                .parquet(warehouse.table(table));
        Map<String, Object> observed = observed(observation, table);
        // No metrics when no partition held a row.
        @SuppressWarnings("unchecked")
        scala.collection.Seq<String> present = (scala.collection.Seq<String>) observed.get("partitions");
        Set<String> kept = present == null ? Set.of() : new HashSet<>(CollectionConverters.asJava(present));
        removeEmptied(rows, table, owned, kept, partitionColumns.size() > 1);
        long count = observed.get("rows") == null ? 0 : (Long) observed.get("rows");
        // Two tables are written at once: each one's time is its own write's, from its start to its end.
        LOG.info("wrote {}: {} rows in {} of {} {} ({} s)", table, count, kept.size(), owned.size(),
                partitionColumns.size() > 1 ? "period and family partitions" : "periods", String.format("%.1f", (System.nanoTime() - start) / 1e9));
        return count;
    }

    private static Map<String, Object> observed(Observation observation, String table) {
        try {
            return observation.getAsJava();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + table, e);
        }
    }

    /**
     * Removes the partitions this write owned and left without rows; in a table partitioned within its periods, also
     * files a period's folder held directly (written before it was partitioned so) and a period's folder left empty.
     */
    private void removeEmptied(Dataset<Row> rows, String table, Set<String> owned, Set<String> present, boolean withinPeriods) {
        try {
            FileSystem fs = new Path(warehouse.table(table)).getFileSystem(rows.sparkSession().sparkContext().hadoopConfiguration());
            for (String partition : owned) {
                Path folder = new Path(warehouse.table(table) + "/" + partition);
                if (!present.contains(partition) && fs.exists(folder)) {
                    fs.delete(folder, true);
                }
            }
            if (!withinPeriods) {
                return;
            }
            for (String period : owned.stream().map(p -> p.substring(0, p.indexOf('/'))).collect(Collectors.toCollection(TreeSet::new))) {
                Path folder = new Path(warehouse.table(table) + "/" + period);
                if (!fs.exists(folder)) {
                    continue;
                }
                for (FileStatus entry : fs.listStatus(folder)) {
                    if (entry.isFile()) {
                        fs.delete(entry.getPath(), false);
                    }
                }
                if (fs.listStatus(folder).length == 0) {
                    fs.delete(folder, true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear emptied partitions of " + table, e);
        }
    }

    public void writeWhole(String table, Dataset<Row> rows, String sortColumn) {
        claim(table);
        rows.coalesce(1).sortWithinPartitions(sortColumn).write().mode(SaveMode.Overwrite).parquet(warehouse.table(table));
    }

    private synchronized void claim(String table) {
        if (!tables.contains(table)) {
            throw new IllegalStateException("the table catalogue (schemas/trino/tables.yaml) does not list " + table
                    + " as written by the KPI job");
        }
        if (!written.add(table)) {
            throw new IllegalStateException(table + " is written twice in one run");
        }
    }

    /** Fails when a folder the catalogue says this job writes was not written. */
    public synchronized void checkAllWritten() {
        Set<String> missing = new LinkedHashSet<>(tables);
        missing.removeAll(written);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the table catalogue lists " + missing + " as written by the KPI job, but it did not write them");
        }
    }
}
