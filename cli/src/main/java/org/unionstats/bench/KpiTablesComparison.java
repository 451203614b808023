package org.unionstats.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.unionstats.files.FileTrees;

/**
 * Whether two warehouses hold the same KPI tables: for every table the KPI job writes, its rows on each side and the
 * rows only one side has ({@code EXCEPT ALL} both ways, every column, partition columns included as text), read with
 * DuckDB.
 *
 * @param tables one line per table, in the order asked
 */
public record KpiTablesComparison(List<Table> tables) {

    /** One table: rows on each side, rows only on one side; {@code written} false when neither side has data files. */
    public record Table(String name, boolean written, long rowsA, long rowsB, long onlyA, long onlyB) {
        public boolean equal() {
            return rowsA == rowsB && onlyA == 0 && onlyB == 0;
        }
    }

    public boolean equal() {
        return tables.stream().allMatch(Table::equal);
    }

    /** A Markdown table of the comparison, {@code a} and {@code b} naming the sides. */
    public String describe(String a, String b) {
        StringBuilder s = new StringBuilder(String.format("| table | rows, %s | rows, %s | only in %s | only in %s |%n|---|---:|---:|---:|---:|%n",
                a, b, a, b));
        for (Table t : tables) {
            s.append(t.written()
                    ? String.format("| %s | %,d | %,d | %,d | %,d |%n", t.name(), t.rowsA(), t.rowsB(), t.onlyA(), t.onlyB())
                    : String.format("| %s | (no data) | (no data) | 0 | 0 |%n", t.name()));
        }
        s.append(equal() ? "every table EQUAL" : "tables DIFFERENT").append('\n');
        return s.toString();
    }

    /** Compares the tables {@code names} of warehouses {@code a} and {@code b}. */
    public static KpiTablesComparison of(Path a, Path b, List<String> names) throws SQLException {
        List<Table> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (String name : names) {
                boolean inA = FileTrees.hasParquetFiles(a.resolve(name));
                boolean inB = FileTrees.hasParquetFiles(b.resolve(name));
                if (!inA && !inB) {
                    out.add(new Table(name, false, 0, 0, 0, 0));
                    continue;
                }
                st.execute("CREATE OR REPLACE TEMP TABLE side_a AS " + scan(a.resolve(name), inA));
                st.execute("CREATE OR REPLACE TEMP TABLE side_b AS " + scan(b.resolve(name), inB));
                // The same columns in the same order on both sides, by name; a column one side lacks fails here.
                String columns = columns(st, inA ? "side_a" : "side_b");
                long rowsA = count(st, "SELECT count(*) FROM side_a");
                long rowsB = count(st, "SELECT count(*) FROM side_b");
                long onlyA = inA && inB ? count(st, "SELECT count(*) FROM (SELECT " + columns + " FROM side_a EXCEPT ALL SELECT "
                        + columns + " FROM side_b)") : rowsA;
                long onlyB = inA && inB ? count(st, "SELECT count(*) FROM (SELECT " + columns + " FROM side_b EXCEPT ALL SELECT "
                        + columns + " FROM side_a)") : rowsB;
                out.add(new Table(name, true, rowsA, rowsB, onlyA, onlyB));
            }
        }
        return new KpiTablesComparison(List.copyOf(out));
    }

    private static String scan(Path table, boolean hasData) {
        return hasData
                ? "SELECT * FROM read_parquet('" + table.toAbsolutePath().toString().replace("'", "''")
                        + "/**/*.parquet', hive_partitioning = true, hive_types_autocast = false, union_by_name = true)"
                : "SELECT 1 AS no_data WHERE false";
    }

    private static String columns(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT * FROM " + table + " LIMIT 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                names.add('"' + meta.getColumnName(i).replace("\"", "\"\"") + '"');
            }
            return names.stream().collect(Collectors.joining(", "));
        }
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
