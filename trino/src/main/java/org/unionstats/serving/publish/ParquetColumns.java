package org.unionstats.serving.publish;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableSpec;

/**
 * A table folder's columns and their Trino types, read from the Parquet footers themselves (through
 * DuckDB, merging files by column name as Trino's Hive connector does), so what is published always
 * matches what Beam or Spark wrote. The {@code period} partition column is not in the files.
 */
final class ParquetColumns {

    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

    private ParquetColumns() {}

    /** True when the folder holds Hive-style period=… partitions. */
    static boolean partitioned(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.anyMatch(p -> Files.isDirectory(p) && WarehouseLayout.periodOf(p.getFileName().toString()).isPresent());
        }
    }

    /** True when there is at least one Parquet file to describe, {@code levels} partition folders down at most. */
    static boolean hasData(Path folder, int levels) throws IOException {
        try (Stream<Path> walk = Files.walk(folder, Math.max(levels, 1) + 1)) {
            return walk.anyMatch(p -> p.getFileName().toString().endsWith(".parquet") && !p.toString().contains("/."));
        }
    }

    /** Column name → Trino type, in file order, of a table of the warehouse. */
    static Map<String, String> read(Connection duckdb, WarehouseLayout warehouse, TableSpec spec) throws SQLException {
        String table = spec.folder();
        String glob = warehouse.tableFilesGlob(spec);
        Map<String, String> columns = new LinkedHashMap<>();
        try (Statement st = duckdb.createStatement();
                ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + glob.replace("'", "''")
                        + "', union_by_name = true, hive_partitioning = false)")) {
            while (rs.next()) {
                String name = rs.getString("column_name");
                columns.put(name, trinoType(rs.getString("column_type"), table + "." + name));
            }
        }
        return columns;
    }

    static Connection duckdb() throws SQLException {
        return DriverManager.getConnection("jdbc:duckdb:");
    }

    /** DuckDB's reading of a Parquet column type, as the Hive connector's type for it. */
    static String trinoType(String duckType, String where) {
        String t = duckType.toUpperCase(Locale.ROOT).strip();
        Matcher decimal = DECIMAL.matcher(t);
        if (decimal.matches()) {
            return "decimal(" + decimal.group(1) + ", " + decimal.group(2) + ")";
        }
        return switch (t) {
            case "VARCHAR" -> "varchar";
            case "BIGINT" -> "bigint";
            case "INTEGER" -> "integer";
            case "SMALLINT" -> "smallint";
            case "TINYINT" -> "tinyint";
            case "DOUBLE" -> "double";
            case "FLOAT" -> "real";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "BLOB" -> "varbinary";
            case "TIMESTAMP", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_MS", "TIMESTAMP_S", "TIMESTAMP_NS" -> "timestamp(3)";
            default -> throw new IllegalStateException("column " + where + " has Parquet type " + duckType
                    + ", which publishing does not map to a Trino type yet");
        };
    }
}
