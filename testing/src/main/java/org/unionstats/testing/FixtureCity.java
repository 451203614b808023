package org.unionstats.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.unionstats.kpis.KpiCatalogue;

/**
 * A small hand-made KPI warehouse: the tables the KPI job writes for 秦皇岛市 (130300) in 2024Q2 and 2024Q3, as the
 * letters read them. Three county-level units report: 海港区 (130302, a large urban district), 山海关区 (130303) and
 * 北戴河新区 (130372, a functional zone, new: no figures a year earlier); 卢龙县 (130324) sent nothing. 长安区 (130102,
 * 石家庄市) is there to be left out. Four headline KPIs are on the scorecard.
 *
 * <p>The figures, with the working:
 * <pre>
 * members_end (persons, up)           2024Q3    2024Q2    2023Q3   Δ quarter   Δ year   rank Q3 (higher first)
 *   海港区                             183,950   181,600   176,200    +2,350    +7,750     1
 *   山海关区                            41,320    41,500    41,900      −180      −580     2
 *   北戴河新区                          15,480    14,200        —     +1,280        —      3
 * members_growth_rate (ratio, up) = net growth / members at the start
 *   海港区    Q3 2,350/181,600 = 0.012941 (1.3%)  Q2 900/180,700 = 0.004981  2023Q3 0.0110
 *             Δ quarter 0.007960 (+0.8 points)  Δ year 0.001941 (+0.2 points)                rank 2
 *   山海关区  Q3 −180/41,500 = −0.004337 (−0.4%)  Q2 0.0010  2023Q3 0.0020
 *             Δ quarter −0.005337 (−0.5 points)  Δ year −0.006337 (−0.6 points)             rank 3
 *   北戴河新区 Q3 1,280/14,200 = 0.090141 (9.0%)  Q2 0.0350  Δ quarter 0.055141 (+5.5 points)  rank 1
 * hardship_on_file_end (households, down: fewer is better)
 *   海港区  1,236 (Q2 1,310, 2023Q3 1,190: −74, +46)  rank 3;  山海关区 402 (398, 380: +4, +22)  rank 2;
 *   北戴河新区 85 (85: 0)  rank 1
 * competition_participation_per_100_members (up)
 *   海港区 12.4 (10.1, 13.0: +2.3, −0.6) rank 2;  山海关区 3.1 (3.4, 4.0: −0.3, −0.9) rank 3;  北戴河新区 20.3 (18.0: +2.3) rank 1
 * Three units are ranked on every KPI, too few for bottom-quarter flags (the scorecard needs four).
 * 2024Q2 ranks: members_end 海港 1, 山海关 2, 北戴河新区 3; growth rate 北 1 (3.5%), 海 2 (0.5%), 山 3 (0.1%);
 *   families on file 北 1 (85), 山 2 (398), 海 3 (1,310); per 100 members 北 1 (18.0), 海 2 (10.1), 山 3 (3.4).
 *
 * kpi_targets, 2024Q3 (attainment = actual / target):
 *   海港区  unions_established   by 130300 for 2024: 120, reached 78 → 65.0 %, pace 75.0 % → behind
 *   海港区  members_end          by 130300 for 2024: 185,000, reached 183,950 → 99.4 %, pace 75.0 % → on pace
 *   北戴河新区 members_end       by 130000 for 2024: 16,500, reached 15,480 → 93.8 %, on pace
 *                                by 130300 for 2024: 16,200, reached 15,480 → 95.6 %, on pace (the city's: the one shown)
 *   山海关区, 卢龙县: none.  (2024Q2: 海港区 members_end 98.2 %.)
 *
 * dq_findings, 2024Q3: 海港区 MEMBERS_BALANCE (error, at the county), BALANCE_MISMATCH (warning, at its basic union
 *   130302-0001); 北戴河新区 WORKFORCE_BELOW_MEMBERS (warning).
 * reporting_completeness, 2024Q3: 海港区 and 北戴河新区 all three on time; 山海关区 member_events on time,
 *   hardship_cases late, indicator_reports missing (received 2/3 = 66.7 %, on time 1/3 = 33.3 %); 卢龙县 nothing (0 %).
 * </pre>
 */
public final class FixtureCity {

    public static final String CITY = "130300";
    public static final String QUARTER = "2024Q3";
    public static final String PREVIOUS = "2024Q2";

    private FixtureCity() {}

    /** Writes the tables into a new warehouse folder. */
    public static void write(Path warehouse) throws IOException, SQLException {
        Files.createDirectories(warehouse);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            copy(st, DIM_ORGS, warehouse.resolve("dim_orgs/part-0.parquet"));
            copy(st, dimKpis(), warehouse.resolve("dim_kpis/part-0.parquet"));
            partitioned(st, SCORECARD, warehouse.resolve("county_scorecard"));
            partitioned(st, TARGETS, warehouse.resolve("kpi_targets"));
            partitioned(st, FINDINGS, warehouse.resolve("dq_findings"));
            partitioned(st, COMPLETENESS, warehouse.resolve("reporting_completeness"));
        }
    }

    private static void copy(Statement st, String select, Path file) throws IOException, SQLException {
        Files.createDirectories(file.getParent());
        st.execute("COPY (" + select + ") TO '" + file + "' (FORMAT PARQUET)");
    }

    /** Hive-style period=… partitions, the period column in the folder names only (as the KPI job writes them). */
    private static void partitioned(Statement st, String select, Path table) throws SQLException {
        st.execute("COPY (" + select + ") TO '" + table + "' (FORMAT PARQUET, PARTITION_BY (period))");
    }

    /** The KPI catalogue, as the KPI job writes it. */
    private static String dimKpis() {
        return "SELECT * FROM (VALUES " + KpiCatalogue.load().all().stream()
                .map(k -> "(" + String.join(", ", quote(k.id()), quote(k.nameZh()), quote(k.unit()), quote(k.better())) + ")")
                .collect(Collectors.joining(", ")) + ") t(kpi_id, name_zh, unit, better)";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private static final String DIM_ORGS = """
            SELECT org_code, org_name, org_level, parent_code, city_code, city_name, county_code, county_name, is_functional_zone
            FROM (VALUES
              ('130000', '河北省', 'province', '000000', NULL, NULL, NULL, NULL, false),
              ('130300', '秦皇岛市', 'city', '130000', '130300', '秦皇岛市', NULL, NULL, false),
              ('130302', '海港区', 'county', '130300', '130300', '秦皇岛市', '130302', '海港区', false),
              ('130302-0001', '秦皇岛港股份有限公司工会', 'basic', '130302', '130300', '秦皇岛市', '130302', '海港区', false),
              ('130303', '山海关区', 'county', '130300', '130300', '秦皇岛市', '130303', '山海关区', false),
              ('130324', '卢龙县', 'county', '130300', '130300', '秦皇岛市', '130324', '卢龙县', false),
              ('130372', '北戴河新区', 'county', '130300', '130300', '秦皇岛市', '130372', '北戴河新区', true),
              ('130100', '石家庄市', 'city', '130000', '130100', '石家庄市', NULL, NULL, false),
              ('130102', '长安区', 'county', '130100', '130100', '石家庄市', '130102', '长安区', false))
            t(org_code, org_name, org_level, parent_code, city_code, city_name, county_code, county_name, is_functional_zone)""";

    /** value − previous and value − year ago as the KPI job computes them; ranks by hand (see the class comment). */
    private static final String SCORECARD = """
            SELECT city_code, city_name, county_code, county_name, kpi_id, kpi_name_zh, CAST(kpi_order AS INTEGER) AS kpi_order, unit,
                   CAST(value AS DOUBLE) AS value, CAST(previous_value AS DOUBLE) AS previous_value,
                   CAST(value AS DOUBLE) - CAST(previous_value AS DOUBLE) AS change_on_quarter,
                   CAST(year_ago_value AS DOUBLE) AS year_ago_value,
                   CAST(value AS DOUBLE) - CAST(year_ago_value AS DOUBLE) AS change_on_year,
                   CAST(rank_in_city AS INTEGER) AS rank_in_city, CAST(counties_ranked AS INTEGER) AS counties_ranked,
                   false AS bottom_quarter, CAST(dq_findings AS BIGINT) AS dq_findings, period
            FROM (VALUES
              ('130300', '秦皇岛市', '130302', '海港区', 'members_end', '期末会员数', 1, 'persons', 183950, 181600, 176200, 1, 3, 2, '2024Q3'),
              ('130300', '秦皇岛市', '130302', '海港区', 'members_growth_rate', '会员增长率', 2, 'ratio', 2350.0 / 181600, 900.0 / 180700, 0.0110, 2, 3, 2, '2024Q3'),
              ('130300', '秦皇岛市', '130302', '海港区', 'hardship_on_file_end', '期末在档困难职工户数', 3, 'households', 1236, 1310, 1190, 3, 3, 2, '2024Q3'),
              ('130300', '秦皇岛市', '130302', '海港区', 'competition_participation_per_100_members', '每百名会员参赛人数', 4, 'per_100_members', 12.4, 10.1, 13.0, 2, 3, 2, '2024Q3'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'members_end', '期末会员数', 1, 'persons', 41320, 41500, 41900, 2, 3, 0, '2024Q3'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'members_growth_rate', '会员增长率', 2, 'ratio', -180.0 / 41500, 0.0010, 0.0020, 3, 3, 0, '2024Q3'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'hardship_on_file_end', '期末在档困难职工户数', 3, 'households', 402, 398, 380, 2, 3, 0, '2024Q3'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'competition_participation_per_100_members', '每百名会员参赛人数', 4, 'per_100_members', 3.1, 3.4, 4.0, 3, 3, 0, '2024Q3'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'members_end', '期末会员数', 1, 'persons', 15480, 14200, NULL, 3, 3, 1, '2024Q3'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'members_growth_rate', '会员增长率', 2, 'ratio', 1280.0 / 14200, 0.0350, NULL, 1, 3, 1, '2024Q3'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'hardship_on_file_end', '期末在档困难职工户数', 3, 'households', 85, 85, NULL, 1, 3, 1, '2024Q3'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'competition_participation_per_100_members', '每百名会员参赛人数', 4, 'per_100_members', 20.3, 18.0, NULL, 1, 3, 1, '2024Q3'),
              ('130300', '秦皇岛市', '130302', '海港区', 'members_end', '期末会员数', 1, 'persons', 181600, NULL, NULL, 1, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130302', '海港区', 'members_growth_rate', '会员增长率', 2, 'ratio', 900.0 / 180700, NULL, NULL, 2, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130302', '海港区', 'hardship_on_file_end', '期末在档困难职工户数', 3, 'households', 1310, NULL, NULL, 3, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130302', '海港区', 'competition_participation_per_100_members', '每百名会员参赛人数', 4, 'per_100_members', 10.1, NULL, NULL, 2, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'members_end', '期末会员数', 1, 'persons', 41500, NULL, NULL, 2, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'members_growth_rate', '会员增长率', 2, 'ratio', 0.0010, NULL, NULL, 3, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'hardship_on_file_end', '期末在档困难职工户数', 3, 'households', 398, NULL, NULL, 2, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130303', '山海关区', 'competition_participation_per_100_members', '每百名会员参赛人数', 4, 'per_100_members', 3.4, NULL, NULL, 3, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'members_end', '期末会员数', 1, 'persons', 14200, NULL, NULL, 3, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'members_growth_rate', '会员增长率', 2, 'ratio', 0.0350, NULL, NULL, 1, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'hardship_on_file_end', '期末在档困难职工户数', 3, 'households', 85, NULL, NULL, 1, 3, 0, '2024Q2'),
              ('130300', '秦皇岛市', '130372', '北戴河新区', 'competition_participation_per_100_members', '每百名会员参赛人数', 4, 'per_100_members', 18.0, NULL, NULL, 1, 3, 0, '2024Q2'),
              ('130100', '石家庄市', '130102', '长安区', 'members_end', '期末会员数', 1, 'persons', 402000, 398000, 390000, 1, 1, 0, '2024Q3'))
            t(city_code, city_name, county_code, county_name, kpi_id, kpi_name_zh, kpi_order, unit, value, previous_value, year_ago_value,
              rank_in_city, counties_ranked, dq_findings, period)""";

    private static final String TARGETS = """
            SELECT 'quarter' AS period_type, org_code, 'county' AS org_level, kpi_id, issuer_code, target_period,
                   CAST(target_value AS DOUBLE) AS target_value, CAST(actual_value AS DOUBLE) AS actual_value,
                   CAST(attainment_pct AS DOUBLE) AS attainment_pct, CAST(expected_pace_pct AS DOUBLE) AS expected_pace_pct, on_pace, period
            FROM (VALUES
              ('130302', 'unions_established', '130300', '2024', 120, 78, 65.0, 75.0, false, '2024Q3'),
              ('130302', 'members_end', '130300', '2024', 185000, 183950, 99.4, 75.0, true, '2024Q3'),
              ('130372', 'members_end', '130000', '2024', 16500, 15480, 93.8, 75.0, true, '2024Q3'),
              ('130372', 'members_end', '130300', '2024', 16200, 15480, 95.6, 75.0, true, '2024Q3'),
              ('130102', 'members_end', '130100', '2024', 420000, 402000, 95.7, 75.0, true, '2024Q3'),
              ('130302', 'members_end', '130300', '2024', 185000, 181600, 98.2, 50.0, true, '2024Q2'))
            t(org_code, kpi_id, issuer_code, target_period, target_value, actual_value, attainment_pct, expected_pace_pct, on_pace, period)""";

    private static final String FINDINGS = """
            SELECT rule_id, severity, org_code, org_level, kpi_id, CAST(value AS DOUBLE) AS value, CAST(reference AS DOUBLE) AS reference,
                   message_zh, message_en, period
            FROM (VALUES
              ('BALANCE_MISMATCH', 'warning', '130302-0001', 'basic', 'members_end', 5120, 5180,
               '秦皇岛港股份有限公司工会（130302-0001）报送截至 2024-09-30 的会员总数 5,120，与上次报送（截至 2024-06-30）的 5,180 加其间会员变动（入会、退会、转入、转出） +0 = 5,180 不一致，相差 −60。',
               'reported 5,120 members, expected 5,180', '2024Q3'),
              ('MEMBERS_BALANCE', 'error', '130302', 'county', 'members_end', 183950, 183910,
               '海港区（130302）2024Q3：期末会员数 183,950 与 期初 181,600 + 入会 3,010 + 转入 420 − 减少（退会、转出） 1,120 + 存量核对差额 0 = 183,910 不平衡，相差 40。',
               'members do not balance', '2024Q3'),
              ('WORKFORCE_BELOW_MEMBERS', 'warning', '130372', 'county', 'workforce', 15100, 15480,
               '北戴河新区（130372）2024Q3：报送的职工人数 15,100 少于期末会员数 15,480。',
               'workforce below members', '2024Q3'),
              ('MEMBERS_BALANCE', 'error', '130102', 'county', 'members_end', 402000, 401990,
               '长安区（130102）2024Q3：期末会员数不平衡。', 'members do not balance', '2024Q3'))
            t(rule_id, severity, org_code, org_level, kpi_id, value, reference, message_zh, message_en, period)""";

    private static final String COMPLETENESS = """
            SELECT org_code, 'county' AS org_level, 'quarter' AS period_type, record_type, CAST(expected AS BIGINT) AS expected,
                   CAST(received AS BIGINT) AS received, CAST(on_time AS BIGINT) AS on_time,
                   received / expected AS completeness_rate, on_time / expected AS timeliness_rate, period
            FROM (VALUES
              ('130302', 'member_events', 1, 1, 1, '2024Q3'), ('130302', 'hardship_cases', 1, 1, 1, '2024Q3'),
              ('130302', 'indicator_reports', 1, 1, 1, '2024Q3'), ('130302', 'all', 3, 3, 3, '2024Q3'),
              ('130303', 'member_events', 1, 1, 1, '2024Q3'), ('130303', 'hardship_cases', 1, 1, 0, '2024Q3'),
              ('130303', 'indicator_reports', 1, 0, 0, '2024Q3'), ('130303', 'all', 3, 2, 1, '2024Q3'),
              ('130324', 'member_events', 1, 0, 0, '2024Q3'), ('130324', 'hardship_cases', 1, 0, 0, '2024Q3'),
              ('130324', 'indicator_reports', 1, 0, 0, '2024Q3'), ('130324', 'all', 3, 0, 0, '2024Q3'),
              ('130372', 'member_events', 1, 1, 1, '2024Q3'), ('130372', 'hardship_cases', 1, 1, 1, '2024Q3'),
              ('130372', 'indicator_reports', 1, 1, 1, '2024Q3'), ('130372', 'all', 3, 3, 3, '2024Q3'),
              ('130302', 'member_events', 1, 1, 1, '2024Q2'), ('130303', 'member_events', 1, 1, 1, '2024Q2'))
            t(org_code, record_type, expected, received, on_time, period)""";
}
