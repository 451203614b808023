package org.unionstats.kpi.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.unionstats.kpi.engine.SqlStage;
import org.unionstats.kpis.KpiCatalogue;

/**
 * The rules over a hand-built {@code kpi_values}. 秦皇岛 130300's county-level unions: 海港区 130302,
 * 山海关区 130303, 北戴河区 130304, 抚宁区 130306, 青龙满族自治县 130321; 唐山 130200's 路南区 130202.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityFindingsTest {

    SparkSession spark;
    List<Row> findings;

    @BeforeAll
    void compute() {
        spark = QualityFixtures.spark();
        QualityFixtures.KpiValues kv = new QualityFixtures.KpiValues();
        // Growth rates, 2024Q3, 5 siblings: sorted 0.02, 0.025, 0.028, 0.03, 0.40 → median 0.028.
        // |x − median| = 0.008, 0.003, 0, 0.002, 0.372 → sorted 0, 0.002, 0.003, 0.008, 0.372 → MAD 0.003.
        // M = 0.6745 · (x − 0.028) / 0.003: 0.02 → −1.80, 0.025 → −0.67, 0.028 → 0, 0.03 → 0.45,
        // 0.40 → 0.6745 · 124 = 83.64 > 3.5: only 青龙 130321 is flagged.
        kv.add("130302", "county", "2024Q3", "members_growth_rate", 0.02)
                .add("130303", "county", "2024Q3", "members_growth_rate", 0.03)
                .add("130304", "county", "2024Q3", "members_growth_rate", 0.025)
                .add("130306", "county", "2024Q3", "members_growth_rate", 0.028)
                .add("130321", "county", "2024Q3", "members_growth_rate", 0.40);
        // Another city's county with the same extreme rate is alone in its city (n = 1 < 4): no finding, and it
        // does not join 秦皇岛's siblings.
        kv.add("130202", "county", "2024Q3", "members_growth_rate", 0.40);
        // 2024Q4: only 3 siblings have a rate (n = 3 < 4): no finding for 0.90.
        kv.add("130302", "county", "2024Q4", "members_growth_rate", 0.02)
                .add("130303", "county", "2024Q4", "members_growth_rate", 0.03)
                .add("130304", "county", "2024Q4", "members_growth_rate", 0.90);
        // The year 2024: 5 siblings and an extreme value, but the outlier rules are for quarters only.
        kv.add("130302", "county", "2024", "members_growth_rate", 0.02)
                .add("130303", "county", "2024", "members_growth_rate", 0.03)
                .add("130304", "county", "2024", "members_growth_rate", 0.025)
                .add("130306", "county", "2024", "members_growth_rate", 0.028)
                .add("130321", "county", "2024", "members_growth_rate", 0.40);
        // Lift-out rates, 2024Q3: 0.1, 0.1, 0.1, 0.1, 0.5 → median 0.1, deviations 0, 0, 0, 0, 0.4 → MAD 0: no finding.
        kv.add("130302", "county", "2024Q3", "hardship_lift_out_rate", 0.1)
                .add("130303", "county", "2024Q3", "hardship_lift_out_rate", 0.1)
                .add("130304", "county", "2024Q3", "hardship_lift_out_rate", 0.1)
                .add("130306", "county", "2024Q3", "hardship_lift_out_rate", 0.1)
                .add("130321", "county", "2024Q3", "hardship_lift_out_rate", 0.5);
        // Members balance. 海港: 980 + 30 + 5 − 15 = 1000 = end (consistent).
        kv.add("130302", "county", "2024Q3", "members_start", 980.0)
                .add("130302", "county", "2024Q3", "members_joined", 30.0)
                .add("130302", "county", "2024Q3", "members_transferred_in", 5.0)
                .add("130302", "county", "2024Q3", "members_left", 15.0)
                .add("130302", "county", "2024Q3", "members_end", 1000.0);
        // 山海关: 790 + 20 + 0 (no transfer row) − 5 = 805 ≠ 800: error.
        kv.add("130303", "county", "2024Q3", "members_start", 790.0)
                .add("130303", "county", "2024Q3", "members_joined", 20.0)
                .add("130303", "county", "2024Q3", "members_left", 5.0)
                .add("130303", "county", "2024Q3", "members_end", 800.0);
        // 北戴河: no flows at all, 500 = 500 (consistent).
        kv.add("130304", "county", "2024Q3", "members_start", 500.0)
                .add("130304", "county", "2024Q3", "members_end", 500.0);
        // 抚宁 2024Q4: 0.1 + 0.2 = 0.30000000000000004 vs 0.3: within the 1e-9 tolerance.
        kv.add("130306", "county", "2024Q4", "members_start", 0.1)
                .add("130306", "county", "2024Q4", "members_joined", 0.2)
                .add("130306", "county", "2024Q4", "members_end", 0.3);
        // The city: 2270 + 50 + 5 − 25 = 2300 (consistent).
        kv.add("130300", "city", "2024Q3", "members_start", 2270.0)
                .add("130300", "city", "2024Q3", "members_joined", 50.0)
                .add("130300", "city", "2024Q3", "members_transferred_in", 5.0)
                .add("130300", "city", "2024Q3", "members_left", 25.0)
                .add("130300", "city", "2024Q3", "members_end", 2300.0);
        // Workforce: 海港 900 < 1000 members (warning); 山海关 5000 ≥ 800 (fine); the city's 100 < 2300 is not a county.
        kv.add("130302", "county", "2024Q3", "workforce", 900.0)
                .add("130303", "county", "2024Q3", "workforce", 5000.0)
                .add("130300", "city", "2024Q3", "workforce", 100.0);
        // Hardship: 北戴河 lifts out 13 of 10 + 2 = 12 (error); 海港 lifts out 12 of 12 (fine).
        kv.add("130304", "county", "2024Q3", "hardship_on_file_start", 10.0)
                .add("130304", "county", "2024Q3", "hardship_newly_filed", 2.0)
                .add("130304", "county", "2024Q3", "hardship_lifted_out", 13.0)
                .add("130302", "county", "2024Q3", "hardship_on_file_start", 10.0)
                .add("130302", "county", "2024Q3", "hardship_newly_filed", 2.0)
                .add("130302", "county", "2024Q3", "hardship_lifted_out", 12.0);
        findings = DataQualityFindings.compute(kv.totals(spark), QualityFixtures.orgs(spark).dimOrgs(),
                QualityFixtures.noBalanceChecks(spark), QualityFixtures.calendar(spark, "2024Q1", "2024Q4")).collectAsList();
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    private Row only(String ruleId) {
        List<Row> rows = findings.stream().filter(r -> ruleId.equals(r.getAs("rule_id"))).toList();
        assertThat(rows).as(ruleId).hasSize(1);
        return rows.get(0);
    }

    @Test
    void exactlyTheExpectedFindings() {
        assertThat(findings).extracting(r -> r.getAs("rule_id"), r -> r.getAs("severity"), r -> r.getAs("org_code"),
                        r -> r.getAs("kpi_id"), r -> r.getAs("period"))
                .containsExactlyInAnyOrder(
                        tuple("OUTLIER_GROWTH_RATE", "warning", "130321", "members_growth_rate", "2024Q3"),
                        tuple("MEMBERS_BALANCE", "error", "130303", "members_end", "2024Q3"),
                        tuple("WORKFORCE_BELOW_MEMBERS", "warning", "130302", "workforce", "2024Q3"),
                        tuple("LIFTED_OUT_EXCEEDS_CASELOAD", "error", "130304", "hardship_lifted_out", "2024Q3"));
        assertThat(findings).allSatisfy(r -> {
            assertThat(r.<String>getAs("message_zh")).isNotBlank();
            assertThat(r.<String>getAs("message_en")).isNotBlank();
            assertThat(r.<String>getAs("org_level")).isEqualTo("county");
        });
    }

    @Test
    void outlierAmongFiveSiblings() {
        Row r = only("OUTLIER_GROWTH_RATE");
        assertThat(r.<String>getAs("org_level")).isEqualTo("county");
        assertThat(r.<Double>getAs("value")).isEqualTo(0.40);
        assertThat(r.<Double>getAs("reference")).as("the siblings' median").isCloseTo(0.028, within(1e-12));
        assertThat(r.<String>getAs("message_zh")).contains("秦皇岛市", "青龙满族自治县", "130321", "会员增长率", "40.0%", "2.8%", "83.6");
        assertThat(r.<String>getAs("message_en")).contains("青龙满族自治县", "membership growth rate 40.0%", "median 2.8%",
                "5 county-level unions of 秦皇岛市", "83.6");
    }

    @Test
    void noOutlierWhenMadIsZeroOrTooFewSiblingsOrNotAQuarter() {
        assertThat(findings).noneMatch(r -> "OUTLIER_LIFT_OUT_RATE".equals(r.getAs("rule_id")));
        assertThat(findings).noneMatch(r -> "2024Q4".equals(r.getAs("period")) || "2024".equals(r.getAs("period")));
        assertThat(findings).noneMatch(r -> "130202".equals(r.getAs("org_code")));
    }

    @Test
    void membersBalance() {
        Row r = only("MEMBERS_BALANCE");
        assertThat(r.<String>getAs("org_code")).isEqualTo("130303");
        assertThat(r.<Double>getAs("value")).isEqualTo(800.0);
        assertThat(r.<Double>getAs("reference")).as("790 + 20 + 0 − 5").isEqualTo(805.0);
        assertThat(r.<String>getAs("message_zh")).contains("山海关区", "800", "790", "805", "相差 -5");
        assertThat(r.<String>getAs("message_en")).contains("山海关区", "800 members", "790 at the start", "difference -5");
        // Consistent data (海港, 北戴河 without flows, the city, 抚宁 within tolerance) gives nothing.
        assertThat(findings).noneMatch(f -> "MEMBERS_BALANCE".equals(f.getAs("rule_id")) && !"130303".equals(f.getAs("org_code")));
    }

    @Test
    void workforceBelowMembersOnlyForCounties() {
        Row r = only("WORKFORCE_BELOW_MEMBERS");
        assertThat(r.<String>getAs("org_code")).isEqualTo("130302");
        assertThat(r.<Double>getAs("value")).isEqualTo(900.0);
        assertThat(r.<Double>getAs("reference")).isEqualTo(1000.0);
        assertThat(r.<String>getAs("message_zh")).contains("海港区", "职工人数 900", "期末会员数 1,000");
    }

    @Test
    void liftedOutBeyondCaseload() {
        Row r = only("LIFTED_OUT_EXCEEDS_CASELOAD");
        assertThat(r.<String>getAs("org_code")).isEqualTo("130304");
        assertThat(r.<Double>getAs("value")).isEqualTo(13.0);
        assertThat(r.<Double>getAs("reference")).as("10 on file + 2 newly filed").isEqualTo(12.0);
        assertThat(r.<String>getAs("message_en")).contains("北戴河区", "13 families lifted out", "12 families on file");
    }

    @Test
    void theKpisTheRulesReadAreDeclaredSoARunRecomputingAnotherFamilyAloneKeepsTheFindings() {
        // Every KPI of the catalogue the rules' SQL names, as a column or as a finding's KPI: a KPI missing from
        // KPIS_READ would let a run recomputing its family alone leave stale findings.
        KpiCatalogue catalogue = KpiCatalogue.load();
        java.util.Set<String> named = new java.util.TreeSet<>();
        java.util.regex.Matcher words = java.util.regex.Pattern.compile("[a-z][a-z0-9_]*").matcher(SqlStage.text("dq_findings"));
        while (words.find()) {
            catalogue.find(words.group()).ifPresent(k -> named.add(k.id()));
        }
        DataQualityFindings.OUTLIER_RULES.forEach(r -> named.add(r.kpiId()));
        assertThat(named).containsExactlyInAnyOrderElementsOf(DataQualityFindings.KPIS_READ);
        assertThat(DataQualityFindings.KPIS_READ.stream().map(catalogue::familyOf).distinct())
                .containsExactlyInAnyOrder("membership", "hardship", "indicators");
    }
}
