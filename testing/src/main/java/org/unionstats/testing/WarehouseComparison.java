package org.unionstats.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Two warehouses hold the same tables: same folders, same rows (compared with DuckDB, {@code EXCEPT ALL}
 * both ways), but for the columns that name the run.
 */
public final class WarehouseComparison {

    /** Columns that differ between two runs of the same input by design. */
    private static final List<String> RUN_COLUMNS = List.of("run_id", "ingested_at", "received_at");

    private WarehouseComparison() {}

    /** The table folders of a warehouse, without its bookkeeping and without {@code skipped}. */
    public static List<String> tables(Path warehouse, Set<String> skipped) throws IOException {
        try (Stream<Path> s = Files.list(warehouse)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !WarehouseLayout.isHidden(n) && !skipped.contains(n)).sorted().toList();
        }
    }

    /** The data files of a table, outside hidden folders. */
    public static long parquetFiles(Path warehouse, String table) throws IOException {
        Path folder = warehouse.resolve(table);
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".parquet"))
                    .filter(f -> !folder.relativize(f).toString().matches("(^|.*/)[._].*"))
                    .count();
        }
    }

    public static long rows(Path warehouse, String table) throws SQLException, IOException {
        if (parquetFiles(warehouse, table) == 0) {
            return 0;
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from " + scan(warehouse, table))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Asserts both warehouses hold the same tables with the same rows. A table with no data files (e.g.
     * no findings) must have none in both.
     */
    public static void assertSameTables(Path expected, Path actual, Set<String> skipped) throws Exception {
        List<String> tables = tables(expected, skipped);
        assertThat(tables(actual, skipped)).isEqualTo(tables);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (String table : tables) {
                if (parquetFiles(expected, table) == 0 || parquetFiles(actual, table) == 0) {
                    assertThat(rows(actual, table)).as(table + ": rows").isEqualTo(rows(expected, table));
                    continue;
                }
                List<String> exclude = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("describe select * from " + scan(expected, table))) {
                    while (rs.next()) {
                        if (RUN_COLUMNS.contains(rs.getString(1))) {
                            exclude.add(rs.getString(1));
                        }
                    }
                }
                String cols = exclude.isEmpty() ? "*" : "* exclude (" + String.join(", ", exclude) + ")";
                String a = "select " + cols + " from " + scan(expected, table);
                String b = "select " + cols + " from " + scan(actual, table);
                try (ResultSet rs = st.executeQuery("select (select count(*) from (" + a + ")), (select count(*) from (" + b + ")),"
                        + " (select count(*) from (" + a + " except all " + b + ")), (select count(*) from (" + b + " except all " + a + "))")) {
                    rs.next();
                    assertThat(rs.getLong(2)).as(table + ": rows").isEqualTo(rs.getLong(1));
                    assertThat(rs.getLong(3) + rs.getLong(4)).as(table + ": rows that differ").isZero();
                }
            }
        }
    }

    private static String scan(Path warehouse, String table) {
        return "read_parquet('" + warehouse.resolve(table) + "/**/*.parquet', hive_partitioning = true, hive_types_autocast = false,"
                + " union_by_name = true)";
    }
}
