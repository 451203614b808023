package org.unionstats.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class QualifiedNumberTest {

    @Test
    void keepsValueAndQualifier() {
        QualifiedNumber n = new QualifiedNumber(new BigDecimal("5000"), Qualifier.OVER);

        assertThat(n.value()).isEqualTo(new BigDecimal("5000"));
        assertThat(n.qualifier()).isEqualTo(Qualifier.OVER);
    }

    @Test
    void valueIsCanonicalSoEqualFiguresAreEqualRecords() {
        QualifiedNumber fromExcel = new QualifiedNumber(new BigDecimal("17000.00"), Qualifier.EXACT);
        QualifiedNumber stripped = new QualifiedNumber(new BigDecimal("1.7E+4"), Qualifier.EXACT);

        assertThat(fromExcel).isEqualTo(stripped);
        assertThat(fromExcel.value().toString()).isEqualTo("17000");
        assertThat(stripped.value().toPlainString()).isEqualTo("17000");
        assertThat(new QualifiedNumber(new BigDecimal("12.50"), Qualifier.EXACT).value().toString())
                .isEqualTo("12.5");
    }

    @Test
    void exactFactory() {
        assertThat(QualifiedNumber.exact(BigDecimal.TEN))
                .isEqualTo(new QualifiedNumber(BigDecimal.TEN, Qualifier.EXACT));
    }

    @Test
    void longValueExactOfWholeNumbers() {
        assertThat(new QualifiedNumber(new BigDecimal("17000.0"), Qualifier.EXACT).longValueExact())
                .isEqualTo(17000L);
        assertThat(new QualifiedNumber(new BigDecimal("-5"), Qualifier.EXACT).longValueExact()).isEqualTo(-5L);
    }

    @Test
    void longValueExactRefusesFractionsNamingTheValue() {
        QualifiedNumber n = new QualifiedNumber(new BigDecimal("2.5"), Qualifier.NEARLY);

        assertThatThrownBy(n::longValueExact)
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("'2.5'")
                .hasMessageContaining("whole number")
                .satisfies(e -> assertThat(((ValueFormatException) e).messageZh()).contains("「2.5」", "整数"));
    }

    @Test
    void longValueExactRefusesValuesBeyondLong() {
        QualifiedNumber n = new QualifiedNumber(new BigDecimal("99999999999999999999"), Qualifier.EXACT);

        assertThatThrownBy(n::longValueExact)
                .isInstanceOf(ValueFormatException.class)
                .hasMessageContaining("99999999999999999999")
                .hasMessageContaining("too large");
    }

    @Test
    void requiresBothParts() {
        assertThatThrownBy(() -> new QualifiedNumber(null, Qualifier.EXACT)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QualifiedNumber(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }
}
