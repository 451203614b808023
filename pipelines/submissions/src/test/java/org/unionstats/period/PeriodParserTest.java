package org.unionstats.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unionstats.values.ValueFormatException;

class PeriodParserTest {

    @ParameterizedTest
    @CsvSource({
        "2024Q3, 2024Q3",
        "2024-Q3, 2024Q3",
        "2024q3, 2024Q3",
        "2024年第三季度, 2024Q3",
        "2024年三季度, 2024Q3",
        "2024年第3季度, 2024Q3",
        "2024年第一季度, 2024Q1",
        "２０２４Ｑ４, 2024Q4",
        "2024-07, 2024-07",
        "2024年7月, 2024-07",
        "2024/07, 2024-07",
        "202407, 2024-07",
        "2024年12月, 2024-12",
        "2024H1, 2024H1",
        "2024年上半年, 2024H1",
        "2024年下半年, 2024H2",
        "2024, 2024",
        "2024年, 2024",
        "2024年度, 2024",
        "' 2024Q3 ', 2024Q3",
    })
    void readsEveryContractSpelling(String text, String canonical) {
        assertThat(PeriodParser.parse(text).canonical()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @CsvSource({"2024Q5", "2024-13", "202413", "2024年第五季度", "24Q3", "Q3", "2024H3", "abc", "20247"})
    void refusesWhatIsNotAPeriod(String text) {
        assertThatThrownBy(() -> PeriodParser.parse(text))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining(text);
    }

    @Test
    void boundsAreInclusive() {
        Period q3 = Period.parse("2024Q3");
        assertThat(q3.start()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(q3.end()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(q3.contains(LocalDate.of(2024, 9, 30))).isTrue();
        assertThat(q3.contains(LocalDate.of(2024, 10, 1))).isFalse();
        assertThat(Period.parse("2024-02").end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse("2024H2").start()).isEqualTo(LocalDate.of(2024, 7, 1));
    }

    @Test
    void stepsAcrossYears() {
        assertThat(Period.parse("2024Q4").next().canonical()).isEqualTo("2025Q1");
        assertThat(Period.parse("2024Q1").previous().canonical()).isEqualTo("2023Q4");
        assertThat(Period.parse("2024-01").previous().canonical()).isEqualTo("2023-12");
        assertThat(Period.parse("2024Q3").yearAgo().canonical()).isEqualTo("2023Q3");
        assertThat(Period.parseRange("2023Q3..2024Q2")).extracting(Period::canonical)
                .containsExactly("2023Q3", "2023Q4", "2024Q1", "2024Q2");
    }

    @Test
    void relatesPeriodsAndDates() {
        assertThat(Period.containing(PeriodType.QUARTER, LocalDate.of(2024, 8, 15)).canonical()).isEqualTo("2024Q3");
        assertThat(Period.parse("2024Q3").encloses(Period.parse("2024-08"))).isTrue();
        assertThat(Period.parse("2024Q3").encloses(Period.parse("2024-10"))).isFalse();
        assertThat(Period.parse("2024Q3").overlaps(LocalDate.of(2024, 6, 1), LocalDate.of(2024, 7, 1))).isTrue();
        assertThat(Period.parse("2024-07").compareTo(Period.parse("2024Q3"))).isLessThan(0);
    }

    @Test
    void rangeNeedsOneKindAndForwardOrder() {
        assertThatThrownBy(() -> Period.parseRange("2024Q1..2024-06")).hasMessageContaining("same kind");
        assertThatThrownBy(() -> Period.parseRange("2024Q4..2024Q1")).hasMessageContaining("forwards");
    }
}
