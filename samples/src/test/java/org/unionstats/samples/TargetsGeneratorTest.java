package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.Region;
import org.unionstats.samples.TinyInboxes.Row;

/**
 * The target letters of the tiny inbox (秦皇岛 130300, 2023Q1..2024Q4): 河北 130000 sets the city's targets, the city its
 * nine county-level units', every year and, 秦皇岛 writing quarterly guidance letters, every quarter; and the targets are
 * of the size of what the counties report.
 */
class TargetsGeneratorTest {

    private final TinyInboxes.Inbox inbox = TinyInboxes.standard();
    private final List<Row> targets = TinyInboxes.accepted(inbox, RecordType.TARGETS);

    @Test
    void theProvinceSetsTheCitysTargetsAndTheCityEveryCountys() {
        List<String> counties = TinyInboxes.REGIONS.countiesUnder("130300").stream().map(Region::code).toList();
        assertThat(counties).hasSize(9);
        Map<String, Set<String>> unionsByIssuer = targets.stream().collect(Collectors.groupingBy(r -> r.text("issuer_code"),
                TreeMap::new, Collectors.mapping(r -> r.text("org_code"), Collectors.toSet())));
        assertThat(unionsByIssuer).containsOnlyKeys("130000", "130300");
        assertThat(unionsByIssuer.get("130000")).containsExactly("130300");
        // The silent county has targets too: the city set them before it fell silent.
        assertThat(unionsByIssuer.get("130300")).containsExactlyInAnyOrderElementsOf(counties);
        assertThat(inbox.summary().silentUnits()).hasSize(1).allMatch(counties::contains);

        for (String year : List.of("2023", "2024")) {
            assertThat(kpis("130300", year)).containsExactlyInAnyOrder("members_joined", "hardship_lifted_out", "competition_entrants",
                    "members_end");
            for (String county : counties) {
                assertThat(kpis(county, year)).as(county + " " + year).contains("members_joined", "competition_entrants");
            }
        }
        // 秦皇岛's quarterly letters: every county's joins for every quarter, each in its quarter's folder.
        for (Period quarter : Period.parseRange("2023Q1..2024Q4")) {
            List<Row> quarterly = targets.stream().filter(r -> r.text("target_period").equals(quarter.canonical())).toList();
            assertThat(quarterly).as(quarter.canonical()).hasSize(9)
                    .allMatch(r -> r.text("kpi_id").equals("members_joined") && r.period().equals(quarter));
        }
        // Annual letters go in the folder of the year's first quarter.
        assertThat(targets).filteredOn(r -> r.text("target_period").length() == 4)
                .allMatch(r -> r.period().canonical().equals(r.text("target_period") + "Q1"));
    }

    @Test
    void targetsAreTheSizeOfWhatTheCountiesAchieve() {
        Map<String, Long> joins = new HashMap<>();
        for (Row e : TinyInboxes.accepted(inbox, RecordType.MEMBER_EVENTS)) {
            if (e.text("event_type").equals("join")) {
                LocalDate date = (LocalDate) e.get("event_date");
                String county = e.text("org_code").substring(0, 6);
                joins.merge(county + "|" + date.getYear(), 1L, Long::sum);
                joins.merge(county + "|" + date.getYear() + "Q" + ((date.getMonthValue() + 2) / 3), 1L, Long::sum);
                joins.merge("130300|" + date.getYear(), 1L, Long::sum);
            }
        }
        Set<String> incomplete = new java.util.HashSet<>(inbox.summary().silentUnits());
        incomplete.addAll(inbox.summary().unitsMissingAPeriod().keySet());
        List<Double> annual = new ArrayList<>();
        List<Double> quarterly = new ArrayList<>();
        List<Double> city = new ArrayList<>();
        for (Row t : targets) {
            if (!t.text("kpi_id").equals("members_joined") || incomplete.contains(t.text("org_code"))) {
                continue;
            }
            String period = t.text("target_period");
            double target = ((BigDecimal) t.get("target_value")).doubleValue();
            double attainment = 100.0 * joins.getOrDefault(t.text("org_code") + "|" + period, 0L) / target;
            (t.text("org_code").equals("130300") ? city : period.length() == 4 ? annual : quarterly).add(attainment);
        }
        // 7 counties that report every quarter, over 2 years and over 8 quarters.
        assertThat(annual).hasSize(14).allSatisfy(a -> assertThat(a).isBetween(70.0, 130.0));
        assertThat(quarterly).hasSize(56).allSatisfy(a -> assertThat(a).isBetween(60.0, 140.0));
        assertThat(median(annual)).isBetween(85.0, 115.0);
        assertThat(median(quarterly)).isBetween(85.0, 115.0);
        // Not all met, not all missed.
        assertThat(annual).anyMatch(a -> a < 100).anyMatch(a -> a > 100);
        // The city's target counts on its silent county and on the quarter another one misses: it falls short more.
        assertThat(city).hasSize(2).allSatisfy(a -> assertThat(a).isBetween(55.0, 125.0));
    }

    @Test
    void entrantsTargetsCountACompetitionInEveryYearItsDatesOverlap() {
        // As the KPI counts them: an entry counts in each year its competition runs in, whatever period reports it.
        Map<String, LocalDate[]> dates = new HashMap<>();
        for (Row c : TinyInboxes.accepted(inbox, RecordType.COMPETITIONS)) {
            dates.put(c.text("competition_id"), new LocalDate[] {(LocalDate) c.get("start_date"), (LocalDate) c.get("end_date")});
        }
        Map<String, Long> entrants = new HashMap<>();
        for (Row e : TinyInboxes.accepted(inbox, RecordType.COMPETITION_ENTRIES)) {
            LocalDate[] d = dates.get(e.text("competition_id"));
            for (int year = d[0].getYear(); year <= d[1].getYear(); year++) {
                entrants.merge(e.text("org_code").substring(0, 6) + "|" + year, e.number("entrants"), Long::sum);
            }
        }
        Set<String> incomplete = new java.util.HashSet<>(inbox.summary().silentUnits());
        incomplete.addAll(inbox.summary().unitsMissingAPeriod().keySet());
        List<Double> attainments = targets.stream()
                .filter(t -> t.text("kpi_id").equals("competition_entrants") && !t.text("org_code").equals("130300")
                        && !incomplete.contains(t.text("org_code")))
                .map(t -> 100.0 * entrants.getOrDefault(t.text("org_code") + "|" + t.text("target_period"), 0L)
                        / ((BigDecimal) t.get("target_value")).doubleValue())
                .toList();
        assertThat(attainments).hasSize(14).allSatisfy(a -> assertThat(a).isBetween(70.0, 130.0));
    }

    @Test
    void theCitysMembersTargetIsNearItsMembers() {
        // The city's year-end target: its reporting unions' members at the start, some growth, and the silent county.
        List<Row> members = targets.stream().filter(r -> r.text("kpi_id").equals("members_end")).toList();
        assertThat(members).hasSize(2);
        long opening = inbox.summary().membersAtStart();
        for (Row r : members) {
            double target = ((BigDecimal) r.get("target_value")).doubleValue();
            assertThat(target / opening).as(r.text("target_period")).isBetween(0.95, 1.4);
        }
    }

    @Test
    void roundedAsLettersWriteFigures() {
        assertThat(TargetsGenerator.rounded(0.3)).isZero();
        assertThat(TargetsGenerator.rounded(7.4)).isEqualTo(7);
        assertThat(TargetsGenerator.rounded(123.4)).isEqualTo(125);
        assertThat(TargetsGenerator.rounded(1234)).isEqualTo(1230);
        assertThat(TargetsGenerator.rounded(12_345)).isEqualTo(12_300);
        assertThat(TargetsGenerator.rounded(1_234_567)).isEqualTo(1_230_000);
    }

    private Set<String> kpis(String org, String targetPeriod) {
        return targets.stream().filter(r -> r.text("org_code").equals(org) && r.text("target_period").equals(targetPeriod))
                .map(r -> r.text("kpi_id")).collect(Collectors.toSet());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
