package org.unionstats.kpi.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.period.Period;

/** Which periods a family is recomputed in, where other families alone are restated in some. */
class RecomputedFamiliesTest {

    private static final List<Period> DERIVED = periods("2024-02", "2024Q1", "2024-10", "2024Q4", "2024");

    @Test
    void aFamilyIsRecomputedWhereEveryFamilyIsAndWhereItAloneIs() {
        // Competitions alone in 2024-02 and 2024Q1; every family in the new quarter's 2024-10, 2024Q4 and 2024.
        RecomputedFamilies families = new RecomputedFamilies(KpiCatalogue.load(),
                Map.of("competitions", periods("2024-02", "2024Q1")));

        assertThat(families.recomputedIn(List.of("membership"), DERIVED)).isEqualTo(periods("2024-10", "2024Q4", "2024"));
        assertThat(families.recomputedIn(List.of("competitions"), DERIVED)).isEqualTo(DERIVED);
        assertThat(families.recomputedIn(List.of("membership", "competitions"), DERIVED)).isEqualTo(DERIVED);
    }

    @Test
    void withNoFamilyAloneEveryFamilyIsRecomputedInEveryPeriod() {
        RecomputedFamilies families = new RecomputedFamilies(KpiCatalogue.load(), Map.of());

        assertThat(families.recomputedIn(List.of("hardship"), DERIVED)).isEqualTo(DERIVED);
    }

    private static List<Period> periods(String... canonical) {
        return List.of(canonical).stream().map(Period::parse).toList();
    }
}
