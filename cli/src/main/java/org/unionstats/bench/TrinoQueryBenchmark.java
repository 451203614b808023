package org.unionstats.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the queries people actually send: dashboard-like reads of the KPI views and the
 * scorecard, data-quality reads, and the example queries of docs/analysts.md, each run repeatedly
 * as the analyst after one warm-up run; p50 and p95 of the wall time to the last row.
 */
public final class TrinoQueryBenchmark {

    /** One query's figures. */
    public record Latency(String name, long rows, double p50Ms, double p95Ms, double minMs, double maxMs) {}

    private TrinoQueryBenchmark() {}

    /** The workload: name → SQL, for the latest quarter of the warehouse. */
    public static Map<String, String> workload(Connection trino, Path analystsGuide) throws Exception {
        String quarter;
        try (Statement st = trino.createStatement();
                ResultSet rs = st.executeQuery("SELECT max(period) FROM unionstats.kpi.fact_membership WHERE period_type = 'quarter'")) {
            rs.next();
            quarter = rs.getString(1);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("dashboard: provinces, membership KPIs of the quarter", "SELECT org_name, members_end, members_net_growth, members_growth_rate, "
                + "membership_rate FROM unionstats.kpi.membership WHERE org_level = 'province' AND period = '" + quarter + "' ORDER BY members_end DESC");
        queries.put("dashboard: one city, quarterly trend of 4 KPIs", "SELECT period, kpi_id, value FROM unionstats.kpi.kpi_values "
                + "WHERE org_code = '130300' AND period_type = 'quarter' AND kpi_id IN ('members_end', 'members_net_growth', "
                + "'hardship_lift_out_rate', 'competition_entrants') ORDER BY period, kpi_id");
        queries.put("dashboard: counties of a city, hardship of the quarter", "SELECT county, hardship_on_file_end, hardship_lifted_out, "
                + "hardship_lift_out_rate FROM unionstats.kpi.hardship WHERE city = '秦皇岛市' AND org_level = 'county' AND period = '" + quarter + "'");
        queries.put("dashboard: county scorecard of a city", "SELECT county_name, kpi_name_zh, value, change_on_quarter, rank_in_city, bottom_quarter "
                + "FROM unionstats.kpi.county_scorecard WHERE city_code = '130300' AND period = '" + quarter + "' ORDER BY county_code, kpi_order");
        queries.put("dashboard: national KPI values of the quarter", "SELECT kpi_id, kpi_name_zh, value, unit FROM unionstats.kpi.kpi_values "
                + "WHERE org_level = 'national' AND period = '" + quarter + "' ORDER BY kpi_id");
        queries.put("data quality: quarantine by error", "SELECT error_code, count(*) AS rows, count(DISTINCT submitter) AS submitters "
                + "FROM unionstats.ops.quarantine GROUP BY error_code ORDER BY rows DESC");
        queries.put("data quality: reporting completeness by province", "SELECT o.org_name, c.record_type, c.completeness_rate, c.timeliness_rate "
                + "FROM unionstats.ops.reporting_completeness c JOIN unionstats.warehouse.dim_orgs o ON o.org_code = c.org_code "
                + "WHERE c.org_level = 'province' AND c.period = '" + quarter + "'");
        Matcher block = Pattern.compile("```sql\\n(-- example: ([^\\n]*)\\n.*?)```", Pattern.DOTALL).matcher(Files.readString(analystsGuide));
        while (block.find()) {
            queries.put("analysts.md: " + block.group(2), block.group(1));
        }
        return queries;
    }

    public static List<Latency> run(Connection trino, Map<String, String> queries, int runs) throws SQLException {
        List<Latency> results = new ArrayList<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            long rows = execute(trino, q.getValue());
            double[] ms = new double[runs];
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                execute(trino, q.getValue());
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(ms);
            results.add(new Latency(q.getKey(), rows, percentile(ms, 50), percentile(ms, 95), ms[0], ms[ms.length - 1]));
        }
        return results;
    }

    private static long execute(Connection trino, String sql) throws SQLException {
        long rows = 0;
        try (Statement st = trino.createStatement(); ResultSet rs = st.executeQuery(sql.strip())) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
