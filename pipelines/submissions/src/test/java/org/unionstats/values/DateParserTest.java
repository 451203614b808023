package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

    private static final LocalDate JULY_5_2023 = LocalDate.of(2023, 7, 5);

    @ParameterizedTest
    @ValueSource(strings = {
        "2023-07-05", "2023-7-5", "2023/7/5", "2023/07/05", "2023.7.5", "2023.07.05",
        "2023年7月5日", "2023年07月05日", "2023年7月5号", "2023 年 7 月 5 日", "20230705",
        "２０２３－０７－０５", "２０２３年７月５日", "２０２３０７０５",
        "2023-07-05T00:00:00", "2023-07-05 00:00:00", "2023-07-05T23:59:59.123", "2023/7/5 0:00",
        "2023-07-05T08:30:00+08:00", "2023-07-05T00:00:00Z",
        "45112", "45112.0", "45112.75", "４５１１２",
        "  2023-07-05  ", "\u30002023-07-05\u3000"
    })
    void readsEveryContractForm(String text) {
        assertThat(DateParser.parse(text)).isEqualTo(JULY_5_2023);
    }

    @Test
    void excelSerialsFollowThe1900DateSystem() {
        // 44927 is 2023-01-01 in Excel; the bounds are where serials stop being taken as dates.
        assertThat(DateParser.parse("44927")).isEqualTo(LocalDate.of(2023, 1, 1));
        assertThat(DateParser.parse("45351")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(DateParser.parse("20000")).isEqualTo(LocalDate.of(1954, 10, 3));
        assertThat(DateParser.parse("80000")).isEqualTo(LocalDate.of(2119, 1, 11));
    }

    @Test
    void leapDaysExistOnlyInLeapYears() {
        assertThat(DateParser.parse("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThatThrownBy(() -> DateParser.parse("2023-02-29")).isInstanceOf(ValueFormatException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "2023-13-01", "2023-00-10", "2023年4月31日", "20230230", "2023/6/31"})
    void refusesImpossibleDatesNamingTheValueAndTheForms(String text) {
        assertThatThrownBy(() -> DateParser.parse(text))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageStartingWith("there is no such date as '" + text + "'")
                .hasMessageContaining("2023-07-05, 2023/7/5, 2023.7.5, 2023年7月5日 or 20230705")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh())
                        .startsWith("日期「" + text + "」不存在")
                        .contains("2023-07-05、2023/7/5、2023.7.5、2023年7月5日、20230705"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "abc", "2023", "2023-07", "19999", "80001", "123456", "2023-7/5", "23-07-05", "5/7/2023",
        "2023-07-05T", "2023-07-05 noon", "2023年7月", "45112abc", "-45112"
    })
    void refusesUnreadableTextNamingTheValueAndTheForms(String text) {
        assertThatThrownBy(() -> DateParser.parse(text))
                .isInstanceOf(ValueFormatException.class)
                .hasMessage("cannot read the date '" + text + "'; write it like 2023-07-05, 2023/7/5, 2023.7.5, "
                        + "2023年7月5日 or 20230705, or use an Excel date cell")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh())
                        .isEqualTo("无法识别的日期「" + text + "」，应为如 2023-07-05、2023/7/5、2023.7.5、"
                                + "2023年7月5日、20230705 的写法，或 Excel 日期格式"));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "\u3000"})
    void refusesEmptyText(String text) {
        assertThatThrownBy(() -> DateParser.parse(text))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("empty")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh()).contains("为空"));
    }
}
