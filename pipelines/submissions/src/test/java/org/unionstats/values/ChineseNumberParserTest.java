package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChineseNumberParserTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // plain integers and decimals
        "0              | 0         | EXACT",
        "17000          | 17000     | EXACT",
        "3.14           | 3.14      | EXACT",
        "12.50          | 12.5      | EXACT",
        ".5             | 0.5       | EXACT",
        "-5             | -5        | EXACT",
        "+7             | 7         | EXACT",
        // thousands separators, ASCII and full-width
        "1,234          | 1234      | EXACT",
        "1，234         | 1234      | EXACT",
        "1,234,567.89   | 1234567.89 | EXACT",
        // full-width digits and punctuation
        "１２３         | 123       | EXACT",
        "１．５万       | 15000     | EXACT",
        "－５           | -5        | EXACT",
        // Chinese multipliers
        "1.7万          | 17000     | EXACT",
        "2.05亿         | 205000000 | EXACT",
        "3千            | 3000      | EXACT",
        "1百万          | 1000000   | EXACT",
        "2千万          | 20000000  | EXACT",
        "5百            | 500       | EXACT",
        "1.5萬          | 15000     | EXACT",
        // qualifiers
        "5000余         | 5000      | OVER",
        "5000多         | 5000      | OVER",
        "超过100        | 100       | OVER",
        "100以上        | 100       | OVER",
        "1.7万余        | 17000     | OVER",
        "3000余万       | 30000000  | OVER",
        "近3000万       | 30000000  | NEARLY",
        "约3000         | 3000      | NEARLY",
        "3000左右       | 3000      | NEARLY",
        "约3000左右     | 3000      | NEARLY",
        // what Excel makes of numbers
        "17000.0        | 17000     | EXACT",
        "1.7E4          | 17000     | EXACT",
        "1.7e+4         | 17000     | EXACT",
        "2.5E-1         | 0.25      | EXACT",
    })
    void readsEveryContractForm(String text, String expected, Qualifier qualifier) {
        QualifiedNumber n = ChineseNumberParser.parse(text);

        assertThat(n.value()).isEqualByComparingTo(expected);
        assertThat(n.value().toPlainString()).isEqualTo(expected);
        assertThat(n.qualifier()).isEqualTo(qualifier);
    }

    @Test
    void toleratesSurroundingAndInnerSpaces() {
        assertThat(ChineseNumberParser.parse("  1234 ")).isEqualTo(exact("1234"));
        assertThat(ChineseNumberParser.parse("\u30001234\u3000")).isEqualTo(exact("1234"));
        assertThat(ChineseNumberParser.parse("\u00a01234\t")).isEqualTo(exact("1234"));
        assertThat(ChineseNumberParser.parse("近 3000 万")).isEqualTo(
                new QualifiedNumber(new BigDecimal("30000000"), Qualifier.NEARLY));
    }

    @Test
    void resultsAreNeverInScientificNotation() {
        QualifiedNumber n = ChineseNumberParser.parse("2.05亿");

        assertThat(n.value().toString()).isEqualTo("205000000");
        assertThat(n.value()).isEqualTo(new BigDecimal("205000000"));
    }

    @Test
    void wholeNumbersConvertToLong() {
        assertThat(ChineseNumberParser.parse("1.7万余").longValueExact()).isEqualTo(17000L);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\u3000"})
    void refusesEmptyText(String text) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("empty")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh()).contains("为空"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "abc", "1.7w", "12-3", "万", "余", "1..5", "1.2.3", "12,34", "1,2345", "5000余人", "5000元",
        "1万千", "5余万多", "--5", "1 234", "5000 余 余", "e4", "1e"
    })
    void refusesGarbageNamingTheValue(String text) {
        assertThatThrownBy(() -> ChineseNumberParser.parse(text))
                .isInstanceOf(ValueFormatException.class)
                .hasMessage("cannot read the number '" + text + "'; write it like 17000, 1.7万 or 5000余")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh())
                        .isEqualTo("无法识别的数字「" + text + "」，应为如 17000、1.7万、5000余 的写法"));
    }

    @Test
    void messageShowsTheValueWithoutSurroundingSpaces() {
        assertThatThrownBy(() -> ChineseNumberParser.parse(" 1.7w "))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("'1.7w'");
    }

    @Test
    void refusesContradictoryQualifiers() {
        assertThatThrownBy(() -> ChineseNumberParser.parse("近5000余"))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("'近5000余'")
                .hasMessageContaining("both 'over' and 'nearly'")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh()).contains("「近5000余」"));
    }

    @Test
    void refusesAbsurdlyLargeFigures() {
        assertThatThrownBy(() -> ChineseNumberParser.parse("1E999"))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("'1E999'")
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> ChineseNumberParser.parse("12345678901万亿"))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("too large");
    }

    private static QualifiedNumber exact(String value) {
        return new QualifiedNumber(new BigDecimal(value), Qualifier.EXACT);
    }
}
