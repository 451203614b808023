package org.unionstats.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.unionstats.period.Period;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "scorecard", mixinStandardHelpOptions = true,
        description = "The county quarterly scorecard (县区季度指导书) of one city: headline KPIs, rank among the city's counties, flags.")
final class ScorecardCommand implements Callable<Integer> {

    @Option(names = "--warehouse", required = true, description = "Warehouse root.")
    Path warehouse;

    @Option(names = "--city", required = true, description = "City code, e.g. 130300 (秦皇岛市).")
    String city;

    @Option(names = "--period", required = true, description = "Quarter, e.g. 2024Q3.")
    String period;

    @Option(names = "--json", description = "Print the scorecard as JSON.")
    boolean json;

    record Cell(String kpiId, String nameZh, String unit, Double value, Double previous, Double changeOnQuarter, Double yearAgo,
            Double changeOnYear, Integer rank, Integer ranked, boolean bottomQuarter) {}

    record County(String code, String name, int dqFindings, List<Cell> cells) {}

    @Override
    public Integer call() throws Exception {
        String quarter = Period.parse(period).canonical();
        Map<String, County> counties = new LinkedHashMap<>();
        String cityName = city;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement st = db.prepareStatement("""
                        SELECT city_name, county_code, county_name, kpi_id, kpi_name_zh, value, previous_value, change_on_quarter,
                               year_ago_value, change_on_year, rank_in_city, counties_ranked, bottom_quarter, dq_findings, unit
                        FROM read_parquet(?, hive_partitioning = true, union_by_name = true)
                        WHERE city_code = ? AND period = ?
                        ORDER BY county_code, kpi_order""")) {
            st.setString(1, warehouse.resolve("county_scorecard").toAbsolutePath() + "/*/*.parquet");
            st.setString(2, city);
            st.setString(3, quarter);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cityName = rs.getString(1);
                    String code = rs.getString(2);
                    if (!counties.containsKey(code)) {
                        counties.put(code, new County(code, rs.getString(3), rs.getInt(14), new ArrayList<>()));
                    }
                    County county = counties.get(code);
                    county.cells().add(new Cell(rs.getString(4), rs.getString(5), rs.getString(15), number(rs, 6), number(rs, 7), number(rs, 8),
                            number(rs, 9), number(rs, 10), integer(rs, 11), integer(rs, 12), rs.getBoolean(13)));
                }
            }
        }
        if (counties.isEmpty()) {
            System.out.println("no scorecard for city " + city + " in " + quarter + " (has the kpi job run for it?)");
            return 1;
        }
        if (json) {
            System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    Map.of("city_code", city, "city_name", cityName, "period", quarter, "counties", counties.values())));
            return 0;
        }
        print(cityName, quarter, counties.values());
        return 0;
    }

    private void print(String cityName, String quarter, java.util.Collection<County> counties) {
        System.out.printf("%s（%s）县区季度指导书 %s — %d 个县区%n", cityName, city, quarter, counties.size());
        System.out.println("数值、较上季度、较上年同期、全市排名（1 = 最好）；⚠ = 位于全市后四分之一");
        for (County county : counties) {
            System.out.println();
            System.out.printf("%s %s%s%n", county.name(), county.code(),
                    county.dqFindings() > 0 ? "  [" + county.dqFindings() + " 条数据质量问题，见 dq_findings]" : "");
            List<String> focus = new ArrayList<>();
            for (Cell c : county.cells()) {
                System.out.printf("  %s %s %14s  较上季 %-12s 同比 %-12s %s%n", c.bottomQuarter() ? "⚠" : " ",
                        pad(c.nameZh(), 11), value(c.value(), c.unit()), change(c.changeOnQuarter(), c.unit()),
                        change(c.changeOnYear(), c.unit()), c.rank() == null ? "" : "第 " + c.rank() + "/" + c.ranked());
                if (c.bottomQuarter()) {
                    focus.add(c.nameZh());
                }
            }
            if (!focus.isEmpty()) {
                System.out.println("  下季度重点：" + String.join("、", focus));
            }
        }
    }

    private static String value(Double v, String unit) {
        return v == null ? "—" : Format.number(v, unit);
    }

    private static String change(Double v, String unit) {
        return v == null ? "—" : (v >= 0 ? "+" : "") + Format.number(v, unit);
    }

    /** Pads Chinese text by display width (two columns per character). */
    private static String pad(String text, int width) {
        int display = text.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
        return text + " ".repeat(Math.max(0, width * 2 - display));
    }

    private static Double number(ResultSet rs, int column) throws java.sql.SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, int column) throws java.sql.SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
