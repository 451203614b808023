package org.unionstats.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.unionstats.period.Period;

class PeriodSelectionTest {

    @Test
    void onePeriodARangeOrEverything() {
        assertThat(PeriodSelection.of("2024Q3", null, null).label()).isEqualTo("2024Q3");
        assertThat(PeriodSelection.of("2024年第三季度", null, null).from()).isEqualTo(Period.quarter(2024, 3));
        PeriodSelection range = PeriodSelection.of(null, "2023Q4", "2024Q2");
        assertThat(range.label()).isEqualTo("2023Q4..2024Q2");
        assertThat(range.steps()).extracting(Period::canonical).containsExactly("2023Q4", "2024Q1", "2024Q2");
        assertThat(PeriodSelection.of(null, null, null).isAll()).isTrue();
        assertThat(PeriodSelection.ALL.label()).isNull();
        assertThat(PeriodSelection.ALL.describe()).isEqualTo("every period");
    }

    @Test
    void badSelectionsAreRefusedInWords() {
        assertThatThrownBy(() -> PeriodSelection.of("2024Q3", "2024Q1", "2024Q2")).hasMessageContaining("either --period or --from/--to");
        assertThatThrownBy(() -> PeriodSelection.of(null, "2024Q1", null)).hasMessageContaining("both --from and --to");
        assertThatThrownBy(() -> PeriodSelection.of(null, "2024Q3", "2024Q1")).hasMessageContaining("comes after");
        assertThatThrownBy(() -> PeriodSelection.of(null, "2024Q3", "2024-12")).hasMessageContaining("same kind");
        assertThatThrownBy(() -> PeriodSelection.of("2024Q5", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--period");
        assertThatThrownBy(() -> PeriodSelection.ALL.steps()).hasMessageContaining("--from and --to");
    }
}
