package org.unionstats.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * {@code kpi_targets} on a hand-made warehouse, 2023Q4..2024Q3, with targets at province, city, county and basic
 * level; every expected value is worked out in the comments.
 *
 * <p>Data (秦皇岛 130300 in 河北 130000):
 * <ul>
 *   <li>抚宁区 130306's union U1 = 130306-0001 (workforce 2 000) reports 1 000 members as at 2023-12-31; 30 join in 2024Q1,
 *       25 in 2024Q2, 20 in 2024Q3 when 5 leave. Members at the end: 2023 1 000, Q1 1 030, Q2 1 055, Q3 1 070.
 *   <li>昌黎县 130322's union U2 = 130322-0001 reports 500 members as at 2023-12-31; 10 join in Q1, 10 in Q2, 15 in Q3:
 *       510, 520, 535. The city: 1 500 at the end of 2023, then 1 540, 1 575, 1 605; joins 40 in Q1, 35 in Q2, 35 in Q3.
 *   <li>昌黎县 reports 40 hardship families on file as at 2023-12-31; 2 of them are lifted out in Q1, 3 in Q2, none in
 *       Q3: on file 38, 35, 35.
 *   <li>The city's competitions: C1 in February (U1 enters 103 workers), C2 in August (U1 enters 107).
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiTargetsTest {

    @TempDir
    static Path tmp;

    SparkSession spark;
    String warehouse;
    final Map<String, Row> rows = new HashMap<>();
    List<Row> all;

    @BeforeAll
    void runJob() {
        spark = KpiJob.session(Optional.of("local[2]"));
        spark.conf().set("spark.sql.shuffle.partitions", "2");
        warehouse = tmp.resolve("warehouse").toString();
        fixture().write(spark, warehouse);
        new KpiJob(spark, config(Optional.empty())).run();
        all = read();
        for (Row r : all) {
            Row previous = rows.put(key(r.getAs("issuer_code"), r.getAs("org_code"), r.getAs("kpi_id"), r.getAs("target_period"),
                    r.getAs("period")), r);
            assertThat(previous).as("one row per target and evaluated period: " + r).isNull();
        }
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    private KpiConfig config(Optional<List<Period>> periods) {
        return new KpiConfig(new WarehouseLayout(warehouse), periods, false, Optional.of("local[2]"), ReportingRules.DEFAULT);
    }

    private List<Row> read() {
        return spark.read().option("basePath", warehouse + "/kpi_targets").parquet(warehouse + "/kpi_targets").collectAsList();
    }

    static FixtureWarehouse fixture() {
        FixtureWarehouse w = new FixtureWarehouse();
        w.add("org_units", "2023Q4", "130306-0001", "骊城街道工会", "township", "130306", "130306", "2010-01-01", 2000, "130306");
        w.add("org_units", "2023Q4", "130322-0001", "某食品公司工会", "enterprise", "130322", "130322", "2015-04-15", 800, "130322");
        w.add("balances", "2023Q4", "130306-0001", "members", "2023-12-31", 1000, "130306");
        w.add("balances", "2023Q4", "130322-0001", "members", "2023-12-31", 500, "130322");
        w.add("balances", "2023Q4", "130322", "hardship_on_file", "2023-12-31", 40, "130322");
        joins(w, "130306-0001", "2024Q1", "2024-02-15", 30);
        joins(w, "130306-0001", "2024Q2", "2024-05-15", 25);
        joins(w, "130306-0001", "2024Q3", "2024-08-15", 20);
        for (int i = 0; i < 5; i++) {
            w.add("member_events", "2024Q3", "130306-0001-q3-" + i, "130306-0001", "leave", "2024-09-10", "regular", "130306");
        }
        joins(w, "130322-0001", "2024Q1", "2024-01-20", 10);
        joins(w, "130322-0001", "2024Q2", "2024-06-20", 10);
        joins(w, "130322-0001", "2024Q3", "2024-07-20", 15);
        for (int i = 0; i < 5; i++) {
            String period = i < 2 ? "2024Q1" : "2024Q2";
            w.add("hardship_cases", period, "K" + i, "130322", "2022-03-01", "illness", 2, "lifted_out",
                    i < 2 ? "2024-03-10" : "2024-05-10", null, "130322");
        }
        w.add("competitions", "2024Q1", "C1", "130300", "市技能大赛", "skills", "city", "2024-02-01", "2024-02-28", 5, "130300");
        w.add("competitions", "2024Q3", "C2", "130300", "市劳动竞赛", "labour", "city", "2024-08-01", "2024-08-31", 5, "130300");
        w.add("competition_entries", "2024Q1", "C1", "130306-0001", "X", null, 103, "none", null, "130300");
        w.add("competition_entries", "2024Q3", "C2", "130306-0001", "X", null, 107, "none", null, "130300");

        // Targets: (issuer, union, KPI, target period, value, unit, submitter), by submission period.
        w.add("targets", "2024", "000000", "130000", "members_joined", "2024", 100, "persons", "000000");
        w.add("targets", "2024Q1", "130000", "130300", "members_joined", "2024", 140, "persons", "130000");
        w.add("targets", "2024Q3", "130000", "130300", "members_joined", "2024", 150, "persons", "130000"); // revised in Q3
        w.add("targets", "2024Q1", "130000", "130300", "members_end", "2024", 1700, "persons", "130000");
        w.add("targets", "2024Q1", "130300", "130306", "members_joined", "2024", 100, "persons", "130300");
        w.add("targets", "2024Q1", "130300", "130306", "members_joined", "2024Q2", 20, "persons", "130300");
        w.add("targets", "2024Q1", "130300", "130306", "membership_rate", "2024", 0.55, "ratio", "130300");
        w.add("targets", "2024Q1", "130300", "130306", "competition_participation_per_100_members", "2024", 25, "per_100_members",
                "130300");
        w.add("targets", "2024Q1", "130300", "130306", "members_joined", "2025", 120, "persons", "130300"); // after the data
        w.add("targets", "2024Q1", "130300", "130322", "members_joined", "2024", 40, "persons", "130300");
        w.add("targets", "2024Q3", "130300", "130322", "members_joined", "2024Q3", 20, "persons", "130300");
        w.add("targets", "2024Q1", "130300", "130322", "hardship_lifted_out", "2024", 8, "households", "130300");
        w.add("targets", "2024Q1", "130300", "130322", "hardship_on_file_end", "2024", 32, "households", "130300");
        w.add("targets", "2024Q1", "130300", "130324", "members_joined", "2024", 50, "persons", "130300"); // 卢龙县 sends nothing
        w.add("targets", "2024Q3", "130306", "130306-0001", "members_joined", "2024Q3", 16, "persons", "130306");
        return w;
    }

    private static void joins(FixtureWarehouse w, String org, String period, String date, int n) {
        for (int i = 0; i < n; i++) {
            w.add("member_events", period, org + "-" + period + "-" + i, org, "join", date, "regular", org.substring(0, 6));
        }
    }

    private static String key(String issuer, String org, String kpi, String targetPeriod, String period) {
        return String.join("|", issuer, org, kpi, targetPeriod, period);
    }

    private Row row(String issuer, String org, String kpi, String targetPeriod, String period) {
        Row r = rows.get(key(issuer, org, kpi, targetPeriod, period));
        assertThat(r).as(key(issuer, org, kpi, targetPeriod, period)).isNotNull();
        return r;
    }

    /** Asserts actual, attainment %, expected pace % and on_pace of one evaluated target. */
    private void evaluated(Row r, Double actual, Double attainment, Double pace, Boolean onPace) {
        String what = r.getAs("org_code") + " " + r.getAs("kpi_id") + " " + r.getAs("target_period") + " at " + r.getAs("period");
        if (actual == null) {
            assertThat(r.<Double>getAs("actual_value")).as(what + " actual").isNull();
        } else {
            assertThat(r.<Double>getAs("actual_value")).as(what + " actual").isCloseTo(actual, within(1e-9));
        }
        assertThat(r.<Double>getAs("attainment_pct")).as(what + " attainment").isEqualTo(attainment);
        assertThat(r.<Double>getAs("expected_pace_pct")).as(what + " pace").isEqualTo(pace);
        assertThat(r.<Boolean>getAs("on_pace")).as(what + " on pace").isEqualTo(onPace);
    }

    @Test
    void anAnnualFlowTargetOfACountyIsFollowedQuarterByQuarter() {
        // 抚宁区, 100 joins in 2024: year to date 30, 30 + 25 = 55 (H1), 55 + 20 = 75 (H1 + Q3) against 25, 50, 75 % of
        // the year; over the year 75 of 100 (the year is not over in the data, so not on pace). Exactly on pace counts.
        evaluated(row("130300", "130306", "members_joined", "2024", "2024Q1"), 30.0, 30.0, 25.0, true);
        evaluated(row("130300", "130306", "members_joined", "2024", "2024Q2"), 55.0, 55.0, 50.0, true);
        evaluated(row("130300", "130306", "members_joined", "2024", "2024Q3"), 75.0, 75.0, 75.0, true);
        evaluated(row("130300", "130306", "members_joined", "2024", "2024"), 75.0, 75.0, 100.0, false);
        Row q3 = row("130300", "130306", "members_joined", "2024", "2024Q3");
        assertThat(q3.<String>getAs("org_level")).isEqualTo("county");
        assertThat(q3.<String>getAs("period_type")).isEqualTo("quarter");
        assertThat(q3.<String>getAs("target_period_type")).isEqualTo("year");
        assertThat(q3.<String>getAs("unit")).isEqualTo("persons");
        assertThat(q3.<Double>getAs("target_value")).isEqualTo(100.0);
        assertThat(q3.<Double>getAs("expected_value")).isEqualTo(75.0);
        assertThat(q3.<Double>getAs("opening_value")).as("a flow has no opening value").isNull();
        assertThat(row("130300", "130306", "members_joined", "2024", "2024").<String>getAs("period_type")).isEqualTo("year");
        // 昌黎县, 40: 10, 20, 35 → 25.0, 50.0, 87.5 %.
        evaluated(row("130300", "130322", "members_joined", "2024", "2024Q1"), 10.0, 25.0, 25.0, true);
        evaluated(row("130300", "130322", "members_joined", "2024", "2024Q2"), 20.0, 50.0, 50.0, true);
        evaluated(row("130300", "130322", "members_joined", "2024", "2024Q3"), 35.0, 87.5, 75.0, true);
    }

    @Test
    void aQuarterlyTargetIsTheQuarterAloneAtItsEnd() {
        // 抚宁区 2024Q2: 25 joined against 20 → 125 %; 昌黎县 2024Q3: 15 against 20 → 75 %. The whole quarter has elapsed.
        evaluated(row("130300", "130306", "members_joined", "2024Q2", "2024Q2"), 25.0, 125.0, 100.0, true);
        evaluated(row("130300", "130322", "members_joined", "2024Q3", "2024Q3"), 15.0, 75.0, 100.0, false);
        assertThat(all).filteredOn(r -> "2024Q2".equals(r.getAs("target_period"))).hasSize(1);
        // A basic-level union, U1, 2024Q3: 20 joined against 16 → 125 %.
        Row basic = row("130306", "130306-0001", "members_joined", "2024Q3", "2024Q3");
        assertThat(basic.<String>getAs("org_level")).isEqualTo("basic");
        evaluated(basic, 20.0, 125.0, 100.0, true);
    }

    @Test
    void theCityIsItsCountiesSummedAndARevisedTargetCountsFromItsQuarter() {
        // 河北 sets 秦皇岛 140 joins in its 2024Q1 letter and revises it to 150 in 2024Q3. Joins: 40, 40 + 35 = 75,
        // 75 + 35 = 110. Q1: 40/140 = 28.6 %, expected 35 = 25 %; Q2: 75/140 = 53.6 %, expected 70; Q3: 110/150 = 73.3 %,
        // expected 112.5 (75 %), not on pace; the year: 110/150.
        evaluated(row("130000", "130300", "members_joined", "2024", "2024Q1"), 40.0, 28.6, 25.0, true);
        evaluated(row("130000", "130300", "members_joined", "2024", "2024Q2"), 75.0, 53.6, 50.0, true);
        evaluated(row("130000", "130300", "members_joined", "2024", "2024Q3"), 110.0, 73.3, 75.0, false);
        evaluated(row("130000", "130300", "members_joined", "2024", "2024"), 110.0, 73.3, 100.0, false);
        assertThat(row("130000", "130300", "members_joined", "2024", "2024Q2").<Double>getAs("target_value")).isEqualTo(140.0);
        assertThat(row("130000", "130300", "members_joined", "2024", "2024Q3").<Double>getAs("target_value")).isEqualTo(150.0);
        assertThat(row("130000", "130300", "members_joined", "2024", "2024Q3").<String>getAs("org_level")).isEqualTo("city");
    }

    @Test
    void theProvinceIsItsCitySummed() {
        // The country sets 河北 100 joins for 2024: the province holds 秦皇岛 only, 40, 75, 110 → 40.0, 75.0, 110.0 %.
        Row q1 = row("000000", "130000", "members_joined", "2024", "2024Q1");
        assertThat(q1.<String>getAs("org_level")).isEqualTo("province");
        evaluated(q1, 40.0, 40.0, 25.0, true);
        evaluated(row("000000", "130000", "members_joined", "2024", "2024Q2"), 75.0, 75.0, 50.0, true);
        evaluated(row("000000", "130000", "members_joined", "2024", "2024Q3"), 110.0, 110.0, 75.0, true);
        evaluated(row("000000", "130000", "members_joined", "2024", "2024"), 110.0, 110.0, 100.0, true);
    }

    @Test
    void aStockTargetMovesInAStraightLineFromTheEndOfThePreviousYear() {
        // 秦皇岛 members, 1 700 by the end of 2024, from 1 500 at the end of 2023: expected 1 550, 1 600, 1 650 at the
        // quarters' ends. Actual 1 540 (90.6 %, expected 91.2 %), 1 575 (92.6 %, 94.1 %), 1 605 (94.4 %, 97.1 %).
        Row q1 = row("130000", "130300", "members_end", "2024", "2024Q1");
        assertThat(q1.<Double>getAs("opening_value")).isEqualTo(1500.0);
        assertThat(q1.<Double>getAs("expected_value")).isEqualTo(1550.0);
        evaluated(q1, 1540.0, 90.6, 91.2, false);
        evaluated(row("130000", "130300", "members_end", "2024", "2024Q2"), 1575.0, 92.6, 94.1, false);
        evaluated(row("130000", "130300", "members_end", "2024", "2024Q3"), 1605.0, 94.4, 97.1, false);
        evaluated(row("130000", "130300", "members_end", "2024", "2024"), 1605.0, 94.4, 100.0, false);
    }

    @Test
    void aCeilingIsMetWhenTheActualStaysUnderIt() {
        // 昌黎县: at most 32 families on file by the end of 2024, from 40: expected 38, 36, 34. Attainment of a ceiling
        // is target / actual: 32/38 = 84.2 % (expected 32/38 = 84.2 %, on pace: 38 ≤ 38), 32/35 = 91.4 % (32/36 = 88.9 %,
        // 35 ≤ 36), 32/35 = 91.4 % (32/34 = 94.1 %, 35 > 34: not on pace).
        Row q1 = row("130300", "130322", "hardship_on_file_end", "2024", "2024Q1");
        assertThat(q1.<Double>getAs("opening_value")).isEqualTo(40.0);
        evaluated(q1, 38.0, 84.2, 84.2, true);
        evaluated(row("130300", "130322", "hardship_on_file_end", "2024", "2024Q2"), 35.0, 91.4, 88.9, true);
        evaluated(row("130300", "130322", "hardship_on_file_end", "2024", "2024Q3"), 35.0, 91.4, 94.1, false);
        // Families lifted out, 8 in 2024: 2, 5, 5 → 25.0, 62.5, 62.5 % against 25, 50, 75 %.
        evaluated(row("130300", "130322", "hardship_lifted_out", "2024", "2024Q1"), 2.0, 25.0, 25.0, true);
        evaluated(row("130300", "130322", "hardship_lifted_out", "2024", "2024Q2"), 5.0, 62.5, 50.0, true);
        evaluated(row("130300", "130322", "hardship_lifted_out", "2024", "2024Q3"), 5.0, 62.5, 75.0, false);
    }

    @Test
    void ratesAreRecomputedFromTheirPartsNeverAveraged() {
        // Entrants per 100 members, 25 in 2024 for 抚宁区: entrants summed over the year so far over the members at the
        // quarter's end. Q1: 103/1 030 × 100 = 10 → 40.0 %, expected 6.25 (25 %); Q2: 103/1 055 × 100 = 9.763 → 39.1 %,
        // expected 12.5 (50 %); Q3: (103 + 107)/1 070 × 100 = 19.626 → 78.5 %, expected 18.75 (75 %).
        evaluated(row("130300", "130306", "competition_participation_per_100_members", "2024", "2024Q1"), 10.0, 40.0, 25.0, true);
        evaluated(row("130300", "130306", "competition_participation_per_100_members", "2024", "2024Q2"), 10300.0 / 1055, 39.1, 50.0,
                false);
        evaluated(row("130300", "130306", "competition_participation_per_100_members", "2024", "2024Q3"), 21000.0 / 1070, 78.5, 75.0,
                true);
        // Membership rate, 55 % by the end of 2024 from 1 000/2 000 = 50 %: expected 51.25, 52.5, 53.75 %; actual 1 030,
        // 1 055, 1 070 over 2 000 = 51.5 % (93.6 % of the target, expected 93.2 %), 52.75 % (95.9 %, 95.5 %), 53.5 %
        // (97.3 %, 97.7 %: not on pace).
        Row q1 = row("130300", "130306", "membership_rate", "2024", "2024Q1");
        assertThat(q1.<Double>getAs("opening_value")).isCloseTo(0.5, within(1e-12));
        assertThat(q1.<String>getAs("unit")).isEqualTo("ratio");
        evaluated(q1, 0.515, 93.6, 93.2, true);
        evaluated(row("130300", "130306", "membership_rate", "2024", "2024Q2"), 0.5275, 95.9, 95.5, true);
        evaluated(row("130300", "130306", "membership_rate", "2024", "2024Q3"), 0.535, 97.3, 97.7, false);
    }

    @Test
    void aUnionWithoutDataHasATargetButNoAttainment() {
        // 卢龙县 sends nothing: its target is there, expected 12.5, 25, 37.5 of 50, with nothing to measure.
        Row q1 = row("130300", "130324", "members_joined", "2024", "2024Q1");
        assertThat(q1.<String>getAs("org_level")).isEqualTo("county");
        assertThat(q1.<Double>getAs("expected_value")).isEqualTo(12.5);
        evaluated(q1, null, null, 25.0, null);
    }

    @Test
    void onlyPeriodsOfTheDataAreEvaluated() {
        // The 2025 target is after the data; 2023Q4 has no target.
        assertThat(all).noneMatch(r -> "2025".equals(r.getAs("target_period")));
        assertThat(all).extracting(r -> r.<String>getAs("period")).containsOnly("2024Q1", "2024Q2", "2024Q3", "2024");
        // Rows: 10 annual targets of 2024 (the revised one once) × 4 periods, 3 quarterly targets × 1.
        assertThat(all).hasSize(10 * 4 + 3);
    }

    @Test
    void rewritingOneQuarterGivesTheSameRows() {
        // Q3's year to date needs H1 and the stocks need 2023: a run writing 2024Q3 alone computes them too.
        List<Row> before = all.stream().filter(r -> "2024Q3".equals(r.getAs("period")) || "2024".equals(r.getAs("period"))).toList();
        new KpiJob(spark, config(Optional.of(List.of(Period.parse("2024Q3"))))).run();
        List<Row> after = read().stream().filter(r -> "2024Q3".equals(r.getAs("period")) || "2024".equals(r.getAs("period"))).toList();
        assertThat(after).containsExactlyInAnyOrderElementsOf(before).hasSize(10 * 2 + 2);
    }
}
