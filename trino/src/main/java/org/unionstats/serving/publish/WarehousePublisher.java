package org.unionstats.serving.publish;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.ViewSpec;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Publishes a warehouse to Trino through JDBC, as the pipeline user: schemas, external Parquet
 * tables with their partitions synced (new and removed periods), the tables with no data yet as
 * empty ones, views, and comments on all of them. Safe to repeat: an unchanged table only gets its
 * partitions synced; a changed one (an empty table whose data has arrived among them) is built
 * beside the old one and swapped in only once it reads, so a failure leaves the previous tables
 * queryable.
 */
public final class WarehousePublisher {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WarehousePublisher.class);

    static final String STAGING_SUFFIX = "__publishing";

    private final TableCatalog catalog;
    private final Consumer<String> log;

    public WarehousePublisher(TableCatalog catalog, Consumer<String> log) {
        this.catalog = catalog;
        this.log = log;
    }

    /** Plans (nothing changes if that fails), then applies the plan on the connection; tables at the warehouse's absolute path. */
    public PublishSummary publish(Connection trino, Path warehouse) throws SQLException {
        return publish(trino, warehouse, PublishPlanner.location(warehouse));
    }

    /**
     * Plans (nothing changes if that fails), then applies the plan on the connection.
     *
     * @param locationRoot where Trino finds the warehouse folder ({@link org.unionstats.serving.server.ServedWarehouses#link})
     */
    public PublishSummary publish(Connection trino, Path warehouse, String locationRoot) throws SQLException {
        long start = System.nanoTime();
        PublishPlanner.Plan plan = new PublishPlanner(catalog).plan(warehouse, locationRoot);
        if (!plan.empty().isEmpty()) {
            createNoDataFolder(warehouse);
        }
        try (Statement st = trino.createStatement()) {
            for (String schema : catalog.schemas().keySet()) {
                execute(st, "CREATE SCHEMA IF NOT EXISTS " + catalog.catalog() + "." + schema);
            }
            Existing existing = Existing.read(st, catalog);
            List<PublishSummary.TableOutcome> outcomes = new ArrayList<>();
            for (TableDefinition table : plan.tables()) {
                outcomes.add(publishTable(st, table, existing));
            }
            List<String> views = new ArrayList<>();
            for (ViewSpec view : plan.views()) {
                publishView(st, view, existing);
                views.add(view.qualifiedName());
            }
            List<String> dropped = dropStale(st, plan, existing);
            return new PublishSummary(warehouse.toString(), outcomes, views, dropped, plan.empty(), (System.nanoTime() - start) / 1e9);
        }
    }

    private PublishSummary.TableOutcome publishTable(Statement st, TableDefinition table, Existing existing) throws SQLException {
        String name = catalog.catalog() + "." + table.qualifiedName();
        try {
            if (existing.tables.contains(table.qualifiedName() + STAGING_SUFFIX)) {
                execute(st, "DROP TABLE IF EXISTS " + name + STAGING_SUFFIX);
            }
            if (!existing.tables.contains(table.qualifiedName())) {
                execute(st, table.ddl(table.name()));
                return new PublishSummary.TableOutcome(table.qualifiedName(), "created", sync(st, table, table.name()));
            }
            if (normalise(showCreate(st, name)).equals(normalise(table.ddl(table.name())))) {
                return new PublishSummary.TableOutcome(table.qualifiedName(), "synced", sync(st, table, table.name()));
            }
            log.accept("the definition of " + table.qualifiedName() + " changed: rebuilding it beside the current one");
            String staging = table.name() + STAGING_SUFFIX;
            execute(st, table.ddl(staging));
            int partitions;
            try {
                partitions = sync(st, table, staging);
                execute(st, "SELECT * FROM " + name + STAGING_SUFFIX + " LIMIT 1");
            } catch (SQLException e) {
                execute(st, "DROP TABLE IF EXISTS " + name + STAGING_SUFFIX);
                throw e;
            }
            execute(st, "DROP TABLE " + name);
            execute(st, "ALTER TABLE " + name + STAGING_SUFFIX + " RENAME TO " + name);
            return new PublishSummary.TableOutcome(table.qualifiedName(), "updated", partitions);
        } catch (SQLException e) {
            throw new SQLException("publishing " + table.qualifiedName() + " failed: " + e.getMessage()
                    + " (tables published before it are updated, the others as they were; publishing again is safe)", e);
        }
    }

    /** Trino refuses an external location that is not an existing folder. */
    private static void createNoDataFolder(Path warehouse) {
        Path folder = WarehouseLayout.of(warehouse).noData();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder + ", where the tables with no data yet are published", e);
        }
    }

    /** Registers new period folders and forgets removed ones; returns the partitions now registered. */
    private int sync(Statement st, TableDefinition table, String tableName) throws SQLException {
        if (!table.partitioned()) {
            return 0;
        }
        execute(st, "CALL " + catalog.catalog() + ".system.sync_partition_metadata('" + table.schema() + "', '" + tableName + "', 'FULL')");
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + catalog.catalog() + "." + table.schema() + ".\"" + tableName + "$partitions\"")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void publishView(Statement st, ViewSpec view, Existing existing) throws SQLException {
        String name = catalog.catalog() + "." + view.qualifiedName();
        try {
            boolean replaced = !view.sql().equals(existing.viewSql.get(view.qualifiedName()));
            if (replaced) {
                execute(st, "CREATE OR REPLACE VIEW " + name + " AS\n" + view.sql());
            }
            if (replaced || !view.comment().equals(existing.tableComments.get(view.qualifiedName()))) {
                execute(st, "COMMENT ON VIEW " + name + " IS " + TableDefinition.literal(view.comment()));
            }
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT column_name FROM " + catalog.catalog() + ".information_schema.columns WHERE table_schema = '"
                    + view.schema() + "' AND table_name = '" + view.name() + "' ORDER BY ordinal_position")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            for (String column : columns) {
                String comment = catalog.viewColumnComment(view, column);
                if (comment == null) {
                    throw new IllegalStateException("column " + column + " of view " + view.qualifiedName() + " has no description: add it to "
                            + "schemas/trino/tables.yaml (the view's columns or the glossary)");
                }
                if (replaced || !comment.equals(existing.columnComments.get(view.qualifiedName() + "." + column))) {
                    execute(st, "COMMENT ON COLUMN " + name + "." + TableDefinition.quote(column) + " IS " + TableDefinition.literal(comment));
                }
            }
        } catch (SQLException e) {
            throw new SQLException("publishing view " + view.qualifiedName() + " failed: " + e.getMessage(), e);
        }
    }

    /** Tables and views of our schemas the warehouse no longer has (a rerun's leftovers, tables of another warehouse). */
    private List<String> dropStale(Statement st, PublishPlanner.Plan plan, Existing existing) throws SQLException {
        Set<String> wanted = new HashSet<>();
        plan.tables().forEach(t -> wanted.add(t.qualifiedName()));
        plan.views().forEach(v -> wanted.add(v.qualifiedName()));
        List<String> dropped = new ArrayList<>();
        for (String view : existing.views) {
            if (!wanted.contains(view)) {
                execute(st, "DROP VIEW IF EXISTS " + catalog.catalog() + "." + view);
                dropped.add(view);
            }
        }
        for (String table : existing.tables) {
            if (!wanted.contains(table)) {
                execute(st, "DROP TABLE IF EXISTS " + catalog.catalog() + "." + table);
                dropped.add(table);
            }
        }
        return dropped;
    }

    private static String showCreate(Statement st, String name) throws SQLException {
        try (ResultSet rs = st.executeQuery("SHOW CREATE TABLE " + name)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    static String normalise(String ddl) {
        return ddl.replaceAll("\\s+", " ").strip();
    }

    private void execute(Statement st, String sql) throws SQLException {
        long start = System.nanoTime();
        st.execute(sql);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} ms: {}", (System.nanoTime() - start) / 1_000_000, sql.lines().findFirst().orElse(""));
        }
    }

    /** What our schemas hold now: tables, views with their SQL, and comments. */
    private record Existing(Set<String> tables, Set<String> views, Map<String, String> viewSql, Map<String, String> tableComments,
            Map<String, String> columnComments) {

        static Existing read(Statement st, TableCatalog catalog) throws SQLException {
            String schemas = String.join(", ", catalog.schemas().keySet().stream().map(s -> "'" + s + "'").toList());
            Set<String> tables = new HashSet<>();
            Set<String> views = new HashSet<>();
            try (ResultSet rs = st.executeQuery("SELECT table_schema, table_name, table_type FROM " + catalog.catalog()
                    + ".information_schema.tables WHERE table_schema IN (" + schemas + ")")) {
                while (rs.next()) {
                    (rs.getString(3).equals("VIEW") ? views : tables).add(rs.getString(1) + "." + rs.getString(2));
                }
            }
            Map<String, String> viewSql = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_schema, table_name, view_definition FROM " + catalog.catalog()
                    + ".information_schema.views WHERE table_schema IN (" + schemas + ")")) {
                while (rs.next()) {
                    viewSql.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3) == null ? null : rs.getString(3).strip());
                }
            }
            Map<String, String> tableComments = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT schema_name, table_name, comment FROM system.metadata.table_comments WHERE catalog_name = '"
                    + catalog.catalog() + "' AND schema_name IN (" + schemas + ")")) {
                while (rs.next()) {
                    tableComments.put(rs.getString(1) + "." + rs.getString(2), rs.getString(3));
                }
            }
            Map<String, String> columnComments = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_schema, table_name, column_name, comment FROM " + catalog.catalog()
                    + ".information_schema.columns WHERE table_schema IN (" + schemas + ")")) {
                while (rs.next()) {
                    columnComments.put(rs.getString(1) + "." + rs.getString(2) + "." + rs.getString(3), rs.getString(4));
                }
            }
            return new Existing(tables, views, viewSql, tableComments, columnComments);
        }
    }
}
