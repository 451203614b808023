package org.unionstats.serving.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;
import org.unionstats.warehouse.tables.ViewSpec;

/**
 * Works out, without touching Trino, what publishing a warehouse means: one definition per table
 * folder present (columns from the Parquet files, comments from the catalogue), and the views whose
 * tables are all there. Any inconsistency fails here, before anything is changed.
 */
public final class PublishPlanner {

    /** The tables and views to publish, and the folders left out because they are absent or empty. */
    public record Plan(List<TableDefinition> tables, List<ViewSpec> views, List<String> skipped) {}

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
     *     through a link: {@code local:///warehouses/<name>}); each table is at {@code <locationRoot>/<folder>}
     */
    public Plan plan(Path warehouse, String locationRoot) {
        WarehouseLayout layout = WarehouseLayout.of(warehouse);
        if (!Files.isDirectory(layout.localRoot())) {
            throw new IllegalArgumentException("no warehouse folder " + warehouse);
        }
        List<TableDefinition> tables = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (Connection duckdb = ParquetColumns.duckdb()) {
            for (TableSpec spec : catalog.tables()) {
                Path folder = layout.localTable(spec.folder());
                if (!Files.isDirectory(folder) || !ParquetColumns.hasData(folder)) {
                    skipped.add(spec.folder());
                    continue;
                }
                tables.add(define(duckdb, layout, spec, locationRoot));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the Parquet files of " + warehouse + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + warehouse + ": " + e.getMessage(), e);
        }
        if (tables.isEmpty()) {
            throw new IllegalArgumentException(warehouse + " holds none of the warehouse's tables (has anything been ingested there?)");
        }
        Set<String> present = new TreeSet<>();
        tables.forEach(t -> present.add(t.qualifiedName()));
        List<ViewSpec> views = catalog.views().stream().filter(v -> present.containsAll(v.requires())).toList();
        return new Plan(tables, views, skipped);
    }

    TableDefinition define(Connection duckdb, WarehouseLayout layout, TableSpec spec, String locationRoot) throws IOException, SQLException {
        Path folder = layout.localTable(spec.folder());
        boolean partitioned = ParquetColumns.partitioned(folder);
        Map<String, String> types = ParquetColumns.read(duckdb, layout, spec.folder(), partitioned);
        List<String> missing = spec.columns().keySet().stream().filter(c -> !types.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("table " + spec.folder() + ": column(s) " + String.join(", ", missing)
                    + " are declared (schemas/trino/tables.yaml, the Avro schema or the KPI catalogue) but missing from its Parquet files in "
                    + folder + "; the job that wrote them and the catalogue disagree. Nothing was published.");
        }
        List<Column> columns = new ArrayList<>();
        types.forEach((name, type) -> {
            if (!"period".equals(name) || !partitioned) {
                columns.add(new Column(name, type, comment(spec, name)));
            }
        });
        if (partitioned) {
            columns.add(new Column("period", "varchar", comment(spec, "period")));
        }
        String location = locationRoot.replaceAll("/+$", "") + "/" + layout.localRoot().relativize(folder).toString().replace('\\', '/');
        return new TableDefinition(catalog.catalog(), spec.schema(), spec.name(), spec.comment(), location, columns, partitioned);
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
