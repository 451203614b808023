package org.unionstats.letters.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.testing.FixtureCity;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;

/** Reading the fixture city's KPI tables (figures and their working in {@link FixtureCity}). */
class FactsReaderTest {

    @TempDir
    static Path tmp;

    static Path warehouse;

    @BeforeAll
    static void fixture() throws Exception {
        warehouse = tmp.resolve("warehouse");
        FixtureCity.write(warehouse);
    }

    private static CityFacts read(TableCatalog catalog, String quarter) {
        return new FactsReader(new WarehouseTables(WarehouseLayout.of(warehouse), catalog)).read(FixtureCity.CITY, quarter);
    }

    private static CountyFacts county(CityFacts city, String code) {
        return city.counties().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void everyCountyLevelUnitOfTheCityHasFactsThoseThatSentNothingIncluded() {
        CityFacts city = read(TableCatalog.load(), FixtureCity.QUARTER);
        assertThat(city.name()).isEqualTo("秦皇岛市");
        assertThat(city.counties()).extracting(CountyFacts::code).containsExactly("130302", "130303", "130324", "130372");
        assertThat(county(city, "130372").functionalZone()).isTrue();
        CountyFacts silent = county(city, "130324");
        assertThat(silent.kpis()).isEmpty();
        assertThat(silent.reporting()).extracting(Reporting::received).containsExactly(0L, 0L, 0L);
    }

    @Test
    void theScorecardInItsOrderWithEachKpisDirection() {
        CountyFacts haigang = county(read(TableCatalog.load(), FixtureCity.QUARTER), "130302");
        assertThat(haigang.headline()).extracting(KpiFacts::kpiId).containsExactly("members_end", "members_growth_rate",
                "hardship_on_file_end", "competition_participation_per_100_members");
        KpiFacts members = haigang.headline().get(0);
        // 183,950 − 181,600 = 2,350; 183,950 − 176,200 = 7,750; first of three.
        assertThat(members.value()).isEqualTo(183950.0);
        assertThat(members.changeOnQuarter()).isEqualTo(2350.0);
        assertThat(members.changeOnYear()).isEqualTo(7750.0);
        assertThat(members.rank()).isEqualTo(1);
        assertThat(members.ranked()).isEqualTo(3);
        assertThat(members.better()).isEqualTo(Better.UP);
        assertThat(haigang.headline().get(2).better()).as("fewer families on file is better").isEqualTo(Better.DOWN);
    }

    @Test
    void targetsJoinTheirKpiTheCitysFirstAndAKpiOffTheScorecardComesWithIts() {
        CityFacts city = read(TableCatalog.load(), FixtureCity.QUARTER);
        CountyFacts haigang = county(city, "130302");
        assertThat(haigang.kpis()).hasSize(5);
        KpiFacts established = haigang.kpis().get(4);
        assertThat(established.kpiId()).isEqualTo("unions_established");
        assertThat(established.headline()).isFalse();
        assertThat(established.nameZh()).isEqualTo("新建工会组织数");
        assertThat(established.value()).as("the target's actual value").isEqualTo(78.0);
        assertThat(established.target().orElseThrow().behindPace()).isTrue();

        KpiFacts beidaiheMembers = county(city, "130372").headline().get(0);
        assertThat(beidaiheMembers.targets()).extracting(Target::issuerCode).containsExactly("130300", "130000");
        assertThat(beidaiheMembers.target().orElseThrow().targetValue()).isEqualTo(16200.0);

        assertThat(county(city, "130303").hasTargets()).isFalse();
    }

    @Test
    void findingsOfTheCountyAndItsBasicUnionsErrorsFirstAndNoOtherCitys() {
        CityFacts city = read(TableCatalog.load(), FixtureCity.QUARTER);
        assertThat(county(city, "130302").findings()).extracting(Finding::ruleId, Finding::orgCode)
                .containsExactly(tuple("MEMBERS_BALANCE", "130302"),
                        tuple("BALANCE_MISMATCH", "130302-0001"));
        assertThat(city.counties()).flatExtracting(CountyFacts::findings).extracting(Finding::orgCode).doesNotContain("130102");
    }

    @Test
    void reportingInTheContractsOrderWithoutTheSumRow() {
        List<Reporting> shanhaiguan = county(read(TableCatalog.load(), FixtureCity.QUARTER), "130303").reporting();
        assertThat(shanhaiguan).containsExactly(new Reporting("member_events", 1, 1, 1), new Reporting("hardship_cases", 1, 1, 0),
                new Reporting("indicator_reports", 1, 0, 0));
    }

    @Test
    void theQuarterAsked() {
        CountyFacts haigang = county(read(TableCatalog.load(), FixtureCity.PREVIOUS), "130302");
        assertThat(haigang.headline().get(0).value()).isEqualTo(181600.0);
        assertThat(haigang.kpis().get(0).target().orElseThrow().attainmentPct()).isEqualTo(98.2);
    }

    @Test
    void aTableTheCatalogueDoesNotDeclareIsNotRead() {
        CityFacts city = read(CatalogWithoutTargets.load(), FixtureCity.QUARTER);
        assertThat(city.counties()).noneMatch(CountyFacts::hasTargets);
        assertThat(county(city, "130302").kpis()).extracting(KpiFacts::kpiId).doesNotContain("unions_established").hasSize(4);
    }

    @Test
    void aWarehouseWithoutTheKpiTablesIsAFailureThatSaysWhatToRun() {
        assertThatThrownBy(() -> new FactsReader(new WarehouseTables(WarehouseLayout.of(tmp.resolve("empty")), TableCatalog.load()))
                .read(FixtureCity.CITY, FixtureCity.QUARTER))
                .isInstanceOf(UnionStatsException.class).hasMessageContaining("has no dim_orgs table").hasMessageContaining("kpi");
    }
}
