package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualifierTest {

    @Test
    void codes() {
        assertThat(Qualifier.EXACT.code()).isEqualTo("exact");
        assertThat(Qualifier.OVER.code()).isEqualTo("over");
        assertThat(Qualifier.NEARLY.code()).isEqualTo("nearly");
    }

    @Test
    void fromCodeReadsEveryCode() {
        assertThat(Qualifier.fromCode("exact")).isEqualTo(Qualifier.EXACT);
        assertThat(Qualifier.fromCode("over")).isEqualTo(Qualifier.OVER);
        assertThat(Qualifier.fromCode(" NEARLY ")).isEqualTo(Qualifier.NEARLY);
    }

    @Test
    void fromCodeRefusesUnknownCodesNamingThem() {
        assertThatThrownBy(() -> Qualifier.fromCode("roughly"))
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("roughly")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh()).contains("roughly"));
    }

    @Test
    void weakestPrefersTheLessPreciseClaim() {
        assertThat(Qualifier.EXACT.weakest(Qualifier.EXACT)).isEqualTo(Qualifier.EXACT);
        assertThat(Qualifier.EXACT.weakest(Qualifier.OVER)).isEqualTo(Qualifier.OVER);
        assertThat(Qualifier.OVER.weakest(Qualifier.EXACT)).isEqualTo(Qualifier.OVER);
        assertThat(Qualifier.OVER.weakest(Qualifier.NEARLY)).isEqualTo(Qualifier.NEARLY);
        assertThat(Qualifier.NEARLY.weakest(Qualifier.OVER)).isEqualTo(Qualifier.NEARLY);
        assertThat(Qualifier.NEARLY.weakest(Qualifier.EXACT)).isEqualTo(Qualifier.NEARLY);
    }

    @ParameterizedTest
    @CsvSource({
        "余, OVER", "多, OVER", "超过, OVER", "以上, OVER", "over, OVER", "OVER, OVER", "' 余 ', OVER",
        "近, NEARLY", "约, NEARLY", "左右, NEARLY", "nearly, NEARLY", "About, NEARLY",
        "精确, EXACT", "exact, EXACT", "Exact, EXACT", "'', EXACT", "'   ', EXACT", "'　', EXACT"
    })
    void fromLabelReadsChineseAndEnglishLabels(String label, Qualifier expected) {
        assertThat(Qualifier.fromLabel(label)).contains(expected);
    }

    @Test
    void fromLabelTreatsAMissingLabelAsExact() {
        assertThat(Qualifier.fromLabel(null)).contains(Qualifier.EXACT);
    }

    @Test
    void fromLabelAcceptsFullWidthLetters() {
        assertThat(Qualifier.fromLabel("ｏｖｅｒ")).contains(Qualifier.OVER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"大概", "under", "x"})
    void fromLabelIsEmptyForUnknownLabels(String label) {
        assertThat(Qualifier.fromLabel(label)).isEmpty();
    }
}
