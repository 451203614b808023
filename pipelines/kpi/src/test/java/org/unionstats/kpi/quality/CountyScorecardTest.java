package org.unionstats.kpi.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.unionstats.kpis.KpiCatalogue;

/**
 * The scorecard over a hand-built {@code kpi_values}, 2023Q3..2024Q3. 秦皇岛 130300's county-level
 * unions A 海港区 130302, B 山海关区 130303, C 北戴河区 130304, D 抚宁区 130306, E 青龙 130321;
 * 唐山 130200's 路南区 130202 is ranked in its own city.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CountyScorecardTest {

    SparkSession spark;
    List<Row> rows;
    Map<String, Row> byKey = new HashMap<>();

    @BeforeAll
    void compute() {
        spark = QualityFixtures.spark();
        QualityFixtures.KpiValues kv = new QualityFixtures.KpiValues();
        // members_end (better up), 2024Q3: A 1000, B 800, C 800, D 600, E 400 → ranks 1, 2, 2, 4, 5 (ties share 2,
        // the next is 4). 5 ranked, bottom quarter = rank > 3.75: D and E.
        kv.add("130302", "county", "2024Q3", "members_end", 1000.0)
                .add("130303", "county", "2024Q3", "members_end", 800.0)
                .add("130304", "county", "2024Q3", "members_end", 800.0)
                .add("130306", "county", "2024Q3", "members_end", 600.0)
                .add("130321", "county", "2024Q3", "members_end", 400.0);
        // A a quarter earlier 950 (change +50) and a year earlier 900 (change +100); B has no history.
        kv.add("130302", "county", "2024Q2", "members_end", 950.0)
                .add("130302", "county", "2023Q3", "members_end", 900.0);
        // Another city's county (rank 1 of 1 there) and the city itself (no card): neither changes 秦皇岛's ranks.
        kv.add("130202", "county", "2024Q3", "members_end", 5000.0)
                .add("130300", "city", "2024Q3", "members_end", 3600.0);
        // hardship_on_file_end (better down), 2024Q3: A 50, B 20, C 30, D 20, E only a cause breakdown (unranked).
        // Ascending: B 1, D 1, C 3, A 4. 4 ranked, bottom quarter = rank > 3: A.
        kv.add("130302", "county", "2024Q3", "hardship_on_file_end", 50.0)
                .add("130303", "county", "2024Q3", "hardship_on_file_end", 20.0)
                .add("130304", "county", "2024Q3", "hardship_on_file_end", 30.0)
                .add("130306", "county", "2024Q3", "hardship_on_file_end", 20.0)
                .add("130321", "county", "2024Q3", "hardship_on_file_end", "cause=illness", 5.0);
        // members_growth_rate, 2024Q3: A 0.05, B 0.02, C 0.05 → A 1, C 1, B 3; only 3 ranked: no bottom quarter.
        kv.add("130302", "county", "2024Q3", "members_growth_rate", 0.05)
                .add("130303", "county", "2024Q3", "members_growth_rate", 0.02)
                .add("130304", "county", "2024Q3", "members_growth_rate", 0.05);
        // Findings: two for A in 2024Q3, one for A in 2024Q2, one for the city in 2024Q3 (not a county).
        List<Row> findings = List.of(
                finding("MEMBERS_BALANCE", "130302", "2024Q3"),
                finding("WORKFORCE_BELOW_MEMBERS", "130302", "2024Q3"),
                finding("MEMBERS_BALANCE", "130302", "2024Q2"),
                finding("MEMBERS_BALANCE", "130300", "2024Q3"));
        rows = new CountyScorecard(KpiCatalogue.load()).compute(kv.totals(spark), QualityFixtures.orgs(spark).dimOrgs(),
                QualityFixtures.calendar(spark, "2023Q3", "2024Q3"), QualityFixtures.findings(spark, findings)).collectAsList();
        for (Row r : rows) {
            Row previous = byKey.put(r.getAs("county_code") + "|" + r.getAs("kpi_id") + "|" + r.getAs("period"), r);
            assertThat(previous).isNull();
        }
    }

    private static Row finding(String rule, String org, String period) {
        return RowFactory.create(rule, "error", org, org.endsWith("00") ? "city" : "county", "members_end", 1.0, 2.0, "…", "…",
                period);
    }

    @AfterAll
    void stop() {
        spark.stop();
    }

    private Row card(String county, String kpi, String period) {
        Row r = byKey.get(county + "|" + kpi + "|" + period);
        assertThat(r).as(county + " " + kpi + " " + period).isNotNull();
        return r;
    }

    private static Integer rank(Row r) {
        return r.getAs("rank_in_city");
    }

    @Test
    void everyCountyWithValuesGetsEveryHeadlineKpi() {
        List<Row> q3 = rows.stream().filter(r -> "2024Q3".equals(r.getAs("period"))).toList();
        // 6 county-level unions (5 in 秦皇岛, 1 in 唐山) × 8 headline KPIs; the city gets no card.
        assertThat(q3).hasSize(6 * 8);
        assertThat(q3.stream().map(r -> r.<String>getAs("kpi_id")).distinct())
                .containsExactlyInAnyOrderElementsOf(CountyScorecard.HEADLINE_KPIS);
        assertThat(rows).noneMatch(r -> "130300".equals(r.getAs("county_code")));
        Row a = card("130302", "members_end", "2024Q3");
        assertThat(a.<String>getAs("city_code")).isEqualTo("130300");
        assertThat(a.<String>getAs("city_name")).isEqualTo("秦皇岛市");
        assertThat(a.<String>getAs("county_name")).isEqualTo("海港区");
        assertThat(a.<String>getAs("kpi_name_zh")).isEqualTo("期末会员数");
    }

    @Test
    void ranksHigherIsBetterWithTies() {
        assertThat(rank(card("130302", "members_end", "2024Q3"))).isEqualTo(1);
        assertThat(rank(card("130303", "members_end", "2024Q3"))).isEqualTo(2);
        assertThat(rank(card("130304", "members_end", "2024Q3"))).isEqualTo(2);
        assertThat(rank(card("130306", "members_end", "2024Q3"))).isEqualTo(4);
        assertThat(rank(card("130321", "members_end", "2024Q3"))).isEqualTo(5);
        assertThat(card("130321", "members_end", "2024Q3").<Integer>getAs("counties_ranked")).isEqualTo(5);
        Row tangshan = card("130202", "members_end", "2024Q3");
        assertThat(tangshan.<String>getAs("city_code")).isEqualTo("130200");
        assertThat(rank(tangshan)).isEqualTo(1);
        assertThat(tangshan.<Integer>getAs("counties_ranked")).isEqualTo(1);
    }

    @Test
    void ranksLowerIsBetterForHardshipOnFile() {
        assertThat(rank(card("130303", "hardship_on_file_end", "2024Q3"))).isEqualTo(1);
        assertThat(rank(card("130306", "hardship_on_file_end", "2024Q3"))).isEqualTo(1);
        assertThat(rank(card("130304", "hardship_on_file_end", "2024Q3"))).isEqualTo(3);
        assertThat(rank(card("130302", "hardship_on_file_end", "2024Q3"))).isEqualTo(4);
        Row e = card("130321", "hardship_on_file_end", "2024Q3");
        assertThat(e.<Double>getAs("value")).as("a cause breakdown is not the total").isNull();
        assertThat(rank(e)).isNull();
        assertThat(e.<Integer>getAs("counties_ranked")).isEqualTo(4);
        assertThat(e.<Boolean>getAs("bottom_quarter")).isFalse();
    }

    @Test
    void bottomQuarterOnlyWithFourRanked() {
        assertThat(card("130306", "members_end", "2024Q3").<Boolean>getAs("bottom_quarter")).isTrue();
        assertThat(card("130321", "members_end", "2024Q3").<Boolean>getAs("bottom_quarter")).isTrue();
        assertThat(card("130304", "members_end", "2024Q3").<Boolean>getAs("bottom_quarter")).isFalse();
        assertThat(card("130302", "hardship_on_file_end", "2024Q3").<Boolean>getAs("bottom_quarter")).isTrue();
        assertThat(card("130304", "hardship_on_file_end", "2024Q3").<Boolean>getAs("bottom_quarter")).isFalse();
        // Growth rate: A 1, C 1, B 3 of only 3 ranked → no bottom quarter although 3 > 0.75 × 3.
        Row b = card("130303", "members_growth_rate", "2024Q3");
        assertThat(rank(b)).isEqualTo(3);
        assertThat(b.<Integer>getAs("counties_ranked")).isEqualTo(3);
        assertThat(b.<Boolean>getAs("bottom_quarter")).isFalse();
        assertThat(rank(card("130304", "members_growth_rate", "2024Q3"))).isEqualTo(1);
        // Nobody has a value: nothing ranked.
        Row none = card("130302", "competition_entrants", "2024Q3");
        assertThat(none.<Double>getAs("value")).isNull();
        assertThat(rank(none)).isNull();
        assertThat(none.<Integer>getAs("counties_ranked")).isZero();
        assertThat(none.<Boolean>getAs("bottom_quarter")).isFalse();
    }

    @Test
    void changesOnQuarterAndYear() {
        Row a = card("130302", "members_end", "2024Q3");
        assertThat(a.<Double>getAs("value")).isEqualTo(1000.0);
        assertThat(a.<Double>getAs("previous_value")).isEqualTo(950.0);
        assertThat(a.<Double>getAs("change_on_quarter")).isEqualTo(50.0);
        assertThat(a.<Double>getAs("year_ago_value")).isEqualTo(900.0);
        assertThat(a.<Double>getAs("change_on_year")).isEqualTo(100.0);
        Row b = card("130303", "members_end", "2024Q3");
        assertThat(b.<Double>getAs("previous_value")).isNull();
        assertThat(b.<Double>getAs("change_on_quarter")).isNull();
        assertThat(b.<Double>getAs("change_on_year")).isNull();
    }

    @Test
    void dataQualityFindingsCountedPerCountyAndQuarter() {
        assertThat(card("130302", "members_end", "2024Q3").<Long>getAs("dq_findings")).isEqualTo(2L);
        assertThat(card("130302", "competition_entrants", "2024Q3").<Long>getAs("dq_findings")).isEqualTo(2L);
        // A's 2024Q2 card (members_end 950 only) carries its one 2024Q2 finding.
        assertThat(card("130302", "members_end", "2024Q2").<Long>getAs("dq_findings")).isEqualTo(1L);
        assertThat(card("130303", "members_end", "2024Q3").<Long>getAs("dq_findings")).isZero();
    }
}
