package org.unionstats.kpi.measures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.codec.digest.DigestUtils;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpi.engine.IngestedTables;
import org.unionstats.kpi.engine.SqlStage;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The hardship register a KPI run computed, kept for the next run ({@link WarehouseLayout#KPI_HARDSHIP_REGISTER}). A
 * case's row depends on that case's records alone, so a run whose new submissions touch a few cases takes the kept
 * rows of the others as they are, and its restatement check compares the touched cases with their kept rows instead
 * of computing the register twice ({@link Restatements}).
 *
 * <p>Each register is kept in a folder named by a fingerprint of the receipts it was computed from and of the SQL
 * that computed it. A run reads the one matching the receipts the KPI state says the tables reflect, so a register
 * kept by a run that failed before saving the state, or computed by an earlier form of the SQL, is never read.
 */
public final class KeptHardshipRegister {

    private final SparkSession spark;
    private final WarehouseLayout warehouse;

    public KeptHardshipRegister(SparkSession spark, WarehouseLayout warehouse) {
        this.spark = spark;
        this.warehouse = warehouse;
    }

    /** The register kept by the run that saw exactly these receipts, if one was kept whole. */
    public Optional<Dataset<Row>> covering(Set<String> receipts) {
        Path folder = folder(receipts);
        try {
            // Spark marks a completed write last: a folder without the mark is a killed run's.
            if (!fileSystem().exists(new Path(folder, "_SUCCESS"))) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for the kept hardship register in " + folder, e);
        }
        return Optional.of(spark.read().parquet(folder.toString()));
    }

    /** Keeps the register computed from these receipts, before the KPI state saying so is saved. */
    public void keep(Dataset<Row> register, Set<String> receipts) {
        register.write().mode(SaveMode.Overwrite).parquet(folder(receipts).toString());
    }

    /** Removes every kept register but the one of these receipts: once the state is saved, no run reads the others. */
    public void keepOnly(Set<String> receipts) {
        Path root = new Path(warehouse.table(WarehouseLayout.KPI_HARDSHIP_REGISTER));
        String kept = folder(receipts).getName();
        try {
            FileSystem fs = fileSystem();
            if (!fs.exists(root)) {
                return;
            }
            for (FileStatus f : fs.listStatus(root)) {
                if (!f.getPath().getName().equals(kept)) {
                    fs.delete(f.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the earlier hardship registers kept in " + root, e);
        }
    }

    private Path folder(Set<String> receipts) {
        return new Path(warehouse.table(WarehouseLayout.KPI_HARDSHIP_REGISTER), fingerprint(receipts));
    }

    private FileSystem fileSystem() throws IOException {
        return new Path(warehouse.table(WarehouseLayout.KPI_HARDSHIP_REGISTER)).getFileSystem(spark.sparkContext().hadoopConfiguration());
    }

    /** The receipts in order, the register's SQL with what fills it in, and the columns it reads. */
    static String fingerprint(Set<String> receipts) {
        StringBuilder text = new StringBuilder();
        new TreeSet<>(receipts).forEach(r -> text.append(r).append('\n'));
        text.append(SqlStage.text(HardshipRegister.STAGE)).append('\n').append(MeasureFamily.QUALIFIER_RANK).append('\n')
                .append(IngestedTables.COLUMNS.get("hardship_cases"));
        return DigestUtils.sha256Hex(text.toString());
    }
}
