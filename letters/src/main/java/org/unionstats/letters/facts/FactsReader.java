package org.unionstats.letters.facts;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;

/**
 * Reads what the letters of one city and quarter rest on from the KPI tables, with DuckDB over their Parquet files:
 * the county-level units of the city ({@code dim_orgs}), their scorecard ({@code county_scorecard}, with each KPI's
 * direction from {@code dim_kpis}), the targets issued to them ({@code kpi_targets}, when the warehouse has it), the
 * data-quality findings at them and their basic-level unions ({@code dq_findings}) and their reporting
 * ({@code reporting_completeness}).
 *
 * <p>The county-level units of a city are those whose city is the city or, for units without a city (districts of a
 * municipality, counties under a province), whose parent is: the grouping {@code county_scorecard} ranks them in.
 */
public final class FactsReader {

    private final WarehouseTables tables;

    public FactsReader(WarehouseTables tables) {
        this.tables = tables;
    }

    public CityFacts read(String cityCode, String quarter) {
        String orgs = required(WarehouseTables.DIM_ORGS);
        String scorecard = required(WarehouseTables.SCORECARD);
        String kpis = required(WarehouseTables.DIM_KPIS);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            String cityName = cityName(db, orgs, cityCode).orElseThrow(() -> new UnionStatsException(ExitCode.FAILURE, "the warehouse "
                    + tables.location() + " has no union " + cityCode + " in dim_orgs: run bin/unionstats kpi on it first"
                    + " / 指标库中没有该地市，请先运行 kpi"));
            try (PreparedStatement st = db.prepareStatement("CREATE TEMP TABLE counties AS SELECT org_code, org_name,"
                    + " COALESCE(is_functional_zone, false) AS functional_zone FROM " + orgs
                    + " WHERE org_level = 'county' AND COALESCE(city_code, parent_code) = ?")) {
                st.setString(1, cityCode);
                st.execute();
            }
            Map<String, List<KpiFacts>> kpisByCounty = scorecard(db, scorecard, kpis, quarter);
            tables.read(WarehouseTables.TARGETS).ifPresent(targets -> addTargets(db, targets, kpis, cityCode, quarter, kpisByCounty));
            Map<String, List<Finding>> findings = tables.read(WarehouseTables.FINDINGS)
                    .map(f -> findings(db, f, orgs, quarter)).orElse(Map.of());
            Map<String, List<Reporting>> reporting = tables.read(WarehouseTables.COMPLETENESS)
                    .map(c -> reporting(db, c, quarter)).orElse(Map.of());
            List<CountyFacts> counties = new ArrayList<>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT org_code, org_name, functional_zone FROM counties ORDER BY org_code")) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    counties.add(new CountyFacts(code, rs.getString(2), rs.getBoolean(3), kpisByCounty.getOrDefault(code, List.of()),
                            findings.getOrDefault(code, List.of()), reporting.getOrDefault(code, List.of())));
                }
            }
            return new CityFacts(cityCode, cityName, quarter, counties);
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot read the KPI tables of " + tables.location() + ": " + e.getMessage(), e);
        }
    }

    /** The cities whose county-level units have scorecard rows in the quarter: the cities a quarter's letters go from. */
    public List<String> citiesWithKpis(String quarter) {
        String scorecard = required(WarehouseTables.SCORECARD);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                PreparedStatement st = db.prepareStatement("SELECT DISTINCT city_code FROM " + scorecard
                        + " WHERE period = ? AND county_code IS NOT NULL ORDER BY city_code")) {
            st.setString(1, quarter);
            List<String> cities = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    cities.add(rs.getString(1));
                }
            }
            return cities;
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot read the KPI tables of " + tables.location() + ": " + e.getMessage(), e);
        }
    }

    private String required(String table) {
        return tables.read(table).orElseThrow(() -> new UnionStatsException(ExitCode.FAILURE, "the warehouse " + tables.location()
                + " has no " + table + " table: run bin/unionstats kpi on it first / 仓库中没有 " + table + " 表，请先运行 kpi"));
    }

    private static Optional<String> cityName(Connection db, String orgs, String cityCode) throws SQLException {
        try (PreparedStatement st = db.prepareStatement("SELECT org_name FROM " + orgs + " WHERE org_code = ?")) {
            st.setString(1, cityCode);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static Map<String, List<KpiFacts>> scorecard(Connection db, String scorecard, String kpis, String quarter) throws SQLException {
        Map<String, List<KpiFacts>> byCounty = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement("""
                SELECT s.county_code, s.kpi_id, s.kpi_name_zh, s.unit, k.better, s.value, s.change_on_quarter, s.change_on_year,
                       s.rank_in_city, s.counties_ranked, s.bottom_quarter
                FROM %s s LEFT JOIN %s k ON k.kpi_id = s.kpi_id
                WHERE s.period = ? AND s.county_code IN (SELECT org_code FROM counties)
                ORDER BY s.county_code, s.kpi_order""".formatted(scorecard, kpis))) {
            st.setString(1, quarter);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byCounty.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(new KpiFacts(rs.getString(2), rs.getString(3),
                            rs.getString(4), Better.fromCode(rs.getString(5)), true, number(rs, 6), number(rs, 7), number(rs, 8),
                            integer(rs, 9), integer(rs, 10), rs.getBoolean(11), List.of()));
                }
            }
        }
        return byCounty;
    }

    /**
     * Adds each target to its KPI, or the KPI (value = the target's actual value) when it is not on the scorecard;
     * the city's own targets first, then by target period.
     */
    private static void addTargets(Connection db, String targets, String kpis, String cityCode, String quarter,
            Map<String, List<KpiFacts>> byCounty) {
        try (PreparedStatement st = db.prepareStatement("""
                SELECT t.org_code, t.kpi_id, COALESCE(k.name_zh, t.kpi_id), COALESCE(k.unit, ''), k.better, t.issuer_code,
                       t.target_period, t.target_value, t.actual_value, t.attainment_pct, t.expected_pace_pct, t.on_pace
                FROM %s t LEFT JOIN %s k ON k.kpi_id = t.kpi_id
                WHERE t.period = ? AND t.org_code IN (SELECT org_code FROM counties) AND t.target_value IS NOT NULL
                ORDER BY t.org_code, t.issuer_code <> ?, t.target_period, t.kpi_id, t.issuer_code""".formatted(targets, kpis))) {
            st.setString(1, quarter);
            st.setString(2, cityCode);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    List<KpiFacts> county = byCounty.computeIfAbsent(rs.getString(1), c -> new ArrayList<>());
                    Target target = new Target(rs.getString(6), rs.getString(7), rs.getDouble(8), number(rs, 9), number(rs, 10),
                            number(rs, 11), bool(rs, 12));
                    String kpiId = rs.getString(2);
                    Optional<KpiFacts> known = county.stream().filter(k -> k.kpiId().equals(kpiId)).findFirst();
                    if (known.isPresent()) {
                        List<Target> more = new ArrayList<>(known.get().targets());
                        more.add(target);
                        county.set(county.indexOf(known.get()), known.get().withTargets(more));
                    } else {
                        county.add(new KpiFacts(kpiId, rs.getString(3), rs.getString(4), Better.fromCode(rs.getString(5)), false,
                                target.actualValue(), null, null, null, null, false, List.of(target)));
                    }
                }
            }
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot read kpi_targets: " + e.getMessage(), e);
        }
    }

    private static Map<String, List<Finding>> findings(Connection db, String findings, String orgs, String quarter) {
        Map<String, List<Finding>> byCounty = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement("""
                SELECT o.county_code, f.rule_id, f.severity, f.org_code, f.message_zh
                FROM %s f JOIN %s o ON o.org_code = f.org_code
                WHERE f.period = ? AND o.county_code IN (SELECT org_code FROM counties)
                ORDER BY o.county_code, f.severity <> 'error', f.rule_id, f.org_code, f.kpi_id""".formatted(findings, orgs))) {
            st.setString(1, quarter);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byCounty.computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                            .add(new Finding(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot read dq_findings: " + e.getMessage(), e);
        }
        return byCounty;
    }

    private static Map<String, List<Reporting>> reporting(Connection db, String completeness, String quarter) {
        Map<String, List<Reporting>> byCounty = new LinkedHashMap<>();
        try (PreparedStatement st = db.prepareStatement("""
                SELECT org_code, record_type, expected, received, on_time
                FROM %s
                WHERE period = ? AND period_type = 'quarter' AND record_type <> 'all' AND org_code IN (SELECT org_code FROM counties)
                ORDER BY org_code, CASE record_type WHEN 'member_events' THEN 1 WHEN 'hardship_cases' THEN 2
                                                     WHEN 'indicator_reports' THEN 3 ELSE 4 END, record_type""".formatted(completeness))) {
            st.setString(1, quarter);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    byCounty.computeIfAbsent(rs.getString(1), c -> new ArrayList<>())
                            .add(new Reporting(rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw UnionStatsException.failure("cannot read reporting_completeness: " + e.getMessage(), e);
        }
        return byCounty;
    }

    private static Double number(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean v = rs.getBoolean(column);
        return rs.wasNull() ? null : v;
    }
}
