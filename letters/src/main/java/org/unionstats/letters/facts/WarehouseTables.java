package org.unionstats.letters.facts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;

/**
 * The KPI tables a letter reads, as DuckDB {@code read_parquet} expressions: which tables exist is the table
 * catalogue's word, where their files lie the warehouse layout's. A table the catalogue does not declare, or that the
 * warehouse holds no file of, is absent.
 */
public final class WarehouseTables {

    public static final String SCORECARD = "county_scorecard";
    public static final String DIM_ORGS = "dim_orgs";
    public static final String DIM_KPIS = "dim_kpis";
    public static final String FINDINGS = "dq_findings";
    public static final String COMPLETENESS = "reporting_completeness";
    /** Targets issued to unions and their attainment, when the KPI job writes them. */
    public static final String TARGETS = "kpi_targets";

    private final WarehouseLayout warehouse;
    private final TableCatalog catalog;

    public WarehouseTables(WarehouseLayout warehouse, TableCatalog catalog) {
        this.warehouse = warehouse;
        this.catalog = catalog;
    }

    /** The table's files, when the catalogue declares it and the warehouse holds any. */
    public Optional<String> read(String folder) {
        return catalog.tables().stream().filter(t -> t.folder().equals(folder)).findFirst()
                .filter(t -> hasParquet(warehouse.localTable(t.folder()))).map(this::expression);
    }

    private String expression(TableSpec table) {
        String folder = table.folder();
        if (partitioned(warehouse.localTable(folder))) {
            return "read_parquet('" + quoted(warehouse.tableFilesGlob(table))
                    + "', hive_partitioning = true, hive_types = {'period': VARCHAR}, union_by_name = true)";
        }
        return "read_parquet('" + quoted(warehouse.table(folder) + "/*.parquet") + "', hive_partitioning = false, union_by_name = true)";
    }

    private static String quoted(String glob) {
        return glob.replace("'", "''");
    }

    public String location() {
        return warehouse.root();
    }

    private static boolean partitioned(Path table) {
        try (Stream<Path> list = Files.list(table)) {
            return list.anyMatch(p -> Files.isDirectory(p) && WarehouseLayout.periodOf(p.getFileName().toString()).isPresent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + table, e);
        }
    }

    private static boolean hasParquet(Path table) {
        if (!Files.isDirectory(table)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(table, 2)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet") && !WarehouseLayout.isHidden(p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + table, e);
        }
    }
}
