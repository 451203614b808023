package org.unionstats.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.kpi.measures.KeptHardshipRegister;
import org.unionstats.kpis.ReportingRules;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.receipts.KpiState;
import org.unionstats.warehouse.runs.KpiJobResult;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.Writer;

/**
 * The KPI job on a hand-made warehouse; every expected value is worked out in the comments.
 *
 * <p>秦皇岛 130300 has two counties: 抚宁区 130306 (unions 130306-0001, a township union, and
 * 130306-0002, an enterprise union under it) and 昌黎县 130322 (union 130322-0001). 榆林 610800's
 * 榆阳区 610802 keeps the seed's hardship register. Data spans 2023Q2..2024Q2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiJobTest {

    @TempDir
    static Path tmp;

    SparkSession spark;
    String warehouse;

    @BeforeAll
    void runJob() throws Exception {
        spark = KpiJob.session(Optional.of("local[2]"));
        spark.conf().set("spark.sql.shuffle.partitions", "2");
        warehouse = tmp.resolve("warehouse").toString();
        fixture().write(spark, warehouse);
        new KpiJob(spark, config(warehouse)).run();
        KpiValuesAsAnalystsSee.read(spark, warehouse).createOrReplaceTempView("kv");
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    /** Changed periods only, deadline 15 days. */
    static KpiConfig config(String warehouse) {
        return new KpiConfig(new WarehouseLayout(warehouse), Optional.empty(), false, Optional.of("local[2]"), ReportingRules.DEFAULT);
    }

    static FixtureWarehouse fixture() {
        FixtureWarehouse w = new FixtureWarehouse();
        // Basic-level unions; 0002 founded 2024-02-10 (2024Q1), 130322-0001 on 2024-04-15 (2024Q2).
        w.add("org_units", "2024Q1", "130306-0001", "骊城街道工会", "township", "130306", "130306", "2010-01-01", 100, "130306");
        w.add("org_units", "2024Q1", "130306-0002", "某公司工会", "enterprise", "130306-0001", "130306", "2024-02-10", 50, "130306");
        w.add("org_units", "2024Q2", "130322-0001", "某食品公司工会", "enterprise", "130322", "130322", "2024-04-15", 200, "130322");
        w.add("org_units", "2023Q4", "610802-0001", "榆阳区某街道工会", "township", "610802", "610802", "2015-01-01", 9000, "610802");
        // Members. Z joins a year before (2023Q2); A, B, C (last day of Q1), D join in 2024Q1; A leaves on the
        // first day of Q2; B transfers from 抚宁区 to 昌黎县; E joins on the last day of Q2.
        w.add("member_events", "2023Q2", "z", "130306-0001", "join", "2023-05-05", "regular", "130306");
        w.add("member_events", "2024Q1", "a", "130306-0001", "join", "2024-01-05", "regular", "130306");
        w.add("member_events", "2024Q1", "b", "130306-0001", "join", "2024-02-10", "new_form", "130306");
        w.add("member_events", "2024Q1", "c", "130306-0001", "join", "2024-03-31", "new_form", "130306");
        w.add("member_events", "2024Q1", "d", "130306-0002", "join", "2024-03-15", "migrant", "130306");
        w.add("member_events", "2024Q2", "a", "130306-0001", "leave", "2024-04-01", "regular", "130306");
        w.add("member_events", "2024Q2", "b", "130306-0001", "transfer_out", "2024-05-20", "new_form", "130306");
        w.add("member_events", "2024Q2", "b2", "130322-0001", "transfer_in", "2024-05-21", "new_form", "130322");
        w.add("member_events", "2024Q2", "e", "130322-0001", "join", "2024-06-30", "regular", "130322");
        // 榆林: 4 360 families on file (filed 2023-06-01, 3 000 for illness, 1 360 for disability); in 2024Q1
        // 1 180 are lifted out on 2024-03-01 (800 illness, 380 disability) with 500 yuan each.
        for (int i = 0; i < 4360; i++) {
            String cause = i < 3000 ? "illness" : "disability";
            w.add("hardship_cases", "2023Q4", "Y" + i, "610802-0001", "2023-06-01", cause, 3, "on_file", null, null, "610802");
            boolean lifted = i < 800 || (i >= 3000 && i < 3380);
            if (lifted) {
                w.add("hardship_cases", "2024Q1", "Y" + i, "610802-0001", "2023-06-01", cause, 3, "lifted_out", "2024-03-01", 500,
                        "610802");
            }
        }
        // 抚宁区: one case filed on the last day of 2023 and closed in 2024Q1; one filed in 2024Q1 with 1.2万 "over".
        w.add("hardship_cases", "2023Q4", "F1", "130306-0001", "2023-12-31", "education", 2, "on_file", null, 300, "130306");
        w.add("hardship_cases", "2024Q1", "F1", "130306-0001", "2023-12-31", "education", 2, "closed", null, null, "130306");
        w.add("hardship_cases", "2024Q1", "F2", "130306-0001", "2024-01-10", "illness", 4, "on_file", null, 12000, "130306", "over");
        // Competitions: the city's C1 (2024-05-01..07-15) and 抚宁区's C2 (June). Enterprise X enters twice.
        w.add("competitions", "2024Q2", "C1", "130300", "市技能大赛", "skills", "city", "2024-05-01", "2024-07-15", 12, "130300");
        w.add("competitions", "2024Q2", "C2", "130306", "区劳动竞赛", "labour", "county", "2024-06-01", "2024-06-30", 3, "130306");
        w.add("competition_entries", "2024Q2", "C1", "130306-0001", "X", null, 30, "first", null, "130300");
        w.add("competition_entries", "2024Q2", "C1", "130322-0001", "X", null, 20, "none", null, "130300");
        w.add("competition_entries", "2024Q2", "C1", "130322-0001", "Y", "w1", 1, "merit", null, "130300");
        w.add("competition_entries", "2024Q2", "C2", "130306-0002", "X", null, 10, "none", null, "130306");
        // Indicators: jobs_offered is a flow, workforce a stock (the 2024Q2 figure is "nearly").
        w.add("indicator_reports", "2024Q1", "130306", "jobs_offered", 100, "jobs", "130306");
        w.add("indicator_reports", "2024Q2", "130306", "jobs_offered", 150, "jobs", "130306");
        w.add("indicator_reports", "2024Q2", "130322", "jobs_offered", 50, "jobs", "130322");
        w.add("indicator_reports", "2024Q1", "130306", "workforce", 1000, "persons", "130306");
        w.add("indicator_reports", "2024Q2", "130306", "workforce", 1100, "persons", "130306", "nearly");
        return w;
    }

    Double kpi(String org, String period, String kpi) {
        return kpi(org, period, kpi, "");
    }

    Double kpi(String org, String period, String kpi, String breakdown) {
        List<Row> rows = spark.sql("SELECT value FROM kv WHERE org_code = '" + org + "' AND period = '" + period
                + "' AND kpi_id = '" + kpi + "' AND breakdown = '" + breakdown + "'").collectAsList();
        assertThat(rows.size()).as(org + " " + period + " " + kpi + " rows").isLessThanOrEqualTo(1);
        return rows.isEmpty() ? null : rows.get(0).getDouble(0);
    }

    @Test
    void membershipFlowsAndStocksAtTheUnionAndCounty() {
        // 130306-0002 sits under 130306-0001, so 0001's subtree has a, b, c (c on the last day) and d.
        assertThat(kpi("130306-0001", "2024Q1", "members_joined")).isEqualTo(4.0);
        assertThat(kpi("130306-0001", "2024Q1", "members_start")).isEqualTo(1.0);
        assertThat(kpi("130306-0001", "2024Q1", "members_end")).isEqualTo(5.0);
        assertThat(kpi("130306-0001", "2024Q1", "new_form_members_joined")).isEqualTo(2.0);
        assertThat(kpi("130306-0002", "2024Q1", "members_joined")).isEqualTo(1.0);
        // Basic-level unions get no monthly rows; their county does.
        assertThat(kpi("130306-0001", "2024-03", "members_joined")).isNull();
        // County 130306 in 2024Q1: 4 joins over both unions; start 1, end 5; growth 4/1.
        assertThat(kpi("130306", "2024Q1", "members_joined")).isEqualTo(4.0);
        assertThat(kpi("130306", "2024Q1", "members_end")).isEqualTo(5.0);
        assertThat(kpi("130306", "2024Q1", "members_growth_rate")).isEqualTo(4.0);
        // 2024Q2: a leaves on 04-01 and b transfers out: left 2, start 5, end 3, net -2, rate -2/5.
        assertThat(kpi("130306", "2024Q2", "members_left")).isEqualTo(2.0);
        assertThat(kpi("130306", "2024Q2", "members_start")).isEqualTo(5.0);
        assertThat(kpi("130306", "2024Q2", "members_end")).isEqualTo(3.0);
        assertThat(kpi("130306", "2024Q2", "members_net_growth")).isEqualTo(-2.0);
        assertThat(kpi("130306", "2024Q2", "members_growth_rate")).isCloseTo(-0.4, within(1e-12));
        // Year on year: end 2024Q2 = 3 against end 2023Q2 = 1.
        assertThat(kpi("130306", "2024Q2", "members_growth_yoy")).isCloseTo(2.0, within(1e-12));
        // 昌黎县 gets b by transfer and e on 06-30: start 0 so no growth rate.
        assertThat(kpi("130322", "2024Q2", "members_transferred_in")).isEqualTo(1.0);
        assertThat(kpi("130322", "2024Q2", "members_end")).isEqualTo(2.0);
        assertThat(kpi("130322", "2024Q2", "members_growth_rate")).isNull();
        // March alone: c and d join; a and b were members already, z too.
        assertThat(kpi("130306", "2024-03", "members_joined")).isEqualTo(2.0);
        assertThat(kpi("130306", "2024-03", "members_start")).isEqualTo(3.0);
    }

    @Test
    void cityRecomputesRatesFromSummedParts() {
        // City 2024Q2: start 5 + 0, end 3 + 2 = 5, so net 0 and rate 0 (not the average of -0.4 and null).
        assertThat(kpi("130300", "2024Q2", "members_start")).isEqualTo(5.0);
        assertThat(kpi("130300", "2024Q2", "members_end")).isEqualTo(5.0);
        assertThat(kpi("130300", "2024Q2", "members_growth_rate")).isEqualTo(0.0);
        // The transfer leaves the city's joins alone: only e joined.
        assertThat(kpi("130300", "2024Q2", "members_joined")).isEqualTo(1.0);
        // Half-year 2024H1 for the city: start 1 (z), joins a, b, c, d, e = 5.
        assertThat(kpi("130300", "2024H1", "members_joined")).isEqualTo(5.0);
        assertThat(kpi("130300", "2024H1", "members_start")).isEqualTo(1.0);
        // Province and country hold the same as the only city with members.
        assertThat(kpi("130000", "2024Q2", "members_end")).isEqualTo(5.0);
        assertThat(kpi("000000", "2024Q2", "members_end")).isEqualTo(5.0);
        // Membership rate: members 5 over workforce 100 + 50 + 200 (130322-0001 exists by 06-30).
        assertThat(kpi("130300", "2024Q2", "membership_rate")).isCloseTo(5.0 / 350.0, within(1e-12));
        // Additive KPIs: the city equals the sum of its counties in every period.
        List<Row> mismatches = spark.sql("""
                SELECT c.period, c.kpi_id FROM kv c
                JOIN (SELECT period, kpi_id, SUM(value) AS total FROM kv
                      WHERE org_code IN ('130306', '130322') AND breakdown = '' GROUP BY period, kpi_id) s
                  ON s.period = c.period AND s.kpi_id = c.kpi_id
                WHERE c.org_code = '130300' AND c.breakdown = ''
                  AND c.kpi_id IN ('members_joined', 'members_left', 'members_end', 'members_start', 'competition_entrants')
                  AND ABS(c.value - s.total) > 1e-9""").collectAsList();
        assertThat(mismatches).isEmpty();
    }

    @Test
    void unionsEstablishedCountAtTheirPeriod() {
        assertThat(kpi("130306", "2024Q1", "unions_established")).isEqualTo(1.0);
        assertThat(kpi("130322", "2024Q2", "unions_established")).isEqualTo(1.0);
        assertThat(kpi("130300", "2024H1", "unions_established")).isEqualTo(2.0);
    }

    @Test
    void yulinHardshipRegisterGivesTheSeedLiftOutRate() {
        // 4 360 on file at the start of 2024Q1, none newly filed, 1 180 lifted out: 1180/4360.
        for (String org : List.of("610802-0001", "610802", "610800", "610000")) {
            assertThat(kpi(org, "2024Q1", "hardship_on_file_start")).as(org).isEqualTo(4360.0);
            assertThat(kpi(org, "2024Q1", "hardship_lifted_out")).as(org).isEqualTo(1180.0);
            assertThat(kpi(org, "2024Q1", "hardship_on_file_end")).as(org).isEqualTo(3180.0);
            assertThat(kpi(org, "2024Q1", "hardship_lift_out_rate")).as(org).isCloseTo(1180.0 / 4360.0, within(1e-12));
        }
        assertThat(kpi("610800", "2024Q1", "hardship_assistance_cny")).isEqualTo(590000.0);
        // Filed 2023-06-01, lifted out 2024-03-01: 274 days for every family.
        assertThat(kpi("610800", "2024Q1", "hardship_days_to_lift_out_median")).isEqualTo(274.0);
        // By cause: 800/3000 for illness, 380/1360 for disability.
        assertThat(kpi("610800", "2024Q1", "hardship_lift_out_rate", "cause=illness")).isCloseTo(800.0 / 3000.0, within(1e-12));
        assertThat(kpi("610800", "2024Q1", "hardship_lift_out_rate", "cause=disability")).isCloseTo(380.0 / 1360.0, within(1e-12));
        assertThat(kpi("610802", "2024Q1", "hardship_lifted_out", "cause=illness")).isEqualTo(800.0);
        // A basic-level union has the totals only; its county and above carry the breakdowns.
        assertThat(kpi("610802-0001", "2024Q1", "hardship_lifted_out", "cause=illness")).isNull();
        // 2023Q2 is when they were all filed.
        assertThat(kpi("610800", "2023Q2", "hardship_newly_filed")).isEqualTo(4360.0);
    }

    @Test
    void hardshipBoundariesClosuresAndQualifiers() {
        // F1 filed on 2023-12-31 is on file at the start of 2024Q1 and closed in it; F2 is newly filed.
        assertThat(kpi("130306", "2024Q1", "hardship_on_file_start")).isEqualTo(1.0);
        assertThat(kpi("130306", "2024Q1", "hardship_newly_filed")).isEqualTo(1.0);
        assertThat(kpi("130306", "2024Q1", "hardship_closed")).isEqualTo(1.0);
        assertThat(kpi("130306", "2024Q1", "hardship_on_file_end")).isEqualTo(1.0);
        assertThat(kpi("130306", "2023Q4", "hardship_newly_filed")).isEqualTo(1.0);
        // 12 000 reported as "over" keeps its qualifier up the hierarchy.
        List<Row> q = spark.sql("SELECT value, qualifier FROM kv WHERE org_code = '130300' AND period = '2024Q1'"
                + " AND kpi_id = 'hardship_assistance_cny' AND breakdown = ''").collectAsList();
        assertThat(q).hasSize(1);
        assertThat(q.get(0).getDouble(0)).isEqualTo(12000.0);
        assertThat(q.get(0).getString(1)).isEqualTo("over");
    }

    @Test
    void competitionsCountAtTheOrganiserAndRecountEnterprises() {
        // The city organised C1 and its county C2: 2 at the city, 1 at 抚宁区.
        assertThat(kpi("130300", "2024Q2", "competitions_held")).isEqualTo(2.0);
        assertThat(kpi("130306", "2024Q2", "competitions_held")).isEqualTo(1.0);
        // Entrants 30 + 10 at 抚宁区, 20 + 1 at 昌黎县, 61 at the city.
        assertThat(kpi("130306", "2024Q2", "competition_entrants")).isEqualTo(40.0);
        assertThat(kpi("130300", "2024Q2", "competition_entrants")).isEqualTo(61.0);
        // X enters in both counties: 1 + 2 enterprises below, but 2 distinct at the city.
        assertThat(kpi("130306", "2024Q2", "competition_enterprises")).isEqualTo(1.0);
        assertThat(kpi("130322", "2024Q2", "competition_enterprises")).isEqualTo(2.0);
        assertThat(kpi("130300", "2024Q2", "competition_enterprises")).isEqualTo(2.0);
        assertThat(kpi("130300", "2024Q2", "competition_awards")).isEqualTo(2.0);
        // 61 entrants per 5 members, times 100.
        assertThat(kpi("130300", "2024Q2", "competition_participation_per_100_members")).isCloseTo(1220.0, within(1e-9));
    }

    @Test
    void indicatorFlowsSumAndStocksTakeTheLastValue() {
        assertThat(kpi("130306", "2024H1", "jobs_offered")).isEqualTo(250.0);
        assertThat(kpi("130300", "2024Q2", "jobs_offered")).isEqualTo(200.0);
        assertThat(kpi("130306", "2024H1", "workforce")).isEqualTo(1100.0);
        assertThat(kpi("130306", "2024-04", "jobs_offered")).as("a month cannot hold a quarterly report").isNull();
        List<Row> q = spark.sql("SELECT qualifier FROM kv WHERE org_code = '130306' AND period = '2024H1' AND kpi_id = 'workforce'")
                .collectAsList();
        assertThat(q.get(0).getString(0)).isEqualTo("nearly");
    }

    @Test
    void widesAndDimensionsAreWritten() {
        Row wide = spark.read().parquet(warehouse + "/kpi_membership").filter("org_code = '130300' AND period = '2024Q2'").first();
        assertThat(wide.<Double>getAs("members_end")).isEqualTo(5.0);
        Row union = spark.read().parquet(warehouse + "/dim_orgs").filter("org_code = '130306-0002'").first();
        assertThat(union.<String>getAs("path_name")).isEqualTo("河北省/秦皇岛市/抚宁区/骊城街道工会/某公司工会");
        assertThat(union.<String>getAs("county_code")).isEqualTo("130306");
        assertThat(spark.read().parquet(warehouse + "/dim_kpis").count())
                .isEqualTo(org.unionstats.kpis.KpiCatalogue.load().all().size());
    }

    @Test
    void writesExactlyTheTablesTheCatalogueGivesIt() throws Exception {
        List<String> ingested = TableCatalog.load().foldersWrittenBy(Writer.INGEST);
        try (var folders = Files.list(Path.of(warehouse))) {
            assertThat(folders.map(f -> f.getFileName().toString()).filter(f -> !f.startsWith("_") && !ingested.contains(f)))
                    .containsExactlyInAnyOrderElementsOf(TableCatalog.load().foldersWrittenBy(Writer.KPI));
        }
        // The intermediate frames a run keeps on disk are gone once it ends.
        assertThat(Path.of(new WarehouseLayout(warehouse).kpiScratchRoot())).doesNotExist();
    }

    @Test
    void theRegionalKpisKeptForLaterRunsHoldExactlyTheRowsOfKpiValues() {
        // Unpivoted, the wide rows a later run reads back give kpi_values row for row (the qualifier rank by name as
        // kpi_values.sql names it), in every period, breakdowns included.
        var catalogue = org.unionstats.kpis.KpiCatalogue.load();
        String stack = catalogue.all().stream().map(k -> "'" + k.id() + "', v_" + k.id() + ", n_" + k.id() + ", d_" + k.id() + ", q_" + k.id())
                .collect(Collectors.joining(", "));
        // A family's files hold its own KPIs' columns; read as a later run reads them, the others' are null.
        var kept = spark.read().schema(new org.unionstats.kpi.engine.KpiProjections(catalogue).regionalWideSchema())
                .parquet(warehouse + "/" + WarehouseLayout.KPI_REGIONAL_WIDE)
                .selectExpr("org_code", "org_level", "period_type", "breakdown", "period",
                        "STACK(" + catalogue.all().size() + ", " + stack + ") AS (kpi_id, value, numerator, denominator, rank)")
                .where("value IS NOT NULL")
                .selectExpr("org_code", "org_level", "period_type", "kpi_id", "breakdown", "value", "numerator", "denominator",
                        "CASE rank WHEN 2 THEN 'nearly' WHEN 1 THEN 'over' ELSE 'exact' END AS qualifier", "period");
        var values = spark.read().parquet(warehouse + "/kpi_values").selectExpr(kept.columns());
        assertThat(values.where("breakdown <> ''").count()).as("breakdown rows").isPositive();
        assertThat(kept.count()).isEqualTo(values.count());
        assertThat(kept.exceptAll(values).count()).isZero();
        assertThat(values.exceptAll(kept).count()).isZero();
        // A family's files hold its own KPIs' columns and no other family's.
        var hardshipFiles = spark.read().parquet(warehouse + "/" + WarehouseLayout.KPI_REGIONAL_WIDE + "/period=2023Q4/family=hardship");
        assertThat(hardshipFiles.columns()).contains("v_hardship_on_file_start").doesNotContain("v_members_end");
        // Regional federations only: the basic-level unions are read back from the family tables.
        assertThat(spark.read().parquet(warehouse + "/" + WarehouseLayout.KPI_REGIONAL_WIDE).where("org_level = 'basic'").count()).isZero();
    }

    @Test
    void aRunAskedForOnePeriodOfAWarehousePublishedInAnotherFormRewritesEveryPeriod() throws Exception {
        String wh = firstRun("other-form");
        int periods = (int) spark.read().parquet(wh + "/dim_periods").count();
        // As if an earlier form of the tables had published it: asked for 2024Q2 alone, the run would leave every other
        // period in that form and compare with it.
        KpiState state = new KpiState(new WarehouseLayout(wh));
        state.save(state.saved().orElseThrow(), "an earlier catalogue/3");
        KpiConfig askedFor2024Q2 = new KpiConfig(new WarehouseLayout(wh), Optional.of(List.of(Period.parse("2024Q2"))), false,
                Optional.of("local[2]"), ReportingRules.DEFAULT);

        KpiJobResult rerun = new KpiJob(spark, askedFor2024Q2).run();

        assertThat(rerun.periodsWritten()).contains("2023Q4", "2024Q1", "2024Q2").hasSize(periods);
        // Once the warehouse is in this form, a run asked for one period writes the periods it overlaps only.
        assertThat(new KpiJob(spark, askedFor2024Q2).run().periodsWritten()).containsExactlyInAnyOrder("2024Q2", "2024-04", "2024-05",
                "2024-06", "2024H1", "2024");
    }

    @Test
    void aCorrectedSubmissionRewritesOnlyThePeriodsItAffects() throws Exception {
        String wh = firstRun("incremental");
        long q4Before = q4FileTime(wh);

        // Nothing changed: nothing written.
        KpiJobResult idle = new KpiJob(spark, config(wh)).run();
        assertThat(idle.periodsWritten()).isEmpty();

        // 昌黎县 resubmits 2024Q2 with one more join on 06-01. The periods compared with (2024Q1 before 2024Q2, 2023Q2
        // a year earlier, and so on) are read back from the published tables, not recomputed.
        FixtureWarehouse corrected = fixture().resubmitted("130322", "2024Q2", "member_events");
        corrected.add("member_events", "2024Q2", "f", "130322-0001", "join", "2024-06-01", "regular", "130322");
        corrected.write(spark, wh);
        KpiJobResult rerun = new KpiJob(spark, config(wh)).run();
        assertThat(rerun.periodsWritten()).containsExactlyInAnyOrder("2024Q2", "2024-04", "2024-05", "2024-06", "2024H1", "2024");
        assertThat(q4FileTime(wh)).isEqualTo(q4Before);
        Double cityEnd = spark.read().parquet(wh + "/kpi_values").filter(
                "org_code = '130300' AND period = '2024Q2' AND kpi_id = 'members_end' AND breakdown = ''").first().getDouble(5);
        assertThat(cityEnd).isEqualTo(6.0);
        assertSameTablesAsAFullRun(wh, corrected, "incremental-full");
    }

    @Test
    void aCorrectionToAnOldQuarterInAnIncrementalRunMovesTheLaterStocks() throws Exception {
        String wh = firstRun("old-quarter");
        long q4Before = q4FileTime(wh);

        // 抚宁区 resubmits 2024Q1 with one more join at 130306-0001 on 02-20. Hand-computed at 抚宁区 (130306):
        // 2024Q1 end z, a, b, c, d + g = 6 (was 5); February's start z, a = 2 → March's start z, a, b, g = 4 (was 3);
        // 2024Q2 start 6 (was 5), end 6 − a (leave 04-01) − b (transfer out 05-20) = 4 (was 3); 秦皇岛 (130300)
        // 2024Q2 end 4 + 昌黎县's b2, e = 6 (was 5). The computed periods are 2024's only: 2023Q4 is not rewritten.
        FixtureWarehouse corrected = fixture().resubmitted("130306", "2024Q1", "member_events");
        corrected.add("member_events", "2024Q1", "g", "130306-0001", "join", "2024-02-20", "regular", "130306");
        corrected.write(spark, wh);
        KpiJobResult rerun = new KpiJob(spark, config(wh)).run();
        assertThat(rerun.periodsWritten()).containsExactlyInAnyOrder("2024-01", "2024-02", "2024-03", "2024Q1", "2024-04", "2024-05",
                "2024-06", "2024Q2", "2024H1", "2024");
        assertThat(q4FileTime(wh)).isEqualTo(q4Before);
        assertThat(valueIn(wh, "130306", "2024Q1 members_end")).isEqualTo(6.0);
        assertThat(valueIn(wh, "130306", "2024-03 members_start")).isEqualTo(4.0);
        assertThat(valueIn(wh, "130306", "2024Q2 members_start")).isEqualTo(6.0);
        assertThat(valueIn(wh, "130306", "2024Q2 members_end")).isEqualTo(4.0);
        assertThat(valueIn(wh, "130300", "2024Q2 members_end")).isEqualTo(6.0);
        // The basic union itself: its subtree holds 130306-0002's d, so 6 − a − b = 4 as at the county.
        assertThat(valueIn(wh, "130306-0001", "2024Q2 members_end")).isEqualTo(4.0);
        assertSameTablesAsAFullRun(wh, corrected, "old-quarter-full");
    }

    @Test
    void aLaterQuarterListingACaseFiledEarlierRewritesThePeriodsFromItsFiling() throws Exception {
        String wh = firstRun("restated");

        // 抚宁区's first 2024Q2 hardship file lists F3, filed on 2023-11-15 (disability), still on file. Hand-computed at
        // 抚宁区 (130306): 2023Q4 newly filed F1 (12-31) + F3 = 2 (was 1), of them 1 for disability; on file at 2023Q4's
        // end F1, F3 = 2 (was 1); at 2024Q2's end F2, F3 = 2 (F1 closed in 2024Q1; was 1). 2023-10 ends before the
        // filing: not rewritten.
        FixtureWarehouse later = fixture();
        later.add("hardship_cases", "2024Q2", "F3", "130306-0001", "2023-11-15", "disability", 3, "on_file", null, null, "130306");
        later.write(spark, wh);
        // The run brings the register the first run kept up to date, rather than computing it whole.
        WarehouseLayout layout = new WarehouseLayout(wh);
        assertThat(new KeptHardshipRegister(spark, layout).covering(new KpiState(layout).saved().orElseThrow())).isPresent();
        KpiJobResult rerun = new KpiJob(spark, config(wh)).run();
        assertThat(rerun.periodsWritten()).contains("2023-11", "2023Q4", "2023H2", "2023", "2024Q1", "2024Q2", "2024")
                .doesNotContain("2023-10", "2023Q3", "2023Q2");
        assertThat(valueIn(wh, "130306", "2023Q4 hardship_newly_filed")).isEqualTo(2.0);
        assertThat(valueIn(wh, "130306", "2023Q4 hardship_newly_filed", "cause=disability")).isEqualTo(1.0);
        assertThat(valueIn(wh, "130306", "2023Q4 hardship_on_file_end")).isEqualTo(2.0);
        assertThat(valueIn(wh, "130306", "2024Q2 hardship_on_file_end")).isEqualTo(2.0);
        assertSameTablesAsAFullRun(wh, later, "restated-full");
    }

    @Test
    void inPeriodsACaseListedLateRestatesTheOtherFamiliesAreReadBackNotRecomputed() throws Exception {
        String wh = firstRun("hardship-alone");
        // The published members_end of 抚宁区 (130306) in 2023Q4 is altered by hand in the regional KPIs kept for later runs:
        // the run that follows recomputes hardship alone in 2023Q4, so it reads the altered value back there, while 2024Q2
        // (every family) is recomputed.
        Double published = valueIn(wh, "130306", "2023Q4 members_end");
        addToPublishedMembersEnd(wh, "130306", "2023Q4", 1000);

        // As aLaterQuarterListingACaseFiledEarlierRewritesThePeriodsFromItsFiling: F3, filed 2023-11-15, first listed in
        // 2024Q2. Hardship of 2023Q4 is recomputed (newly filed F1 + F3 = 2), its members_end read back (altered).
        FixtureWarehouse later = fixture();
        later.add("hardship_cases", "2024Q2", "F3", "130306-0001", "2023-11-15", "disability", 3, "on_file", null, null, "130306");
        later.write(spark, wh);
        Map<String, Set<String>> filesBefore = partitionFiles(wh, "2023Q4");
        KpiJobResult rerun = new KpiJob(spark, config(wh)).run();
        assertThat(rerun.periodsWritten()).contains("2023Q4", "2024Q2");
        assertThat(valueIn(wh, "130306", "2023Q4 hardship_newly_filed")).isEqualTo(2.0);
        // The scorecard, rewritten there (it reads hardship), takes members_end as read back: altered. kpi_values keeps its
        // membership partition of 2023Q4 as published.
        assertThat(spark.read().parquet(wh + "/county_scorecard").where("county_code = '130306' AND period = '2023Q4' AND kpi_id = 'members_end'")
                .select("value").first().getDouble(0)).isEqualTo(published + 1000);
        assertThat(valueIn(wh, "130306", "2023Q4 members_end")).isEqualTo(published);
        // In 2023Q4 the tables hardship does not feed keep their files (a rewrite names its files anew); the others are
        // rewritten.
        Map<String, Set<String>> filesAfter = partitionFiles(wh, "2023Q4");
        // (A family table has a partition only where the family has a value: indicators have none in 2023Q4.)
        assertThat(filesBefore.get("kpi_indicators")).isEmpty();
        // kpi_values is partitioned by family within the period: hardship's files alone are rewritten.
        for (String kept : List.of("kpi_membership", "kpi_competitions", "reporting_completeness", "kpi_values/family=membership",
                "kpi_values/family=competitions")) {
            assertThat(filesAfter.get(kept)).as(kept).isNotEmpty().isEqualTo(filesBefore.get(kept));
        }
        for (String rewritten : List.of("kpi_hardship", "kpi_values/family=hardship")) {
            assertThat(filesAfter.get(rewritten)).as(rewritten).isNotEmpty().doesNotContainAnyElementsOf(filesBefore.get(rewritten));
        }
        // 2024Q2 has every family recomputed: its start is 2024Q1's end, which the alteration did not touch.
        assertThat(valueIn(wh, "130306", "2024Q2 members_end")).isEqualTo(valueIn(tmp.resolve("warehouse").toString(), "130306",
                "2024Q2 members_end"));
    }

    @Test
    void inPeriodsACaseListedLateRestatesTheFindingsReadEveryUnionsOtherFamiliesAsPublished() throws Exception {
        String wh = firstRun("findings-alone");
        // The township union 130306-0001 (no target: its rows are not among the wide frame's there) ended 2023Q4 with 1
        // member (z, joined 2023-05-05; no flow in the quarter). Its published members_end is altered to 1 + 1000 in its
        // family table; the run that follows recomputes hardship alone in 2023Q4 and rewrites the findings there, which
        // read the altered value back: start 1 + no flows = 1 against 1001, a MEMBERS_BALANCE error of 1000.
        assertThat(valueIn(wh, "130306-0001", "2023Q4 members_end")).isEqualTo(1.0);
        addToPublishedBasicMembersEnd(wh, "130306-0001", "2023Q4", 1000);
        FixtureWarehouse later = fixture();
        later.add("hardship_cases", "2024Q2", "F3", "130306-0001", "2023-11-15", "disability", 3, "on_file", null, null, "130306");
        later.write(spark, wh);
        new KpiJob(spark, config(wh)).run();
        List<Row> findings = spark.read().parquet(wh + "/dq_findings")
                .where("period = '2023Q4' AND org_code = '130306-0001' AND rule_id = 'MEMBERS_BALANCE'")
                .select("org_level", "value", "reference").collectAsList();
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).getString(0)).isEqualTo("basic");
        assertThat(((Number) findings.get(0).get(1)).doubleValue()).isEqualTo(1001.0);
        assertThat(((Number) findings.get(0).get(2)).doubleValue()).isEqualTo(1.0);
        // The same union's hardship there is recomputed: F3 newly filed in 2023Q4 (F1 too, filed 2023-12-31).
        assertThat(valueIn(wh, "130306", "2023Q4 hardship_newly_filed")).isEqualTo(2.0);
    }

    @Test
    void aLaterDeclarationOfAUnionsWorkforceCountsFromItsOwnPeriod() throws Exception {
        String wh = firstRun("redeclared");

        // 抚宁区 declares 130306-0001 again in 2024Q2, with 120 employees (100 in 2024Q1). Hand-computed at 抚宁区 (130306):
        // workforce at 2024Q1's end 100 + 50 (0002, founded 02-10) = 150, as before; at 2024Q2's end 120 + 50 = 170.
        // The city (130300) in 2024Q2: 170 + 200 (130322-0001) = 370, so the membership rate is 5 / 370. Only 2024Q2
        // and the periods holding it are rewritten.
        FixtureWarehouse later = fixture();
        later.add("org_units", "2024Q2", "130306-0001", "骊城街道工会", "township", "130306", "130306", "2010-01-01", 120, "130306");
        later.write(spark, wh);
        KpiJobResult rerun = new KpiJob(spark, config(wh)).run();
        assertThat(rerun.periodsWritten()).containsExactlyInAnyOrder("2024Q2", "2024-04", "2024-05", "2024-06", "2024H1", "2024");
        assertThat(valueIn(wh, "130306", "2024Q1 workforce_covered")).isEqualTo(150.0);
        assertThat(valueIn(wh, "130306", "2024Q2 workforce_covered")).isEqualTo(170.0);
        assertThat(valueIn(wh, "130300", "2024Q2 membership_rate")).isCloseTo(5.0 / 370.0, within(1e-12));
        assertSameTablesAsAFullRun(wh, later, "redeclared-full");
    }

    @Test
    void entriesInALaterQuarterForACompetitionBegunEarlierRewriteThePeriodsFromItsStart() throws Exception {
        String wh = firstRun("late-entries");

        // 抚宁区 sends 2024Q3 entries for the city's C1 (2024-05-01..07-15): enterprise Z at 130306-0002 with 5 entrants.
        // C1's entries count in every period it overlaps, so from May. Hand-computed at 抚宁区 (130306), 2024Q2: entrants
        // C1 30 (130306-0001) + C2 10 + Z 5 = 45 (was 40); enterprises X, Z = 2 (was 1); the city (130300) 61 + 5 = 66.
        // April ends before C1 begins: 2024-04 and 2024Q1 are not rewritten. (Entries alone do not extend the calendar,
        // which the record tables' periods span: it still ends with 2024Q2.)
        FixtureWarehouse later = fixture();
        later.add("competition_entries", "2024Q3", "C1", "130306-0002", "Z", null, 5, "none", null, "130306");
        later.write(spark, wh);
        // The fixture has no finding in 2024Q2: one is published by hand, which a rewrite of the partition would drop.
        Path findings2024Q2 = Path.of(wh, "dq_findings", "period=2024Q2");
        spark.sql("SELECT 'MEMBERS_BALANCE' AS rule_id, 'error' AS severity, '130306' AS org_code, 'county' AS org_level,"
                + " 'members_end' AS kpi_id, 1.0D AS value, 2.0D AS reference, 'x' AS message_zh, 'x' AS message_en")
                .write().parquet(findings2024Q2.toString());
        Map<String, Set<String>> filesBefore = partitionFiles(wh, "2024Q2");
        KpiJobResult rerun = new KpiJob(spark, config(wh)).run();
        assertThat(rerun.periodsWritten()).containsExactlyInAnyOrder("2024-05", "2024-06", "2024Q2", "2024H1", "2024");
        // Competitions alone are recomputed (participation per 100 members with the published members_end): the other
        // families' tables and the completeness keep their files.
        Map<String, Set<String>> filesAfter = partitionFiles(wh, "2024Q2");
        for (String kept : List.of("kpi_membership", "kpi_hardship", "kpi_indicators", "reporting_completeness",
                "kpi_values/family=membership", "kpi_values/family=hardship", "kpi_values/family=indicators")) {
            assertThat(filesAfter.get(kept)).as(kept).isNotEmpty().isEqualTo(filesBefore.get(kept));
        }
        for (String rewritten : List.of("kpi_competitions", "kpi_values/family=competitions")) {
            assertThat(filesAfter.get(rewritten)).as(rewritten).isNotEmpty().doesNotContainAnyElementsOf(filesBefore.get(rewritten));
        }
        // No rule reads a competition KPI: the findings keep their files too; the scorecard (competition entrants) is
        // rewritten.
        assertThat(filesAfter.get("dq_findings")).isNotEmpty().isEqualTo(filesBefore.get("dq_findings"));
        assertThat(filesAfter.get("county_scorecard")).isNotEmpty().doesNotContainAnyElementsOf(filesBefore.get("county_scorecard"));
        assertThat(valueIn(wh, "130306", "2024Q2 competition_entrants")).isEqualTo(45.0);
        assertThat(valueIn(wh, "130306", "2024Q2 competition_enterprises")).isEqualTo(2.0);
        assertThat(valueIn(wh, "130300", "2024Q2 competition_entrants")).isEqualTo(66.0);
        // 66 entrants per the 5 members read back (members_end, not recomputed), times 100.
        assertThat(valueIn(wh, "130300", "2024Q2 competition_participation_per_100_members")).isCloseTo(1320.0, within(1e-9));
        deleteRecursively(findings2024Q2);
        assertSameTablesAsAFullRun(wh, later, "late-entries-full");
    }

    /**
     * Per period-partitioned KPI table, the data files of one period's partition (none where it has no partition); for
     * kpi_values, of each family's partition within it ({@code kpi_values/family=<F>}).
     */
    private static Map<String, Set<String>> partitionFiles(String warehouse, String period) throws IOException {
        Map<String, Set<String>> files = new TreeMap<>();
        for (String table : List.of("kpi_membership", "kpi_hardship", "kpi_competitions", "kpi_indicators", "reporting_completeness",
                "dq_findings", "county_scorecard")) {
            files.put(table, dataFiles(Path.of(warehouse, table, "period=" + period)));
        }
        for (String family : org.unionstats.kpis.KpiCatalogue.FAMILIES) {
            files.put("kpi_values/family=" + family, dataFiles(Path.of(warehouse, "kpi_values", "period=" + period, "family=" + family)));
        }
        return files;
    }

    private static Set<String> dataFiles(Path partition) throws IOException {
        if (!Files.exists(partition)) {
            return Set.of();
        }
        try (var listed = Files.list(partition)) {
            return listed.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".parquet")).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** One value of a warehouse's KPIs as analysts see them, by org and "period kpi_id" (the total unless a breakdown is given). */
    private Double valueIn(String warehouse, String org, String periodAndKpi) {
        return valueIn(warehouse, org, periodAndKpi, "");
    }

    private Double valueIn(String warehouse, String org, String periodAndKpi, String breakdown) {
        String[] periodKpi = periodAndKpi.split(" ");
        List<Row> rows = KpiValuesAsAnalystsSee.read(spark, warehouse).where(functions.col("org_code").equalTo(org)
                .and(functions.col("period").equalTo(periodKpi[0])).and(functions.col("kpi_id").equalTo(periodKpi[1]))
                .and(functions.col("breakdown").equalTo(breakdown))).select("value").collectAsList();
        assertThat(rows).as(org + " " + periodAndKpi + " " + breakdown).hasSize(1);
        return rows.get(0).getDouble(0);
    }

    /**
     * Adds to an org's published members_end in one period, by rewriting that period's membership partition of the regional KPIs
     * the job keeps for its later runs to read back.
     */
    private void addToPublishedMembersEnd(String warehouse, String org, String period, double added) throws IOException {
        addTo(Path.of(warehouse, WarehouseLayout.KPI_REGIONAL_WIDE, "period=" + period, "family=membership"), "v_members_end",
                "org_code = '" + org + "' AND breakdown = ''", added);
    }

    /** Alters a basic-level union's published members_end in the membership table, where its KPIs are kept. */
    private void addToPublishedBasicMembersEnd(String warehouse, String org, String period, double added) throws IOException {
        addTo(Path.of(warehouse, "kpi_membership", "period=" + period), "members_end", "org_code = '" + org + "'", added);
    }

    /** Rewrites a partition with {@code added} added to a column in the rows {@code where} selects. */
    private void addTo(Path partition, String column, String where, double added) throws IOException {
        Path altered = partition.resolveSibling("altered");
        spark.read().parquet(partition.toString()).withColumn(column, functions.when(functions.expr(where),
                functions.col(column).plus(added)).otherwise(functions.col(column))).write().parquet(altered.toString());
        deleteRecursively(partition);
        Files.move(altered, partition);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** A fresh warehouse with the fixture after a first run of the job. */
    private String firstRun(String name) {
        String wh = tmp.resolve(name).toString();
        fixture().write(spark, wh);
        new KpiJob(spark, config(wh)).run();
        return wh;
    }

    private static long q4FileTime(String warehouse) throws Exception {
        return Files.getLastModifiedTime(onlyFile(Path.of(warehouse, "kpi_values", "period=2023Q4", "family=membership"))).toMillis();
    }

    /**
     * Every table the KPI job writes holds the same rows as after a full run over the same submissions: the periods an
     * incremental run read back and those it recomputed agree with computing everything.
     */
    private void assertSameTablesAsAFullRun(String incremental, FixtureWarehouse submissions, String name) throws Exception {
        String full = tmp.resolve(name).toString();
        submissions.write(spark, full);
        new KpiJob(spark, new KpiConfig(new WarehouseLayout(full), Optional.empty(), true, Optional.of("local[2]"),
                ReportingRules.DEFAULT)).run();
        for (String table : TableCatalog.load().foldersWrittenBy(Writer.KPI)) {
            boolean written = hasDataFiles(Path.of(full, table));
            assertThat(hasDataFiles(Path.of(incremental, table))).as(table + " written").isEqualTo(written);
            if (!written) {
                continue;
            }
            var a = spark.read().parquet(incremental + "/" + table);
            var b = spark.read().parquet(full + "/" + table).selectExpr(a.columns());
            assertThat(a.count()).as(table + " rows").isEqualTo(b.count());
            assertThat(a.exceptAll(b).count()).as(table + ": rows of the incremental run a full run does not give").isZero();
        }
        // The hardship register kept for the next run: the incremental run's, brought up to date, is the one computed whole.
        var kept = keptRegister(incremental);
        var whole = keptRegister(full);
        assertThat(kept.count()).as("cases in the kept hardship register").isEqualTo(whole.count());
        assertThat(kept.exceptAll(whole).count()).as("kept hardship register rows a full run does not give").isZero();
    }

    /** The one hardship register a warehouse keeps for the next run. */
    private org.apache.spark.sql.Dataset<Row> keptRegister(String warehouse) throws IOException {
        try (var folders = Files.list(Path.of(warehouse, WarehouseLayout.KPI_HARDSHIP_REGISTER))) {
            List<Path> kept = folders.toList();
            assertThat(kept).as("hardship registers kept in " + warehouse).hasSize(1);
            return spark.read().parquet(kept.get(0).toString());
        }
    }

    private static boolean hasDataFiles(Path table) throws Exception {
        try (var files = Files.walk(table)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
        }
    }

    private static Path onlyFile(Path partition) throws Exception {
        try (var files = Files.list(partition)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }
}
