package org.unionstats.serving.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Runs one SQL statement and keeps its result (up to a row limit, so a careless SELECT * cannot exhaust memory). */
public final class QueryRunner {

    private QueryRunner() {}

    public static ResultTable run(Connection connection, String sql, int maxRows) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.setLargeMaxRows(maxRows);
            if (!st.execute(stripSemicolon(sql))) {
                return new ResultTable(List.of("rows"), List.of("bigint"), List.of(List.of(Math.max(0, st.getLargeUpdateCount()))));
            }
            try (ResultSet rs = st.getResultSet()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                    types.add(md.getColumnTypeName(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(rs.getObject(i));
                    }
                    rows.add(row);
                }
                return new ResultTable(columns, types, rows);
            }
        }
    }

    static String stripSemicolon(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }
}
