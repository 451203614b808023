package org.unionstats.serving.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;
import org.unionstats.warehouse.tables.ViewSpec;

/**
 * Works out, without touching Trino, what publishing a warehouse means: every table of the catalogue and every view.
 * A table whose folder holds Parquet files takes its columns and types from them, checked against what the catalogue
 * declares; one with no data yet (before the first letter is issued, the first feedback, the first evaluation) is
 * published empty, over the warehouse's empty folder, with the declared types, so what reads it finds no rows rather
 * than no table. Comments come from the catalogue. Any inconsistency fails here, before anything is changed.
 */
public final class PublishPlanner {

    /** The tables and views to publish, and the folders published empty because they hold no data yet. */
    public record Plan(List<TableDefinition> tables, List<ViewSpec> views, List<String> empty) {}


    private final TableCatalog catalog;

    public PublishPlanner(TableCatalog catalog) {
        this.catalog = catalog;
    }

    /** The plan for a Trino that reads the whole local file system ({@code local.location=/}): tables at their absolute paths. */
    public Plan plan(Path warehouse) {
        return plan(warehouse, location(warehouse));
    }

    /**
     * @param locationRoot where the warehouse's folder is for Trino (the embedded server sees it
     *     through a link: {@code local:///warehouses/<name>}); each table is at {@code <locationRoot>/<folder>}, one with
     *     no data yet at {@code <locationRoot>/_no_data}
     */
    public Plan plan(Path warehouse, String locationRoot) {
        WarehouseLayout layout = WarehouseLayout.of(warehouse);
        if (!Files.isDirectory(layout.localRoot())) {
            throw new IllegalArgumentException("no warehouse folder " + warehouse);
        }
        List<TableDefinition> tables = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        try (Connection duckdb = ParquetColumns.duckdb()) {
            for (TableSpec spec : catalog.tables()) {
                Path folder = layout.localTable(spec.folder());
                if (Files.isDirectory(folder) && ParquetColumns.hasData(folder, spec.partitionedBy().size())) {
                    tables.add(define(duckdb, layout, spec, locationRoot));
                } else {
                    tables.add(defineEmpty(layout, spec, locationRoot));
                    empty.add(spec.folder());
                }
            }
            if (!empty.isEmpty()) {
                checkNoDataIsEmpty(layout);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Parquet files of " + warehouse + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + warehouse + ": " + e.getMessage(), e);
        }
        if (empty.size() == catalog.tables().size()) {
            throw new IllegalArgumentException(warehouse + " holds none of the warehouse's tables (has anything been ingested there?)");
        }
        return new Plan(tables, catalog.views(), empty);
    }

    TableDefinition define(Connection duckdb, WarehouseLayout layout, TableSpec spec, String locationRoot) throws IOException, SQLException {
        Path folder = layout.localTable(spec.folder());
        boolean partitioned = ParquetColumns.partitioned(folder);
        if (partitioned != spec.partitioned()) {
            throw new IllegalStateException("table " + spec.schema() + "." + spec.name() + " (folder " + spec.folder() + "): " + folder
                    + (partitioned ? " holds" : " holds no") + " period=… folders, but schemas/trino/tables.yaml declares it "
                    + (spec.partitioned() ? "partitioned by period" : "partitioned: false") + "; the job that wrote it and the catalogue disagree."
                    + " Nothing was published.");
        }
        Map<String, String> types = ParquetColumns.read(duckdb, layout, spec);
        List<String> missing = spec.columns().keySet().stream().filter(c -> !types.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("table " + spec.folder() + ": column(s) " + String.join(", ", missing)
                    + " are declared (schemas/trino/tables.yaml, the Avro schema or the KPI catalogue) but missing from its Parquet files in "
                    + folder + "; the job that wrote them and the catalogue disagree. Nothing was published.");
        }
        List<String> disagreeing = new ArrayList<>();
        spec.columnTypes().forEach((column, declared) -> {
            if (!TrinoTypes.of(declared).equals(types.get(column))) {
                disagreeing.add(column + " is declared " + declared + " (" + TrinoTypes.of(declared) + " in Trino), the files hold " + types.get(column));
            }
        });
        if (!disagreeing.isEmpty()) {
            // While a table has no data it is published with the declared types: they must be the ones its job writes.
            throw new IllegalStateException("table " + spec.schema() + "." + spec.name() + " (folder " + spec.folder() + "): declared types disagree"
                    + " with its Parquet files in " + folder + ": " + String.join("; ", disagreeing) + ". Correct the declaration"
                    + " (schemas/trino/tables.yaml column_types, the Avro schema or the KPI catalogue) or the job that wrote the files."
                    + " Nothing was published.");
        }
        return new TableDefinition(catalog.catalog(), spec.schema(), spec.name(), spec.comment(), locationIn(layout, folder, locationRoot),
                columns(spec, types), spec.partitionedBy());
    }

    /** A table with no data yet: the declared columns over the warehouse's empty folder. */
    TableDefinition defineEmpty(WarehouseLayout layout, TableSpec spec, String locationRoot) {
        Map<String, String> types = new LinkedHashMap<>();
        spec.columnTypes().forEach((column, declared) -> types.put(column, TrinoTypes.of(declared)));
        return new TableDefinition(catalog.catalog(), spec.schema(), spec.name(), spec.comment(), locationIn(layout, layout.noData(), locationRoot),
                columns(spec, types), spec.partitionedBy());
    }

    /** The columns with their comments, the partition columns last in their order (Hive's rule). */
    private List<Column> columns(TableSpec spec, Map<String, String> trinoTypes) {
        List<Column> columns = new ArrayList<>();
        trinoTypes.forEach((name, type) -> {
            if (!spec.partitionedBy().contains(name)) {
                columns.add(new Column(name, type, comment(spec, name)));
            }
        });
        spec.partitionedBy().forEach(p -> columns.add(new Column(p, "varchar", comment(spec, p))));
        return columns;
    }

    /** A file in the empty folder would show as rows of every table published over it. */
    private static void checkNoDataIsEmpty(WarehouseLayout layout) throws IOException {
        if (!Files.isDirectory(layout.noData())) {
            return;
        }
        try (Stream<Path> entries = Files.list(layout.noData())) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            if (!names.isEmpty()) {
                throw new IllegalStateException(layout.noData() + " must stay empty (the tables with no data yet are published over it) but holds "
                        + String.join(", ", names) + "; remove them. Nothing was published.");
            }
        }
    }

    /** Where Trino finds a folder of the warehouse. */
    private static String locationIn(WarehouseLayout layout, Path folder, String locationRoot) {
        return locationRoot.replaceAll("/+$", "") + "/" + layout.localRoot().relativize(folder).toString().replace('\\', '/');
    }

    private String comment(TableSpec spec, String column) {
        String comment = spec.columns().get(column);
        if (comment == null) {
            comment = catalog.glossary().get(column);
        }
        return comment != null ? comment : "未说明的列（见 schemas/trino/tables.yaml）/ Undocumented column (see schemas/trino/tables.yaml)";
    }

    /** The Hive connector's name for a local folder: local:// + its absolute path (local.location is the root). */
    static String location(Path folder) {
        return "local://" + folder.toAbsolutePath().normalize();
    }
}
