package org.unionstats.cli.kpi;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * One org's KPI values for one period (totals, no breakdowns), read from the Parquet tables through
 * DuckDB, to check a run.
 *
 * @param orgName the org's path name, or null when there are no values
 * @param values kpi_id → value, in catalogue order
 * @param table the values as printed: id, Chinese name, value in its unit, qualifier
 */
public record KpiValues(String org, String period, String orgName, Map<String, Object> values, String table) {

    public static KpiValues read(WarehouseLayout warehouse, String org, String period) throws SQLException {
        Map<String, Object> values = new LinkedHashMap<>();
        String orgName = null;
        StringBuilder table = new StringBuilder();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement st = db.prepareStatement("""
                        SELECT v.kpi_id, v.value, v.qualifier, d.name_zh, d.unit, o.org_name, o.path_name
                        FROM (%s) v
                        JOIN read_parquet(?) d ON d.kpi_id = v.kpi_id
                        JOIN read_parquet(?) o ON o.org_code = v.org_code
                        WHERE v.org_code = ? AND v.period = ? AND v.breakdown = ''
                        ORDER BY d.family, v.kpi_id""".formatted(KpiValueRows.select(warehouse, KpiCatalogue.load())))) {
            st.setString(1, warehouse.localTable("dim_kpis").resolve("*.parquet").toString());
            st.setString(2, warehouse.localTable("dim_orgs").resolve("*.parquet").toString());
            st.setString(3, org);
            st.setString(4, period);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    orgName = rs.getString(7);
                    values.put(rs.getString(1), rs.getDouble(2));
                    table.append(String.format("  %-44s %-18s %16s %-8s %s%n", rs.getString(1), rs.getString(4),
                            Format.number(rs.getDouble(2), rs.getString(5)), rs.getString(5),
                            "exact".equals(rs.getString(3)) ? "" : rs.getString(3)));
                }
            }
        }
        return new KpiValues(org, period, orgName, values, table.toString());
    }

    public boolean isEmpty() {
        return orgName == null;
    }

    /** The header and the table, or a line saying there is nothing (has the kpi job run?). */
    public void print(PrintStream out) {
        if (isEmpty()) {
            out.println("no KPI values for " + org + " in " + period + " (has the kpi job run?)");
            return;
        }
        out.println(orgName + " (" + org + "), " + period);
        out.print(table);
    }
}
