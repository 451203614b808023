package org.unionstats.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.unionstats.values.ChineseNumberParser;
import org.unionstats.values.QualifiedNumber;
import org.unionstats.values.Qualifier;

/** What the formatter writes, the contract's parser must read back to the same number. */
class ChineseNumberFormatterTest {

    @Test
    void writesWanAndYi() {
        assertThat(ChineseNumberFormatter.wan(17_000)).isEqualTo("1.7万");
        assertThat(ChineseNumberFormatter.wan(12_000)).isEqualTo("1.2万");
        assertThat(ChineseNumberFormatter.wan(30_000_000)).isEqualTo("3000万");
        assertThat(ChineseNumberFormatter.wan(205_000_000)).isEqualTo("2.05亿");
        assertThat(ChineseNumberFormatter.fitsWan(12_345)).isFalse();
        assertThatThrownBy(() -> ChineseNumberFormatter.wan(12_345)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundTripsThroughTheContractParser() {
        Rng rng = Rng.of(3, "numbers");
        for (int i = 0; i < 3000; i++) {
            long v = Math.round(rng.logNormal(50_000, 2.0));
            long rounded = ChineseNumberFormatter.roundForReport(v);
            if (ChineseNumberFormatter.fitsWan(rounded)) {
                assertThat(parse(ChineseNumberFormatter.wan(rounded)))
                        .isEqualTo(new QualifiedNumber(BigDecimal.valueOf(rounded), Qualifier.EXACT));
            }
            assertThat(parse(ChineseNumberFormatter.thousands(v)).value()).isEqualByComparingTo(BigDecimal.valueOf(v));
            assertThat(parse(ChineseNumberFormatter.fullWidth(Long.toString(v))).value())
                    .isEqualByComparingTo(BigDecimal.valueOf(v));
            boolean over = rng.chance(0.5);
            QualifiedNumber q = parse(ChineseNumberFormatter.qualified(rounded, over, rng.chance(0.5), i));
            assertThat(q.value()).isEqualByComparingTo(BigDecimal.valueOf(rounded));
            assertThat(q.qualifier()).isEqualTo(over ? Qualifier.OVER : Qualifier.NEARLY);
        }
    }

    @Test
    void qualifiedFormsLookLikeTheSeeds() {
        assertThat(ChineseNumberFormatter.qualified(5000, true, false, 0)).isEqualTo("5000余");
        assertThat(ChineseNumberFormatter.qualified(30_000_000, false, true, 0)).isEqualTo("近3000万");
        assertThat(ChineseNumberFormatter.qualified(18_000, true, true, 1)).isEqualTo("1.8万余");
        assertThat(ChineseNumberFormatter.roundForReport(17_342)).isEqualTo(17_000);
        assertThat(ChineseNumberFormatter.roundForReport(2_968)).isEqualTo(3_000);
    }

    private static QualifiedNumber parse(String s) {
        return ChineseNumberParser.parse(s);
    }
}
