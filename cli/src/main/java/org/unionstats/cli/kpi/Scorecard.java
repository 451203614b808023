package org.unionstats.cli.kpi;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The county quarterly scorecard (县区季度指导书) of one city, read from {@code county_scorecard}:
 * each county's headline KPIs, their change on the quarter and on the year, the rank among the
 * city's counties and the bottom-quarter flags.
 */
public record Scorecard(String cityCode, String cityName, String quarter, Collection<County> counties) {

    public record Cell(String kpiId, String nameZh, String unit, Double value, Double previous, Double changeOnQuarter, Double yearAgo,
            Double changeOnYear, Integer rank, Integer ranked, boolean bottomQuarter) {}

    public record County(String code, String name, int dqFindings, List<Cell> cells) {}

    public static Scorecard read(WarehouseLayout warehouse, String city, String quarter) throws SQLException {
        Map<String, County> counties = new LinkedHashMap<>();
        String cityName = city;
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement st = db.prepareStatement("""
                        SELECT city_name, county_code, county_name, kpi_id, kpi_name_zh, value, previous_value, change_on_quarter,
                               year_ago_value, change_on_year, rank_in_city, counties_ranked, bottom_quarter, dq_findings, unit
                        FROM read_parquet(?, hive_partitioning = true, union_by_name = true)
                        WHERE city_code = ? AND period = ?
                        ORDER BY county_code, kpi_order""")) {
            st.setString(1, warehouse.tableFilesGlob("county_scorecard"));
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
        return new Scorecard(city, cityName, quarter, counties.values());
    }

    public boolean isEmpty() {
        return counties.isEmpty();
    }

    /** The scorecard as a county leader reads it, or a line saying there is none (has the kpi job run?). */
    public void print(PrintStream out) {
        if (isEmpty()) {
            out.println("no scorecard for city " + cityCode + " in " + quarter + " (has the kpi job run for it?)");
            return;
        }
        out.printf("%s（%s）县区季度指导书 %s — %d 个县区%n", cityName, cityCode, quarter, counties.size());
        out.println("数值、较上季度、较上年同期、全市排名（1 = 最好）；⚠ = 位于全市后四分之一");
        for (County county : counties) {
            out.println();
            out.printf("%s %s%s%n", county.name(), county.code(),
                    county.dqFindings() > 0 ? "  [" + county.dqFindings() + " 条数据质量问题，见 dq_findings]" : "");
            List<String> focus = new ArrayList<>();
            for (Cell c : county.cells()) {
                out.printf("  %s %s %14s  较上季 %-12s 同比 %-12s %s%n", c.bottomQuarter() ? "⚠" : " ",
                        pad(c.nameZh(), 11), value(c.value(), c.unit()), change(c.changeOnQuarter(), c.unit()),
                        change(c.changeOnYear(), c.unit()), c.rank() == null ? "" : "第 " + c.rank() + "/" + c.ranked());
                if (c.bottomQuarter()) {
                    focus.add(c.nameZh());
                }
            }
            if (!focus.isEmpty()) {
                out.println("  下季度重点：" + String.join("、", focus));
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

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
