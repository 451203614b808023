package org.unionstats.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the ingest tests read back from a warehouse, through DuckDB: a table's Parquet files, one value, one column. */
final class WarehouseSql {

    private WarehouseSql() {}

    /** A table of the warehouse as a DuckDB relation, with its partition column. */
    static String table(Path warehouse, String name) {
        return "read_parquet('" + warehouse.resolve(name) + "/*/*.parquet', hive_partitioning = true, union_by_name = true)";
    }

    /** The first column of the query's first row (which must exist). */
    static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            assertThat(rs.next()).as("a row from: " + sql).isTrue();
            return rs.getString(1);
        }
    }

    /** The first column of every row. */
    static List<String> rows(Statement st, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
