package org.unionstats.kpi.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.kpi.engine.IngestedTables;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Completeness and timeliness on a hand-made warehouse. The reporting scope is 秦皇岛 130300, whose nine county-level
 * units (seven counties and districts, two functional zones) owe member_events, hardship_cases and indicator_reports
 * every quarter of 2024Q3..2024Q4; the deadline is 15 days, so Q3 is due by 2024-10-15 23:59:59 and Q4 by
 * 2025-01-15 23:59:59 (Asia/Shanghai). What counts is when the ingest received a file, never its modification time.
 *
 * <ul>
 *   <li>海港区 130302 sends all three record types for Q3 (fixture default: 10 days after the
 *       quarter, on time). For Q4 only member_events: its basic union 130302-0001 at 2025-01-15
 *       23:59:59 (on time, the last second) and the county again at 2025-01-20 (late; the earliest
 *       receipt counts).
 *   <li>山海关区 130303 sends only member_events for Q3, late (received 2024-10-20 09:00, though the file claims to
 *       have been modified on 2024-10-01), nothing for Q4.
 *   <li>北戴河区 130304 sends nothing required for Q3 (only competitions, not a required type) and
 *       hardship_cases for Q4 at 2025-01-16 00:30, half an hour late.
 *   <li>The city union 130300 sends its own indicator_reports for Q3: not a county, not counted.
 *   <li>The other six county-level units of 秦皇岛 (抚宁区 130306 … 北戴河新区 130372) never send anything: expected
 *       all the same, 0 %.
 *   <li>榆林 610800's 榆阳区 610802 sends member_events for Q3: outside the scope, neither expected nor counted.
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingCompletenessTest {

    @TempDir
    static Path tmp;

    SparkSession spark;
    Dataset<Row> receipts;
    Dataset<Row> calendar;
    QualityFixtures.Orgs orgs;

    /** key org|period|record_type → row, for deadline 15 and 20. */
    Map<String, Row> at15;
    Map<String, Row> at20;
    List<Row> rows15;

    @BeforeAll
    void compute() {
        spark = QualityFixtures.spark();
        String warehouse = tmp.resolve("warehouse").toString();
        new org.unionstats.kpi.FixtureWarehouse()
                .add("member_events", "2024Q3", "a1", "130302", "join", "2024-07-05", "regular", "130302")
                .add("hardship_cases", "2024Q3", "H1", "130302", "2024-07-01", "illness", 3, "on_file", null, null, "130302")
                .add("indicator_reports", "2024Q3", "130302", "workforce", 1000, "persons", "130302")
                .add("member_events", "2024Q4", "a2", "130302-0001", "join", "2024-11-05", "regular", "130302-0001")
                .add("member_events", "2024Q4", "a3", "130302", "join", "2024-12-05", "regular", "130302")
                .receivedAt("130302-0001", "2024Q4", "member_events", "2025-01-15 23:59:59")
                .receivedAt("130302", "2024Q4", "member_events", "2025-01-20 10:00:00")
                .add("member_events", "2024Q3", "b1", "130303", "join", "2024-08-01", "regular", "130303")
                .receivedAt("130303", "2024Q3", "member_events", "2024-10-20 09:00:00")
                .modifiedAt("130303", "2024Q3", "member_events", "2024-10-01 09:00:00")
                .add("member_events", "2024Q3", "y1", "610802", "join", "2024-08-01", "regular", "610802")
                .add("competitions", "2024Q3", "C1", "130304", "技能大赛", "skills", "county", "2024-08-01", "2024-08-31", 1, "130304")
                .add("hardship_cases", "2024Q4", "H2", "130304", "2024-11-01", "illness", 2, "on_file", null, null, "130304")
                .receivedAt("130304", "2024Q4", "hardship_cases", "2025-01-16 00:30:00")
                .add("indicator_reports", "2024Q3", "130300", "workforce", 50000, "persons", "130300")
                .write(spark, warehouse);
        receipts = IngestedTables.read(spark, new WarehouseLayout(warehouse)).ingestReceipts();
        calendar = QualityFixtures.calendar(spark, "2024Q3", "2024Q4");
        orgs = QualityFixtures.orgs(spark);
        rows15 = completeness(15).collectAsList();
        at15 = byKey(rows15);
        at20 = byKey(completeness(20).collectAsList());
    }

    private Dataset<Row> completeness(int deadlineDays) {
        return completeness(new ReportingRules(deadlineDays, List.of("130300")));
    }

    private Dataset<Row> completeness(ReportingRules rules) {
        return ReportingCompleteness.compute(receipts, calendar, orgs.dimOrgs(), orgs.orgAncestors(), rules);
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    private static Map<String, Row> byKey(List<Row> rows) {
        Map<String, Row> map = new HashMap<>();
        for (Row r : rows) {
            Row previous = map.put(r.getAs("org_code") + "|" + r.getAs("period") + "|" + r.getAs("record_type"), r);
            assertThat(previous).as("one row per org, period and record type").isNull();
        }
        return map;
    }

    /** expected, received, on time. */
    private static long[] counts(Map<String, Row> rows, String key) {
        Row r = rows.get(key);
        assertThat(r).as(key).isNotNull();
        return new long[] {r.<Long>getAs("expected"), r.<Long>getAs("received"), r.<Long>getAs("on_time")};
    }

    @Test
    void countyOnTimeWithAllRecordTypes() {
        assertThat(counts(at15, "130302|2024Q3|member_events")).containsExactly(1, 1, 1);
        assertThat(counts(at15, "130302|2024Q3|hardship_cases")).containsExactly(1, 1, 1);
        assertThat(counts(at15, "130302|2024Q3|indicator_reports")).containsExactly(1, 1, 1);
        assertThat(counts(at15, "130302|2024Q3|all")).containsExactly(3, 3, 3);
        Row all = at15.get("130302|2024Q3|all");
        assertThat(all.<String>getAs("org_level")).isEqualTo("county");
        assertThat(all.<String>getAs("period_type")).isEqualTo("quarter");
        assertThat(all.<Double>getAs("completeness_rate")).isEqualTo(1.0);
        assertThat(all.<Double>getAs("timeliness_rate")).isEqualTo(1.0);
    }

    @Test
    void basicUnionSubmitsForItsCountyAndTheEarliestReceiptDecides() {
        // 130302-0001 at 23:59:59 on the deadline day is on time; the county's own later file does not undo that.
        assertThat(counts(at15, "130302|2024Q4|member_events")).containsExactly(1, 1, 1);
        assertThat(counts(at15, "130302|2024Q4|hardship_cases")).containsExactly(1, 0, 0);
        // 3 expected, 1 received, 1 on time: 1/3 both.
        assertThat(counts(at15, "130302|2024Q4|all")).containsExactly(3, 1, 1);
        assertThat(at15.get("130302|2024Q4|all").<Double>getAs("completeness_rate")).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void lateSubmissionIsReceivedButNotOnTime() {
        assertThat(counts(at15, "130303|2024Q3|member_events")).containsExactly(1, 1, 0);
        assertThat(counts(at15, "130303|2024Q3|all")).containsExactly(3, 1, 0);
        Row all = at15.get("130303|2024Q3|all");
        assertThat(all.<Double>getAs("completeness_rate")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(all.<Double>getAs("timeliness_rate")).isEqualTo(0.0);
        // Nothing at all for Q4: still expected.
        assertThat(counts(at15, "130303|2024Q4|all")).containsExactly(3, 0, 0);
        // With 20 days the deadline is 2024-10-20 23:59:59, and 09:00 that day is on time.
        assertThat(counts(at20, "130303|2024Q3|member_events")).containsExactly(1, 1, 1);
    }

    @Test
    void countyWithNothingInOneQuarterIsExpectedThere() {
        // Q3: only a competitions file, which is not a required record type.
        assertThat(counts(at15, "130304|2024Q3|all")).containsExactly(3, 0, 0);
        assertThat(at15.get("130304|2024Q3|all").<Double>getAs("completeness_rate")).isEqualTo(0.0);
        assertThat(at15).doesNotContainKey("130304|2024Q3|competitions");
        // Q4: hardship_cases half an hour after the deadline day ended.
        assertThat(counts(at15, "130304|2024Q4|hardship_cases")).containsExactly(1, 1, 0);
        assertThat(counts(at15, "130304|2024Q4|all")).containsExactly(3, 1, 0);
    }

    @Test
    void cityRatesAreRecomputedFromSums() {
        // Q3: 9 county-level units × 3 types = 27 expected; received 3 (海港) + 1 (山海关) + 0 (the other seven) = 4;
        // on time 3 + 0 = 3.
        assertThat(counts(at15, "130300|2024Q3|all")).containsExactly(27, 4, 3);
        Row q3 = at15.get("130300|2024Q3|all");
        assertThat(q3.<String>getAs("org_level")).isEqualTo("city");
        assertThat(q3.<Double>getAs("completeness_rate")).isCloseTo(4.0 / 27, within(1e-12));
        assertThat(q3.<Double>getAs("timeliness_rate")).isCloseTo(3.0 / 27, within(1e-12));
        // Per record type: member_events received from 海港 (on time) and 山海关 (late), from none of the other seven.
        assertThat(counts(at15, "130300|2024Q3|member_events")).containsExactly(9, 2, 1);
        // Q4: received 1 (海港 member_events) + 1 (北戴河 hardship_cases) = 2; on time 1 + 0 = 1.
        assertThat(counts(at15, "130300|2024Q4|all")).containsExactly(27, 2, 1);
        assertThat(at15.get("130300|2024Q4|all").<Double>getAs("timeliness_rate")).isCloseTo(1.0 / 27, within(1e-12));
        assertThat(counts(at15, "130300|2024Q4|hardship_cases")).containsExactly(9, 1, 0);
        // 20 days: 山海关's Q3 file becomes on time, 4 of 27.
        assertThat(counts(at20, "130300|2024Q3|all")).containsExactly(27, 4, 4);
    }

    @Test
    void provinceAndNationalSumTheSameCounties() {
        // The scope is 秦皇岛: the province and the nation sum its units only (榆阳区 is outside it).
        assertThat(counts(at15, "130000|2024Q3|all")).containsExactly(27, 4, 3);
        assertThat(at15.get("130000|2024Q3|all").<String>getAs("org_level")).isEqualTo("province");
        assertThat(counts(at15, "000000|2024Q4|all")).containsExactly(27, 2, 1);
        assertThat(at15.get("000000|2024Q4|all").<String>getAs("org_level")).isEqualTo("national");
        assertThat(at15).doesNotContainKey("610802|2024Q3|all");
    }

    @Test
    void silentUnitsAreExpectedAndShowZero() {
        // 抚宁区, 青龙, 昌黎, 卢龙 and the two functional zones never sent a file: 3 expected, 0 received, every quarter.
        for (String silent : List.of("130306", "130321", "130322", "130324", "130371", "130372")) {
            for (String quarter : List.of("2024Q3", "2024Q4")) {
                assertThat(counts(at15, silent + "|" + quarter + "|all")).as(silent + " " + quarter).containsExactly(3, 0, 0);
                assertThat(at15.get(silent + "|" + quarter + "|all").<Double>getAs("completeness_rate")).isEqualTo(0.0);
            }
        }
        // 9 units and 3 ancestors × 2 quarters × (3 types + all).
        assertThat(rows15.stream().map(r -> r.<String>getAs("org_code")).distinct()).hasSize(12);
        assertThat(rows15).hasSize(12 * 2 * 4);
        assertThat(rows15.stream().map(r -> r.<String>getAs("period")).distinct()).containsExactlyInAnyOrder("2024Q3", "2024Q4");
    }

    @Test
    void theWholeCountryByDefault() {
        // National scope: every county-level unit of the region table, 2 980 of them (河北省 counted from the table).
        Map<String, Row> national = byKey(completeness(ReportingRules.DEFAULT).collectAsList());
        assertThat(counts(national, "000000|2024Q3|all")).containsExactly(2980 * 3, 4 + 1, 3 + 1);
        long hebei = org.unionstats.regions.RegionDirectory.loadDefault().all().stream()
                .filter(r -> r.level() == org.unionstats.regions.RegionLevel.COUNTY && r.code().startsWith("13")).count();
        assertThat(counts(national, "130000|2024Q3|all")).containsExactly(hebei * 3, 4, 3);
        // 榆阳区 counts now: member_events on time (fixture default, ten days after the quarter).
        assertThat(counts(national, "610802|2024Q3|all")).containsExactly(3, 1, 1);
    }

    @Test
    void negativeDeadlineIsRefused() {
        assertThatThrownBy(() -> completeness(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
