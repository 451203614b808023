package org.unionstats.letters.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void valuesByUnit() {
        assertThat(Figures.value(183950, "persons")).isEqualTo("183,950人");
        assertThat(Figures.value(1236, "households")).isEqualTo("1,236户");
        assertThat(Figures.value(2350.0 / 181600, "ratio")).isEqualTo("1.3%");
        assertThat(Figures.value(-180.0 / 41500, "ratio")).isEqualTo("−0.4%");
        assertThat(Figures.value(12.4, "per_100_members")).isEqualTo("12.4人");
        assertThat(Figures.value(1234567.5, "CNY")).isEqualTo("1,234,567.50元");
        assertThat(Figures.value(78, "union_orgs")).isEqualTo("78个");
        assertThat(Figures.value(42, "a_unit_not_listed")).isEqualTo("42");
    }

    @Test
    void changesWithTheirSignRatesInPercentagePoints() {
        assertThat(Figures.change(2350, "persons")).isEqualTo("+2,350人");
        assertThat(Figures.change(-74, "households")).isEqualTo("−74户");
        // 0.012941 − 0.004981 = 0.007960: +0.8 points.
        assertThat(Figures.change(2350.0 / 181600 - 900.0 / 180700, "ratio")).isEqualTo("+0.8个百分点");
        assertThat(Figures.change(12.4 - 10.1, "per_100_members")).isEqualTo("+2.3人");
    }

    @Test
    void aChangeTooSmallToShowIsNone() {
        assertThat(Figures.change(0, "households")).isEqualTo("持平");
        assertThat(Figures.change(0.0004, "ratio")).isEqualTo("持平");
        assertThat(Figures.unchanged(0.0004, "ratio")).isTrue();
        assertThat(Figures.unchanged(0.0005, "ratio")).as("0.05 points shows as 0.1").isFalse();
        assertThat(Figures.unchanged(0.04, "per_100_members")).isTrue();
        assertThat(Figures.unchanged(1, "persons")).isFalse();
    }

    @Test
    void sharesInPercent() {
        assertThat(Figures.percent(99.43243)).isEqualTo("99.4%");
        assertThat(Figures.percent(100.0 * 2 / 3)).isEqualTo("66.7%");
    }
}
