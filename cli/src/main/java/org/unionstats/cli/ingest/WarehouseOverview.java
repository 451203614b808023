package org.unionstats.cli.ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.unionstats.contract.RecordType;
import org.unionstats.warehouse.WarehouseLayout;

/** Prints what the ingest put in the warehouse, read back through DuckDB as any Parquet reader would. */
public final class WarehouseOverview {

    private WarehouseOverview() {}

    public static void print(WarehouseLayout warehouse, PrintStream out) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            out.println();
            out.println("warehouse " + warehouse.localRoot() + " (Parquet, partitioned by period):");
            out.printf("  %-22s %12s %10s%n", "table", "rows", "periods");
            List<String> tables = new ArrayList<>();
            for (RecordType t : RecordType.values()) {
                tables.add(t.code());
            }
            tables.add(WarehouseLayout.QUARANTINE);
            tables.add(WarehouseLayout.RECEIPTS);
            for (String table : tables) {
                if (!Files.isDirectory(warehouse.localTable(table))) {
                    continue;
                }
                try (ResultSet rs = st.executeQuery("select count(*), count(distinct period) from " + scan(warehouse, table))) {
                    rs.next();
                    out.printf("  %-22s %,12d %10d%n", table, rs.getLong(1), rs.getLong(2));
                }
            }
            if (Files.isDirectory(warehouse.localTable(WarehouseLayout.QUARANTINE))) {
                out.println("most common reasons for quarantine:");
                try (ResultSet rs = st.executeQuery("select error_code, count(*) n, any_value(message_zh) from "
                        + scan(warehouse, WarehouseLayout.QUARANTINE) + " group by 1 order by 2 desc limit 8")) {
                    while (rs.next()) {
                        out.printf("  %-28s %,8d  e.g. %s%n", rs.getString(1), rs.getLong(2), abbreviate(rs.getString(3)));
                    }
                }
            }
        }
    }

    private static String scan(WarehouseLayout warehouse, String table) {
        return "read_parquet('" + warehouse.tableFilesGlob(table) + "', hive_partitioning = true, union_by_name = true)";
    }

    private static String abbreviate(String s) {
        return s.length() > 70 ? s.substring(0, 70) + "…" : s;
    }
}
