package org.unionstats.letters.yearly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.testing.FixtureCity;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The fixture city's four county-level units evaluated for 2024, every part computed by hand.
 *
 * <pre>
 * Target attainment (40 × mean attainment capped at 100 %, the city's annual targets at the year's end):
 *   130302  members_end 100.5 % → 100, unions_established 85.0 %      mean 92.5   → 37.0
 *   130303  members_joined 70.0 %                                      mean 70.0   → 28.0
 *   130372  only the province's target                                 —
 *   130324  none                                                       —
 * Rank at 2024Q4 (30 × (1 − mean position), position = (rank − 1) / (ranked − 1), the 2024Q3 ranks again):
 *   130302  1,2,3,2 of 3 → 0, .5, 1, .5    mean .5    → 15.0
 *   130303  2,3,2,3 of 3 → .5, 1, .5, 1    mean .75   → 7.5
 *   130372  3,1,1,1 of 3 → 1, 0, 0, 0      mean .25   → 22.5
 *   130324  not ranked                                 —
 * Follow-up (20 × closed / items due in 2024; the latest feedback decides):
 *   130302  4 due (a fifth due 2025Q1 does not count); -01, -03 closed; -02 closed in October, answered in December → 2/4 → 10.0
 *   130303  2 due, -01 closed                                                                                   → 1/2 → 10.0
 *   130372  1 due, unanswered                                                                                   → 0/1 → 0.0
 *   130324  none due                                                                                            —
 * Reporting (10 × on time / expected, record type all, the quarters of 2024: 2024Q3 of the fixture and 2024Q4 here):
 *   130302  3 + 2 of 3 + 3 → 5/6 → 8.333…;  130303  1 + 3 → 4/6 → 6.666…;  130324  0 + 0 → 0/6 → 0.0;  130372  3 + 3 → 6/6 → 10.0
 * Total = 100 × points / weights of the parts that apply:
 *   130302  (37 + 15 + 10 + 8.333…) / 100 × 100      = 70.333…
 *   130303  (28 + 7.5 + 10 + 6.666…) / 100 × 100     = 52.166…
 *   130372  (22.5 + 0 + 10) / (30 + 20 + 10) × 100   = 54.166…
 *   130324  0 / 10 × 100                             = 0.0
 * Rank in the city: 130302 1, 130372 2, 130303 3, 130324 4.
 * </pre>
 */
class YearlyEvaluationTest {

    @TempDir
    Path tmp;

    private Path warehouse;

    @BeforeEach
    void fixture() throws Exception {
        warehouse = tmp.resolve("warehouse");
        FixtureCity.write(warehouse);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            st.execute("COPY (SELECT 'year' AS period_type, org_code, 'county' AS org_level, kpi_id, issuer_code, '2024' AS target_period,"
                    + " CAST(target_value AS DOUBLE) AS target_value, CAST(actual_value AS DOUBLE) AS actual_value,"
                    + " CAST(attainment_pct AS DOUBLE) AS attainment_pct, 100.0 AS expected_pace_pct, on_pace FROM (VALUES"
                    + " ('130302', 'members_end', '130300', 185000, 186000, 100.5, true),"
                    + " ('130302', 'unions_established', '130300', 120, 102, 85.0, false),"
                    + " ('130303', 'members_joined', '130300', 3000, 2100, 70.0, false),"
                    + " ('130372', 'members_end', '130000', 16500, 16000, 97.0, false))"
                    + " t(org_code, kpi_id, issuer_code, target_value, actual_value, attainment_pct, on_pace))"
                    + " TO '" + file("kpi_targets", "2024") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT * FROM read_parquet('" + warehouse.resolve("county_scorecard/period=2024Q3/*.parquet")
                    + "', hive_partitioning = false)) TO '" + file("county_scorecard", "2024Q4") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT org_code, 'county' AS org_level, period_type, 'all' AS record_type, CAST(expected AS BIGINT) AS expected,"
                    + " CAST(expected AS BIGINT) AS received, CAST(on_time AS BIGINT) AS on_time, 1.0 AS completeness_rate,"
                    + " on_time / expected AS timeliness_rate FROM (VALUES ('130302', 'quarter', 3, 2), ('130303', 'quarter', 3, 3),"
                    + " ('130324', 'quarter', 3, 0), ('130372', 'quarter', 3, 3)) t(org_code, period_type, expected, on_time))"
                    + " TO '" + file("reporting_completeness", "2024Q4") + "' (FORMAT PARQUET)");
            // The year's own row is not a quarter: it must not count twice.
            st.execute("COPY (SELECT '130302' AS org_code, 'county' AS org_level, 'year' AS period_type, 'all' AS record_type,"
                    + " CAST(12 AS BIGINT) AS expected, CAST(12 AS BIGINT) AS received, CAST(0 AS BIGINT) AS on_time, 1.0 AS completeness_rate,"
                    + " 0.0 AS timeliness_rate) TO '" + file("reporting_completeness", "2024") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT item_id, split_part(item_id, '-', 1) || '-' || split_part(item_id, '-', 2) AS letter_id, '130300' AS city_code,"
                    + " split_part(item_id, '-', 2) AS county_code, due_period FROM (VALUES ('2024Q3-130302-01', '2024Q4'),"
                    + " ('2024Q3-130302-02', '2024Q4'), ('2024Q3-130302-03', '2024Q4'), ('2024Q3-130302-04', '2024Q4'),"
                    + " ('2024Q3-130302-05', '2025Q1'), ('2024Q3-130303-01', '2024Q3'), ('2024Q3-130303-02', '2024Q4'),"
                    + " ('2024Q1-130372-01', '2024Q2')) t(item_id, due_period))"
                    + " TO '" + file("letter_items", "2024Q3") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT * FROM (VALUES ('2024Q3-130302-01', 'closed', '已办结。', 'a', 2), ('2024Q3-130302-02', 'closed', '已办结。', 'a', 3),"
                    + " ('2024Q3-130303-01', 'closed', '已办结。', 'c', 2)) t(item_id, status, text, submission_id, source_row))"
                    + " TO '" + file("feedback", "2024Q3") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT * FROM (VALUES ('2024Q3-130302-02', 'answered', '仍在办理。', 'b', 2), ('2024Q3-130302-03', 'closed', '已办结。', 'b', 3))"
                    + " t(item_id, status, text, submission_id, source_row)) TO '" + file("feedback", "2024Q4") + "' (FORMAT PARQUET)");
            st.execute("COPY (SELECT * FROM (VALUES ('a', TIMESTAMP '2024-10-10 10:00:00'), ('c', TIMESTAMP '2024-10-12 10:00:00'),"
                    + " ('b', TIMESTAMP '2024-12-01 10:00:00')) t(submission_id, received_at))"
                    + " TO '" + file("ingest_receipts", "2024Q4") + "' (FORMAT PARQUET)");
        }
    }

    @Test
    void everyPartAndTheTotalAsComputedByHand() {
        List<CountyEvaluation> all = evaluate();
        assertThat(all).extracting(CountyEvaluation::countyCode).containsExactly("130302", "130303", "130324", "130372");

        CountyEvaluation haigang = all.get(0);
        assertThat(haigang.targets()).isEqualTo(2);
        assertThat(haigang.targetAttainmentPct()).isCloseTo(92.5, within(1e-9));
        assertThat(haigang.targetScore()).isCloseTo(37.0, within(1e-9));
        assertThat(haigang.kpisRanked()).isEqualTo(4);
        assertThat(haigang.meanPosition()).isCloseTo(0.5, within(1e-9));
        assertThat(haigang.rankScore()).isCloseTo(15.0, within(1e-9));
        assertThat(List.of(haigang.itemsDue(), haigang.itemsClosed())).containsExactly(4, 2);
        assertThat(haigang.followUpScore()).isCloseTo(10.0, within(1e-9));
        assertThat(List.of(haigang.reportsExpected(), haigang.reportsOnTime())).containsExactly(6L, 5L);
        assertThat(haigang.reportingScore()).isCloseTo(50.0 / 6, within(1e-9));
        assertThat(haigang.total()).isCloseTo(37 + 15 + 10 + 50.0 / 6, within(1e-9));

        CountyEvaluation shanhaiguan = all.get(1);
        assertThat(shanhaiguan.targetScore()).isCloseTo(28.0, within(1e-9));
        assertThat(shanhaiguan.rankScore()).isCloseTo(7.5, within(1e-9));
        assertThat(List.of(shanhaiguan.itemsDue(), shanhaiguan.itemsClosed())).containsExactly(2, 1);
        assertThat(shanhaiguan.followUpScore()).isCloseTo(10.0, within(1e-9));
        assertThat(shanhaiguan.reportingScore()).isCloseTo(40.0 / 6, within(1e-9));
        assertThat(shanhaiguan.total()).isCloseTo(28 + 7.5 + 10 + 40.0 / 6, within(1e-9));

        CountyEvaluation lulong = all.get(2);
        assertThat(lulong.targetScore()).isNull();
        assertThat(lulong.rankScore()).isNull();
        assertThat(lulong.followUpScore()).isNull();
        assertThat(lulong.reportingScore()).isCloseTo(0.0, within(1e-9));
        assertThat(lulong.total()).isCloseTo(0.0, within(1e-9));

        CountyEvaluation beidaihe = all.get(3);
        assertThat(beidaihe.targets()).as("the province's target is not the city's").isZero();
        assertThat(beidaihe.targetScore()).isNull();
        assertThat(beidaihe.rankScore()).isCloseTo(22.5, within(1e-9));
        assertThat(beidaihe.followUpScore()).isCloseTo(0.0, within(1e-9));
        assertThat(beidaihe.reportingScore()).isCloseTo(10.0, within(1e-9));
        assertThat(beidaihe.total()).isCloseTo(32.5 / 60 * 100, within(1e-9));

        assertThat(all).extracting(CountyEvaluation::rankInCity).containsExactly(1, 3, 4, 2);
    }

    @Test
    void theTableHoldsARowPerUnitAndEvaluatingAgainReplacesIt() throws Exception {
        EvaluationStore store = new EvaluationStore(WarehouseLayout.of(warehouse));
        store.write("130300", 2024, evaluate());
        Path written = store.write("130300", 2024, evaluate());
        assertThat(written).isEqualTo(warehouse.resolve("county_evaluation/period=2024/130300.parquet"));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*), string_agg(county_code || ':' || round(total_score, 1) || ':' || rank_in_city,"
                        + " ' ' ORDER BY county_code) FROM read_parquet('" + warehouse.resolve("county_evaluation/*/*.parquet")
                        + "', hive_partitioning = true) WHERE period = '2024'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(4);
            assertThat(rs.getString(2)).isEqualTo("130302:70.3:1 130303:52.2:3 130324:0.0:4 130372:54.2:2");
        }
        assertThat(warehouse.resolve("_staging")).isEmptyDirectory();
    }

    private List<CountyEvaluation> evaluate() {
        return new YearlyEvaluation(new WarehouseTables(WarehouseLayout.of(warehouse), TableCatalog.load())).evaluate("130300", 2024);
    }

    private Path file(String table, String period) throws Exception {
        Path dir = warehouse.resolve(table).resolve("period=" + period);
        Files.createDirectories(dir);
        return dir.resolve("part-x.parquet");
    }
}
