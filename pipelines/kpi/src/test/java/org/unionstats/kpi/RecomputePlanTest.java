package org.unionstats.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.unionstats.kpi.engine.ReportingCalendar;
import org.unionstats.kpi.measures.Restatements.Restated;
import org.unionstats.period.Period;

/** Which periods a run writes, and which families it recomputes in each. */
class RecomputePlanTest {

    /** 2023Q1..2024Q4: 24 months, 8 quarters, 4 half-years, 2 years = 38 periods. */
    private final ReportingCalendar calendar = new ReportingCalendar(Period.parse("2023Q1"), Period.parse("2024Q4"));

    private static final Map<String, String> HARDSHIP_ALONE = Map.of("hardship_cases", "hardship");

    private static final LocalDate Q4 = LocalDate.parse("2024-10-01");

    @Test
    void aNewQuarterAloneRewritesItsPeriodsAndThoseHoldingIt() {
        RecomputePlan plan = RecomputePlan.of(calendar, Q4, List.of(), HARDSHIP_ALONE);
        assertThat(plan.written()).extracting(Period::canonical)
                .containsExactlyInAnyOrder("2024-10", "2024-11", "2024-12", "2024Q4", "2024H2", "2024");
        assertThat(plan.everyFamily()).isEqualTo(plan.written());
        assertThat(plan.familyAlone()).isEmpty();
    }

    @Test
    void casesListedLateRestateHardshipAloneBeforeTheOtherFamiliesChange() {
        // As 2024Q4 of the small sample: competitions from 2024-03-10 (every family from then: 2024-03..12, 2024Q1..Q4,
        // 2024H1, H2 and 2024 = 10 + 4 + 2 + 1 = 17 periods), hardship cases before every month (the other 38 − 17 = 21).
        RecomputePlan plan = RecomputePlan.of(calendar, Q4, List.of(
                new Restated("competitions", Optional.of(LocalDate.parse("2024-03-10")), false),
                new Restated("hardship_cases", Optional.empty(), true),
                new Restated("member_events", Optional.of(Q4), false)), HARDSHIP_ALONE);
        assertThat(plan.written()).isEqualTo(calendar.periods());
        assertThat(plan.everyFamily()).hasSize(17).isEqualTo(calendar.affectedFrom(LocalDate.parse("2024-03-10")));
        assertThat(plan.familyAlone()).containsOnlyKeys("hardship");
        assertThat(plan.familyAlone().get("hardship")).hasSize(21).extracting(Period::canonical)
                .contains("2023-01", "2023", "2023H2", "2024-02").doesNotContain("2024-03", "2024Q1", "2024");
        assertThat(plan.familyAlonePeriods()).isEqualTo(plan.familyAlone().get("hardship"));
        // Measures: every family over the 17 (and the compared periods), hardship over all 38.
        List<Period> computed = plan.everyFamily();
        assertThat(plan.computedFor("membership", computed)).hasSize(17);
        assertThat(plan.computedFor("hardship", computed)).hasSize(38);
        // Tables: hardship's rewritten in all 38, membership's in the 17 only.
        assertThat(plan.recomputedIn("hardship")).isEqualTo(calendar.periods());
        assertThat(plan.recomputedIn("membership")).isEqualTo(plan.everyFamily());
    }

    @Test
    void lateCompetitionEntriesRestateCompetitionsAloneWhereTheOtherFamiliesDoNotChange() {
        // The same restatements, competitions recomputed alone too: every family from 2024-10-01 (2024-10..12, 2024Q4,
        // 2024H2, 2024 = 6 periods); competitions alone from 2024-03-10 in the other 17 − 6 = 11 (2024-03..09, 2024Q1..Q3,
        // 2024H1); hardship alone in the 38 − 6 = 32 before Q4, those 11 among them.
        Map<String, String> alone = Map.of("hardship_cases", "hardship", "competitions", "competitions", "competition_entries",
                "competitions");
        RecomputePlan plan = RecomputePlan.of(calendar, Q4, List.of(
                new Restated("competitions", Optional.of(LocalDate.parse("2024-03-10")), false),
                new Restated("hardship_cases", Optional.empty(), true),
                new Restated("member_events", Optional.of(Q4), false)), alone);
        assertThat(plan.written()).isEqualTo(calendar.periods());
        assertThat(plan.everyFamily()).extracting(Period::canonical)
                .containsExactlyInAnyOrder("2024-10", "2024-11", "2024-12", "2024Q4", "2024H2", "2024");
        assertThat(plan.familyAlone().get("competitions")).extracting(Period::canonical).containsExactlyInAnyOrder(
                "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024Q1", "2024Q2", "2024Q3", "2024H1");
        assertThat(plan.familyAlone().get("hardship")).hasSize(32);
        assertThat(plan.familyAlonePeriods()).hasSize(32);
        assertThat(plan.recomputedIn("competitions")).hasSize(17);
        assertThat(plan.recomputedIn("membership")).hasSize(6);
        assertThat(plan.computedFor("membership", plan.everyFamily())).hasSize(6);
        // A table reading membership and hardship (the findings) changes where either is: all 38 here; one reading
        // membership and indicators only where every family is recomputed.
        assertThat(plan.recomputedInAny(List.of("membership", "hardship"))).hasSize(38);
        assertThat(plan.recomputedInAny(List.of("membership", "indicators"))).isEqualTo(plan.everyFamily());
        assertThat(plan.recomputedInAny(List.of("competitions"))).hasSize(17);
    }

    @Test
    void aCaseFiledEarlierInTheSameSpanChangesNothingMore() {
        RecomputePlan plan = RecomputePlan.of(calendar, Q4, List.of(new Restated("hardship_cases", Optional.of(LocalDate.parse("2024-11-02")), false)),
                HARDSHIP_ALONE);
        assertThat(plan.written()).hasSize(6);
        assertThat(plan.familyAlone()).isEmpty();
    }

    @Test
    void aRestatementOfRecordsEveryFamilyReadsRewritesEveryFamily() {
        RecomputePlan plan = RecomputePlan.of(calendar, Q4, List.of(
                new Restated("hardship_cases", Optional.of(LocalDate.parse("2023-05-01")), false),
                new Restated("org_units", Optional.empty(), true)), HARDSHIP_ALONE);
        assertThat(plan.everyFamily()).isEqualTo(calendar.periods());
        assertThat(plan.familyAlone()).isEmpty();
        // Without a family that reads cases alone, cases restate every family.
        RecomputePlan shared = RecomputePlan.of(calendar, Q4,
                List.of(new Restated("hardship_cases", Optional.of(LocalDate.parse("2024-05-01")), false)), Map.of());
        assertThat(shared.everyFamily()).isEqualTo(calendar.affectedFrom(LocalDate.parse("2024-05-01")));
        assertThat(shared.familyAlone()).isEmpty();
    }
}
