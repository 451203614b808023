package org.unionstats.letters.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class QuartersTest {

    @Test
    void quartersAndTheNext() {
        assertThat(Quarters.label("2024Q3")).isEqualTo("2024年第三季度");
        assertThat(Quarters.next("2024Q4")).isEqualTo("2025年第一季度");
        assertThatThrownBy(() -> Quarters.label("2024H1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void targetPeriodsAndDates() {
        assertThat(Quarters.targetPeriod("2024")).isEqualTo("2024年");
        assertThat(Quarters.targetPeriod("2024H1")).isEqualTo("2024年上半年");
        assertThat(Quarters.targetPeriod("2024Q3")).isEqualTo("2024年第三季度");
        assertThat(Quarters.targetPeriod("2024-07")).isEqualTo("2024年7月");
        assertThat(Quarters.targetPeriod("十四五")).isEqualTo("十四五");
        assertThat(Quarters.date(LocalDate.of(2024, 10, 15))).isEqualTo("2024年10月15日");
    }
}
