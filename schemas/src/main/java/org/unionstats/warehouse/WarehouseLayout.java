package org.unionstats.warehouse;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;
import org.unionstats.warehouse.tables.TableSpec;

/**
 * Where the warehouse keeps what; the only place a warehouse path is built.
 *
 * <ul>
 *   <li>{@code <root>/<table>/period=<P>/*.parquet}: published tables, Hive-style partitions (within a period, a
 *       table may be partitioned further: {@code kpi_values/period=<P>/family=<F>/});</li>
 *   <li>{@code <root>/_staging/<run>/<table>/}: what an ingest run writes before it publishes;</li>
 *   <li>{@code <root>/_publish/<run>.json}: publish journals, completed by the next run after a crash;</li>
 *   <li>{@code <root>/_kpi_state.json}: the receipts the KPI tables reflect;</li>
 *   <li>{@code <root>/_kpi_scratch/<frame>/}: intermediate frames of a KPI run, removed when it ends;</li>
 *   <li>{@code <root>/_kpi_kept/regional_wide/period=<P>/family=<F>/}: the regional KPIs a KPI run published, as wide rows (a
 *       column per KPI of the family), for later runs to read back;</li>
 *   <li>{@code <root>/_kpi_kept/hardship_register/<fingerprint>/}: the hardship register a KPI run computed, named by
 *       the receipts it covers, for the next run to bring up to date;</li>
 *   <li>{@code <root>/_lock}: the lock a run holds;</li>
 *   <li>{@code <root>/_letters/<city>/<quarter>/<letter id>-<edition>.pdf}: each issued edition of a guidance letter as
 *       printed, written once (codes and numbers only in its name, no one's name);</li>
 *   <li>{@code <root>/_no_data/}: an empty folder, where a table that has no data yet is published (so it reads as empty).</li>
 * </ul>
 * Readers (Spark, Trino, DuckDB) skip folders that start with {@code _} or {@code .}. The root may be a
 * local folder or a file-system URI ({@code gs://…}, {@code s3://…}) for the ingest; the local-only
 * files (state, lock, history) need a local root.
 */
public record WarehouseLayout(String root) implements Serializable {

    private static final String PARTITION_PREFIX = "period=";
    /** The table of refused rows and files (written by the ingest, appended to by every run). */
    public static final String QUARANTINE = "quarantine";
    /** The table of ingest receipts: one row per submitted file. */
    public static final String RECEIPTS = "ingest_receipts";
    /** The partition of receipts and quarantine entries for files whose path names no valid period. */
    public static final String UNKNOWN_PERIOD = "unknown";
    /** The folder of the issued letters' PDFs; hidden from the table readers. */
    public static final String LETTER_ARCHIVE = "_letters";
    /** The folder of what the KPI job keeps for its later runs, tables by their form; hidden from the table readers. */
    public static final String KPI_KEPT = "_kpi_kept";
    /**
     * The regional KPIs as the KPI job keeps them for its later runs (the rows of {@code kpi_values} as one row per org,
     * period and breakdown), partitioned by period like a table. Its own name is not hidden: Spark warns that it ignores
     * a folder so named when asked to read one.
     */
    public static final String KPI_REGIONAL_WIDE = KPI_KEPT + "/regional_wide";
    /**
     * The hardship register as the KPI job keeps it for its next run: one folder per register, named by a fingerprint of
     * the receipts it was computed from.
     */
    public static final String KPI_HARDSHIP_REGISTER = KPI_KEPT + "/hardship_register";
    /** The empty folder tables without data are published over; hidden from the table readers. */
    public static final String NO_DATA = "_no_data";

    public WarehouseLayout {
        root = root.endsWith("/") && root.length() > 1 ? root.substring(0, root.length() - 1) : root;
    }

    public static WarehouseLayout of(Path root) {
        return new WarehouseLayout(root.toAbsolutePath().normalize().toString());
    }

    /** The root as a local folder. */
    public Path localRoot() {
        return Path.of(root);
    }

    public String table(String table) {
        return root + "/" + table;
    }

    public Path localTable(String table) {
        return localRoot().resolve(table);
    }

    public String partition(String table, String period) {
        return table(table) + "/" + partitionName(period);
    }

    public Path localPartition(String table, String period) {
        return localTable(table).resolve(partitionName(period));
    }

    /** A glob matching every Parquet file of a table, all partitions. */
    public String tableFilesGlob(String table) {
        return table(table) + "/" + PARTITION_PREFIX + "*/*.parquet";
    }

    /**
     * A glob matching every Parquet file of a table as the table catalogue declares it: in its partition folders, one
     * level per partition column ({@code period=*}{@code /family=*}), or directly in its folder when written whole.
     */
    public String tableFilesGlob(TableSpec spec) {
        StringBuilder glob = new StringBuilder(table(spec.folder()));
        spec.partitionedBy().forEach(c -> glob.append('/').append(c).append("=*"));
        return glob.append("/*.parquet").toString();
    }

    /** The folder name of a period's partition. */
    public static String partitionName(String period) {
        return PARTITION_PREFIX + period;
    }

    /** The period a partition folder holds, when the name is one. */
    public static Optional<String> periodOf(String folderName) {
        return folderName.startsWith(PARTITION_PREFIX) ? Optional.of(folderName.substring(PARTITION_PREFIX.length())) : Optional.empty();
    }

    /** A relative file name inside a period's partition (writers name their files with it). */
    public static String partitionFile(String period, String fileName) {
        return partitionName(period) + "/" + fileName;
    }

    public String stagingRoot() {
        return root + "/_staging";
    }

    public String staging(String runId) {
        return stagingRoot() + "/" + runId;
    }

    public String stagedTable(String runId, String table) {
        return staging(runId) + "/" + table;
    }

    public String stagedPartition(String runId, String table, String period) {
        return stagedTable(runId, table) + "/" + partitionName(period);
    }

    /** A glob matching every Parquet file a run staged for a table. */
    public String stagedTableFilesGlob(String runId, String table) {
        return stagedTable(runId, table) + "/" + PARTITION_PREFIX + "*/*.parquet";
    }

    public String journals() {
        return root + "/_publish";
    }

    public String journal(String runId) {
        return journals() + "/" + runId + ".json";
    }

    /** Where the KPI job keeps an intermediate frame during a run (columnar, off the heap). */
    public String kpiScratch(String frame) {
        return kpiScratchRoot() + "/" + frame;
    }

    public String kpiScratchRoot() {
        return root + "/_kpi_scratch";
    }

    public Path kpiState() {
        return localRoot().resolve("_kpi_state.json");
    }

    public Path lock() {
        return localRoot().resolve("_lock");
    }

    /** The empty folder a table that has no data yet is published over. */
    public Path noData() {
        return localRoot().resolve(NO_DATA);
    }

    /** The archive of the issued letters' PDFs. */
    public Path letterArchive() {
        return localRoot().resolve(LETTER_ARCHIVE);
    }

    /** An issued edition's PDF. */
    public Path archivedLetter(String cityCode, String quarter, String letterId, int edition) {
        return letterArchive().resolve(archivedLetterPath(cityCode, quarter, letterId, Integer.toString(edition)));
    }

    /**
     * An issued edition's PDF relative to {@link #letterArchive()}: {@code 130300/2024Q3/2024Q3-130302-1.pdf}. The parts
     * are text so a query can build the same path from its columns.
     */
    public static String archivedLetterPath(String cityCode, String quarter, String letterId, String edition) {
        return cityCode + "/" + quarter + "/" + letterId + "-" + edition + ".pdf";
    }

    /** Whether a file or folder name is the warehouse's own bookkeeping, not table data. */
    public static boolean isHidden(String name) {
        return name.startsWith("_") || name.startsWith(".");
    }
}
