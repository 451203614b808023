package org.unionstats.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Stocks anchored on reported balances, and completeness against every unit that owes reports, on a hand-made
 * warehouse of 秦皇岛 130300 over 2024Q1..2024Q2 (reporting scope 130300, deadline 15 days). Every expected value is
 * worked out in the comments.
 *
 * <p>Members:
 * <ul>
 *   <li>抚宁区 130306's township union U1 = 130306-0001 reports 12 000 members as of 2023-12-31 (opening balance, in its
 *       2024Q1 file); in 2024Q1 3 join and 1 leaves; in 2024Q2 2 join and 1 leaves; its 2024Q2 file reports 12 010 as of
 *       2024-06-30, where 12 000 + (3 − 1) + (2 − 1) = 12 003 was expected: a difference of +7.
 *   <li>Its enterprise union U2 = 130306-0002 reports 3 000 as of 2023-12-31 and 3 001 as of 2024-06-30 after one join
 *       in 2024Q1: consistent.
 *   <li>昌黎县 130322's union U3 = 130322-0001 reports no opening balance, only 500 as of 2024-03-31 after one join on
 *       2024-02-01; one more joins on 2024-05-10. Its first balance is carried back by the flows: 499 before February.
 * </ul>
 *
 * <p>Hardship:
 * <ul>
 *   <li>抚宁区 sends a full register snapshot in its 2024Q1 file: H1 filed 2021-05-10 and H2 filed 2022-11-01, both on
 *       file, and H3 newly filed 2024-02-01; in 2024Q2 H1 is lifted out on 2024-05-15.
 *   <li>昌黎县 sends an on-file count instead: 40 families as of 2023-12-31 at its own code 130322. Its register shows
 *       K1 (filed 2022-03-01, one of the 40) only when lifted out on 2024-04-20, and K2 newly filed 2024-01-15. By cause
 *       K1 is known from its first listing on: it counts in the periods ending on or after 2024-04-01, from its filing.
 * </ul>
 *
 * <p>Reporting: 抚宁区 sends member_events, hardship_cases and indicator_reports for both quarters, its 2024Q2
 * indicator_reports received on 2024-07-20 (late; the file claims 2024-07-05); 昌黎县 sends member_events and
 * hardship_cases only. The other seven county-level units of 秦皇岛 send nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CredibleStocksTest {

    @TempDir
    static Path tmp;

    SparkSession spark;
    String warehouse;

    @BeforeAll
    void runJob() {
        spark = KpiJob.session(Optional.of("local[2]"));
        spark.conf().set("spark.sql.shuffle.partitions", "2");
        warehouse = tmp.resolve("warehouse").toString();
        fixture().write(spark, warehouse);
        new KpiJob(spark, new KpiConfig(new WarehouseLayout(warehouse), Optional.empty(), false, Optional.of("local[2]"),
                new ReportingRules(15, List.of("130300")))).run();
        KpiValuesAsAnalystsSee.read(spark, warehouse).createOrReplaceTempView("out_kpi_values");
        for (String table : List.of("dq_findings", "reporting_completeness")) {
            spark.read().option("basePath", warehouse + "/" + table).parquet(warehouse + "/" + table).createOrReplaceTempView("out_" + table);
        }
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    static FixtureWarehouse fixture() {
        return fixture(true);
    }

    /** @param k1Listed whether 昌黎县's 2024Q2 register file (K1 lifted out) has been sent */
    static FixtureWarehouse fixture(boolean k1Listed) {
        FixtureWarehouse w = new FixtureWarehouse();
        w.add("org_units", "2024Q1", "130306-0001", "骊城街道工会", "township", "130306", "130306", "2010-01-01", 20000, "130306");
        w.add("org_units", "2024Q1", "130306-0002", "某公司工会", "enterprise", "130306", "130306", "2012-03-01", 4000, "130306");
        w.add("org_units", "2024Q1", "130322-0001", "某食品公司工会", "enterprise", "130322", "130322", "2015-04-15", 800, "130322");
        // Balances: (org, type, as of, value, submitter).
        w.add("balances", "2024Q1", "130306-0001", "members", "2023-12-31", 12000, "130306");
        w.add("balances", "2024Q1", "130306-0002", "members", "2023-12-31", 3000, "130306");
        w.add("balances", "2024Q2", "130306-0001", "members", "2024-06-30", 12010, "130306");
        w.add("balances", "2024Q2", "130306-0002", "members", "2024-06-30", 3001, "130306");
        w.add("balances", "2024Q1", "130322-0001", "members", "2024-03-31", 500, "130322");
        w.add("balances", "2024Q1", "130322", "hardship_on_file", "2023-12-31", 40, "130322");
        // Member events.
        w.add("member_events", "2024Q1", "a", "130306-0001", "join", "2024-01-05", "regular", "130306");
        w.add("member_events", "2024Q1", "b", "130306-0001", "join", "2024-02-10", "new_form", "130306");
        w.add("member_events", "2024Q1", "c", "130306-0001", "join", "2024-03-20", "regular", "130306");
        w.add("member_events", "2024Q1", "x", "130306-0001", "leave", "2024-03-25", "regular", "130306");
        w.add("member_events", "2024Q1", "d", "130306-0002", "join", "2024-03-15", "migrant", "130306");
        w.add("member_events", "2024Q2", "e", "130306-0001", "join", "2024-04-08", "regular", "130306");
        w.add("member_events", "2024Q2", "f", "130306-0001", "join", "2024-05-09", "regular", "130306");
        w.add("member_events", "2024Q2", "y", "130306-0001", "leave", "2024-06-10", "regular", "130306");
        w.add("member_events", "2024Q1", "g", "130322-0001", "join", "2024-02-01", "regular", "130322");
        w.add("member_events", "2024Q2", "h", "130322-0001", "join", "2024-05-10", "regular", "130322");
        // Hardship: 抚宁区's snapshot and 昌黎县's register behind its on-file count.
        w.add("hardship_cases", "2024Q1", "H1", "130306-0001", "2021-05-10", "illness", 3, "on_file", null, null, "130306");
        w.add("hardship_cases", "2024Q1", "H2", "130306-0001", "2022-11-01", "disability", 2, "on_file", null, null, "130306");
        w.add("hardship_cases", "2024Q1", "H3", "130306-0001", "2024-02-01", "illness", 4, "on_file", null, null, "130306");
        w.add("hardship_cases", "2024Q2", "H1", "130306-0001", "2021-05-10", "illness", 3, "lifted_out", "2024-05-15", null, "130306");
        w.add("hardship_cases", "2024Q1", "K2", "130322", "2024-01-15", "education", 3, "on_file", null, null, "130322");
        if (k1Listed) {
            w.add("hardship_cases", "2024Q2", "K1", "130322", "2022-03-01", "illness", 2, "lifted_out", "2024-04-20", null,
                    "130322");
        }
        // Indicators: only 抚宁区; its 2024Q2 file received five days after the deadline day (2024-07-15).
        w.add("indicator_reports", "2024Q1", "130306", "jobs_offered", 100, "jobs", "130306");
        w.add("indicator_reports", "2024Q2", "130306", "jobs_offered", 120, "jobs", "130306");
        w.receivedAt("130306", "2024Q2", "indicator_reports", "2024-07-20 10:00:00");
        w.modifiedAt("130306", "2024Q2", "indicator_reports", "2024-07-05 10:00:00");
        return w;
    }

    Double kpi(String org, String period, String kpi) {
        return kpi(org, period, kpi, "");
    }

    Double kpi(String org, String period, String kpi, String breakdown) {
        List<Row> rows = spark.sql("SELECT value FROM out_kpi_values WHERE org_code = '" + org + "' AND period = '" + period
                + "' AND kpi_id = '" + kpi + "' AND breakdown = '" + breakdown + "'").collectAsList();
        assertThat(rows.size()).as(org + " " + period + " " + kpi + " rows").isLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0).getDouble(0);
    }

    @Test
    void anOpeningBalanceCarriesForwardWithTheFlows() {
        // U1 2024Q1: start 12 000 (the balance as of 2023-12-31); 3 joined, 1 left; end 12 002; growth 2 / 12 000.
        assertThat(kpi("130306-0001", "2024Q1", "members_start")).isEqualTo(12000.0);
        assertThat(kpi("130306-0001", "2024Q1", "members_joined")).isEqualTo(3.0);
        assertThat(kpi("130306-0001", "2024Q1", "members_left")).isEqualTo(1.0);
        assertThat(kpi("130306-0001", "2024Q1", "members_end")).isEqualTo(12002.0);
        assertThat(kpi("130306-0001", "2024Q1", "members_growth_rate")).isCloseTo(2.0 / 12000, within(1e-12));
        // 抚宁区 = U1 + U2: start 12 000 + 3 000 = 15 000; end 12 002 + 3 001 = 15 003; growth 3 / 15 000 = 0.02 %.
        assertThat(kpi("130306", "2024Q1", "members_start")).isEqualTo(15000.0);
        assertThat(kpi("130306", "2024Q1", "members_end")).isEqualTo(15003.0);
        assertThat(kpi("130306", "2024Q1", "members_growth_rate")).isCloseTo(3.0 / 15000, within(1e-12));
        // Months too: 抚宁区 at the end of January = 15 000 + 1 (a) = 15 001; at the end of March 15 003.
        assertThat(kpi("130306", "2024-01", "members_end")).isEqualTo(15001.0);
        assertThat(kpi("130306", "2024-03", "members_end")).isEqualTo(15003.0);
    }

    @Test
    void aBalanceThatDisagreesCorrectsTheStockAndIsAFinding() {
        // U1 2024Q2: start 12 002; 2 joined, 1 left → 12 003 expected; reported 12 010 as of 2024-06-30: +7.
        assertThat(kpi("130306-0001", "2024Q2", "members_start")).isEqualTo(12002.0);
        assertThat(kpi("130306-0001", "2024Q2", "members_balance_correction")).isEqualTo(7.0);
        assertThat(kpi("130306-0001", "2024Q2", "members_end")).isEqualTo(12010.0);
        // 抚宁区 2024Q2: start 15 003; end 12 010 + 3 001 = 15 011; correction +7 (U2's balance agrees); net growth 8.
        assertThat(kpi("130306", "2024Q2", "members_end")).isEqualTo(15011.0);
        assertThat(kpi("130306", "2024Q2", "members_balance_correction")).isEqualTo(7.0);
        assertThat(kpi("130306", "2024Q2", "members_net_growth")).isEqualTo(8.0);
        // The finding: at U1, in 2024Q2, reported 12 010 against 12 003.
        List<Row> findings = spark.sql("SELECT * FROM out_dq_findings WHERE rule_id = 'BALANCE_MISMATCH'").collectAsList();
        assertThat(findings).hasSize(1);
        Row f = findings.get(0);
        assertThat(f.<String>getAs("org_code")).isEqualTo("130306-0001");
        assertThat(f.<String>getAs("period")).isEqualTo("2024Q2");
        assertThat(f.<String>getAs("kpi_id")).isEqualTo("members_end");
        assertThat(f.<Double>getAs("value")).isEqualTo(12010.0);
        assertThat(f.<Double>getAs("reference")).isEqualTo(12003.0);
        assertThat(f.<String>getAs("message_zh")).contains("2024-06-30", "12,010", "2023-12-31", "12,000", "+3", "12,003", "+7");
        assertThat(f.<String>getAs("message_en")).contains("12,010", "12,003", "+7");
        // The stock equation still holds once the correction is counted: no MEMBERS_BALANCE error anywhere.
        assertThat(spark.sql("SELECT * FROM out_dq_findings WHERE rule_id = 'MEMBERS_BALANCE'").count()).isZero();
    }

    @Test
    void aFirstBalanceLaterThanTheDataIsCarriedBack() {
        // U3: 500 as of 2024-03-31 after 1 join in February → 499 at the start of 2024Q1, 500 at its end;
        // 2024Q2: 1 more join → 501.
        assertThat(kpi("130322-0001", "2024Q1", "members_start")).isEqualTo(499.0);
        assertThat(kpi("130322-0001", "2024Q1", "members_end")).isEqualTo(500.0);
        assertThat(kpi("130322-0001", "2024Q2", "members_end")).isEqualTo(501.0);
        // 秦皇岛 2024Q2: 15 011 + 501 = 15 512 at the end; 15 003 + 500 = 15 503 at the start.
        assertThat(kpi("130300", "2024Q2", "members_start")).isEqualTo(15503.0);
        assertThat(kpi("130300", "2024Q2", "members_end")).isEqualTo(15512.0);
        assertThat(kpi("130300", "2024Q2", "members_growth_rate")).isCloseTo(9.0 / 15503, within(1e-12));
    }

    @Test
    void aRegisterSnapshotGivesTheCaseloadBeforeTheData() {
        // 抚宁区 2024Q1: H1 and H2 filed before → 2 on file at the start; H3 newly filed; 3 at the end.
        assertThat(kpi("130306", "2024Q1", "hardship_on_file_start")).isEqualTo(2.0);
        assertThat(kpi("130306", "2024Q1", "hardship_newly_filed")).isEqualTo(1.0);
        assertThat(kpi("130306", "2024Q1", "hardship_on_file_end")).isEqualTo(3.0);
        // 2024Q2: 3 at the start, H1 lifted out: 1 / (3 + 0) = 33.3 %; 2 at the end.
        assertThat(kpi("130306", "2024Q2", "hardship_lift_out_rate")).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(kpi("130306", "2024Q2", "hardship_on_file_end")).isEqualTo(2.0);
        // By cause, 2024Q1 start: illness H1, disability H2.
        assertThat(kpi("130306", "2024Q1", "hardship_on_file_start", "cause=illness")).isEqualTo(1.0);
        assertThat(kpi("130306", "2024Q1", "hardship_on_file_start", "cause=disability")).isEqualTo(1.0);
    }

    @Test
    void anOnFileCountAnchorsTheCaseload() {
        // 昌黎县: 40 on file as of 2023-12-31, K1 among them (filed 2022-03-01): the adjustment is 40 − 1 = 39.
        // 2024Q1: start 39 + 1 = 40; K2 newly filed; end 41. 2024Q2: start 41; K1 lifted out: 1 / 41; end 40.
        assertThat(kpi("130322", "2024Q1", "hardship_on_file_start")).isEqualTo(40.0);
        assertThat(kpi("130322", "2024Q1", "hardship_newly_filed")).isEqualTo(1.0);
        assertThat(kpi("130322", "2024Q1", "hardship_on_file_end")).isEqualTo(41.0);
        assertThat(kpi("130322", "2024Q2", "hardship_on_file_start")).isEqualTo(41.0);
        assertThat(kpi("130322", "2024Q2", "hardship_lifted_out")).isEqualTo(1.0);
        assertThat(kpi("130322", "2024Q2", "hardship_lift_out_rate")).isCloseTo(1.0 / 41, within(1e-12));
        assertThat(kpi("130322", "2024Q2", "hardship_on_file_end")).isEqualTo(40.0);
        // The breakdown by cause counts the register's cases only: K1 (illness) on file at the start of 2024Q2.
        assertThat(kpi("130322", "2024Q2", "hardship_on_file_start", "cause=illness")).isEqualTo(1.0);
        // A balance's correction has no cause: the total carries it (0 here), a cause row does not.
        assertThat(kpi("130322", "2024Q2", "hardship_on_file_correction")).isEqualTo(0.0);
        assertThat(kpi("130322", "2024Q2", "hardship_on_file_correction", "cause=illness")).isNull();
        assertThat(kpi("130322", "2024Q2", "hardship_lifted_out", "cause=illness")).isEqualTo(1.0);
        // K1 is first listed in 2024Q2: by cause it is unknown in the periods ending before 2024-04-01 (2024Q1 and its
        // months; K1 is the county's only illness case), and counts from its filing in those ending after, so it is on
        // file at the start of 2024H1 and of 2024. The totals hold it in the balance throughout (41 at 2024Q1's end).
        assertThat(kpi("130322", "2024Q1", "hardship_on_file_end", "cause=illness")).isNull();
        assertThat(kpi("130322", "2024-03", "hardship_on_file_end", "cause=illness")).isNull();
        assertThat(kpi("130322", "2024H1", "hardship_on_file_start", "cause=illness")).isEqualTo(1.0);
        assertThat(kpi("130322", "2024H1", "hardship_lifted_out", "cause=illness")).isEqualTo(1.0);
        assertThat(kpi("130322", "2024H1", "hardship_on_file_end", "cause=illness")).isEqualTo(0.0);
        assertThat(kpi("130322", "2024", "hardship_on_file_start", "cause=illness")).isEqualTo(1.0);
        // 秦皇岛 2024Q2: (1 + 1) lifted out / (3 + 41) on file at the start = 2 / 44, from the summed parts.
        assertThat(kpi("130300", "2024Q2", "hardship_lift_out_rate")).isCloseTo(2.0 / 44, within(1e-12));
    }

    /** expected, received, on time of the record type {@code all}. */
    long[] completeness(String org, String period) {
        List<Row> rows = spark.sql("SELECT expected, received, on_time FROM out_reporting_completeness WHERE org_code = '" + org
                + "' AND period = '" + period + "' AND record_type = 'all'").collectAsList();
        assertThat(rows).as(org + " " + period).hasSize(1);
        return new long[] {rows.get(0).getLong(0), rows.get(0).getLong(1), rows.get(0).getLong(2)};
    }

    @Test
    void silentUnitsCountAsMissingAndLateMeansReceivedLate() {
        // 抚宁区 2024Q2: 3 received; indicator_reports received 2024-07-20, after 2024-07-15 (its mtime would say on time).
        assertThat(completeness("130306", "2024Q2")).containsExactly(3, 3, 2);
        // 昌黎县: member_events and hardship_cases, on time.
        assertThat(completeness("130322", "2024Q2")).containsExactly(3, 2, 2);
        // 海港区 130302 never sent anything: 0 of 3.
        assertThat(completeness("130302", "2024Q1")).containsExactly(3, 0, 0);
        // 秦皇岛: 9 county-level units × 3 = 27 expected; 2024Q1 received 3 + 2 = 5 on time; 2024Q2 5 received, 4 on time.
        assertThat(completeness("130300", "2024Q1")).containsExactly(27, 5, 5);
        assertThat(completeness("130300", "2024Q2")).containsExactly(27, 5, 4);
        Row q2 = spark.sql("SELECT completeness_rate, timeliness_rate FROM out_reporting_completeness"
                + " WHERE org_code = '130300' AND period = '2024Q2' AND record_type = 'all'").first();
        assertThat(q2.getDouble(0)).isCloseTo(5.0 / 27, within(1e-12));
        assertThat(q2.getDouble(1)).isCloseTo(4.0 / 27, within(1e-12));
    }

    @Test
    void aCaseInsideTheOpeningBalanceListedLaterRewritesOnlyThePeriodsOfItsListing() {
        // 昌黎县's 2024Q2 register file first lists K1, filed 2022-03-01, inside its on-file count as of 2023-12-31. The
        // totals hold K1 in that count already and change from its lift-out (2024-04-20); by cause K1 is known from
        // 2024Q2 on. So only 2024Q2 and what encloses it are rewritten: 2024-04..2024-06, 2024Q2, 2024H1, 2024 (not
        // 2024Q1 and its months), and the KPIs are those of a full run over the same submissions (this class's).
        String wh = tmp.resolve("listed-later").toString();
        KpiConfig config = new KpiConfig(new WarehouseLayout(wh), Optional.empty(), false, Optional.of("local[2]"),
                new ReportingRules(15, List.of("130300")));
        fixture(false).write(spark, wh);
        new KpiJob(spark, config).run();
        fixture(true).write(spark, wh);
        assertThat(new KpiJob(spark, config).run().periodsWritten())
                .containsExactlyInAnyOrder("2024Q2", "2024-04", "2024-05", "2024-06", "2024H1", "2024");
        for (String table : List.of("kpi_values", "kpi_hardship")) {
            Dataset<Row> incremental = spark.read().parquet(wh + "/" + table);
            Dataset<Row> full = spark.read().parquet(warehouse + "/" + table).selectExpr(incremental.columns());
            assertThat(incremental.count()).as(table + " rows").isEqualTo(full.count());
            assertThat(incremental.exceptAll(full).count()).as(table + " rows a full run does not give").isZero();
        }
    }

    @Test
    void aNewBalanceRewritesEveryPeriod() {
        // A balance moves stocks back to its date, before its own submission period: 昌黎县 resends its 2024Q2 file of
        // member_events with one more join (only 2024Q2 and what encloses it are rewritten), then sends a balances
        // file in 2024Q2 (every period is rewritten: 2024-01..2024-06, 2024Q1, 2024Q2, 2024H1, 2024).
        String wh = tmp.resolve("incremental").toString();
        KpiConfig config = new KpiConfig(new WarehouseLayout(wh), Optional.empty(), false, Optional.of("local[2]"),
                new ReportingRules(15, List.of("130300")));
        fixture().write(spark, wh);
        new KpiJob(spark, config).run();
        FixtureWarehouse events = fixture().resubmitted("130322", "2024Q2", "member_events");
        events.add("member_events", "2024Q2", "i", "130322-0001", "join", "2024-06-01", "regular", "130322");
        events.write(spark, wh);
        assertThat(new KpiJob(spark, config).run().periodsWritten())
                .containsExactlyInAnyOrder("2024Q2", "2024-04", "2024-05", "2024-06", "2024H1", "2024");
        FixtureWarehouse balances = fixture().resubmitted("130322", "2024Q2", "member_events");
        balances.add("member_events", "2024Q2", "i", "130322-0001", "join", "2024-06-01", "regular", "130322");
        balances.add("balances", "2024Q2", "130322-0001", "members", "2024-06-30", 502, "130322");
        balances.write(spark, wh);
        assertThat(new KpiJob(spark, config).run().periodsWritten()).containsExactlyInAnyOrder(
                "2024-01", "2024-02", "2024-03", "2024Q1", "2024-04", "2024-05", "2024-06", "2024Q2", "2024H1", "2024");
    }
}
