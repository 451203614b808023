package org.unionstats.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.unionstats.contract.RecordType;

/** Prints what the warehouse holds, read back through DuckDB as any Parquet reader would. */
final class WarehouseOverview {

    private WarehouseOverview() {}

    static void print(Path warehouse) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            System.out.println();
            System.out.println("warehouse " + warehouse.toAbsolutePath() + " (Parquet, partitioned by period):");
            System.out.printf("  %-22s %12s %10s%n", "table", "rows", "periods");
            List<String> tables = new java.util.ArrayList<>();
            for (RecordType t : RecordType.values()) {
                tables.add(t.code());
            }
            tables.add("quarantine");
            tables.add("ingest_receipts");
            for (String table : tables) {
                if (!Files.isDirectory(warehouse.resolve(table))) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("select count(*), count(distinct period) from " + scan(warehouse, table))) {
                    rs.next();
                    System.out.printf("  %-22s %,12d %10d%n", table, rs.getLong(1), rs.getLong(2));
                }
            }
            if (Files.isDirectory(warehouse.resolve("quarantine"))) {
                System.out.println("most common reasons for quarantine:");
                try (ResultSet rs = st.executeQuery("select error_code, count(*) n, any_value(message_zh) from "
                        + scan(warehouse, "quarantine") + " group by 1 order by 2 desc limit 8")) {
                    while (rs.next()) {
                        System.out.printf("  %-28s %,8d  e.g. %s%n", rs.getString(1), rs.getLong(2), abbreviate(rs.getString(3)));
                    }
                }
            }
        }
    }

    private static String scan(Path warehouse, String table) {
        return "read_parquet('" + warehouse.resolve(table).toAbsolutePath() + "/*/*.parquet', hive_partitioning = true, union_by_name = true)";
    }

    private static String abbreviate(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }
}
