package org.unionstats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unionstats.period.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "kpis", mixinStandardHelpOptions = true,
        description = "Print the KPI values of one org and period, to check a run.")
final class KpisCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    Path warehouse;

    @Option(names = "--org", required = true, description = "Org code: 000000 (national), 130000, 130300, 130306, 130306-0042…")
    String org;

    @Option(names = "--period", required = true, description = "Period, e.g. 2024Q3, 2024-07, 2024H1, 2024.")
    String period;

    @Option(names = "--json", description = "One JSON object mapping kpi_id to value (totals only).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        String canonical = Period.parse(period).canonical();
        Map<String, Object> values = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement st = db.prepareStatement("""
                        SELECT v.kpi_id, v.value, v.qualifier, d.name_zh, d.unit, o.org_name, o.path_name
                        FROM read_parquet(?, hive_partitioning = true, union_by_name = true) v
                        JOIN read_parquet(?) d ON d.kpi_id = v.kpi_id
                        JOIN read_parquet(?) o ON o.org_code = v.org_code
                        WHERE v.org_code = ? AND v.period = ? AND v.breakdown = ''
                        ORDER BY d.family, v.kpi_id""")) {
            st.setString(1, warehouse.resolve("kpi_values").toAbsolutePath() + "/*/*.parquet");
            st.setString(2, warehouse.resolve("dim_kpis").toAbsolutePath() + "/*.parquet");
            st.setString(3, warehouse.resolve("dim_orgs").toAbsolutePath() + "/*.parquet");
            st.setString(4, org);
            st.setString(5, canonical);
            String header = null;
            StringBuilder table = new StringBuilder();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    header = rs.getString(7) + " (" + org + "), " + canonical;
                    values.put(rs.getString(1), rs.getDouble(2));
                    table.append(String.format("  %-44s %-18s %16s %-8s %s%n", rs.getString(1), rs.getString(4),
                            Format.number(rs.getDouble(2), rs.getString(5)), rs.getString(5),
                            "exact".equals(rs.getString(3)) ? "" : rs.getString(3)));
                }
            }
            if (json) {
                System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(values));
            } else if (header == null) {
                System.out.println("no KPI values for " + org + " in " + canonical + " (has the kpi job run?)");
                return 1;
            } else {
                System.out.println(header);
                System.out.print(table);
            }
        }
        return 0;
    }
}
