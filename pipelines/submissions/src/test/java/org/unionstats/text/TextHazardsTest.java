package org.unionstats.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextHazardsTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0007", "\u001B", "\u007F", "\u0085", "\u009F", "\u061C", "\u200B", "\u200C", "\u200D",
            "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2060", "\u2066", "\u2067", "\u2068", "\u2069",
            "\uFEFF"})
    void controlsDirectionMarksAndZeroWidthCharactersAreFound(String c) {
        String text = "M0" + c + "01";
        assertThat(TextHazards.firstControl(text)).isEqualTo(2);
        assertThat(TextHazards.firstControlName(text)).isEqualTo(String.format("U+%04X", (int) c.charAt(0)));
        assertThat(TextHazards.escape(text)).isEqualTo("M0<" + String.format("U+%04X", (int) c.charAt(0)) + ">01");
        assertThat(TextHazards.strip(text)).isEqualTo("M001");
    }

    @Test
    void tabsLineBreaksAndOrdinaryTextAreFine() {
        for (String ok : new String[] {"入会", "a\tb", "第一行\n第二行", "a\r\nb", "（元）", "😀", "  ", ""}) {
            assertThat(TextHazards.firstControl(ok)).as(ok).isEqualTo(-1);
            assertThat(TextHazards.isDamaged(ok)).as(ok).isFalse();
            assertThat(TextHazards.escape(ok)).isEqualTo(ok);
        }
        assertThat(TextHazards.firstControl(null)).isEqualTo(-1);
        assertThat(TextHazards.escape(null)).isNull();
    }

    @Test
    void replacementCharactersAndLoneSurrogatesAreDamage() {
        assertThat(TextHazards.isDamaged("入\uFFFD会")).isTrue();
        assertThat(TextHazards.isDamaged("a\uD800b")).isTrue();
        assertThat(TextHazards.isDamaged("a\uDC00")).isTrue();
        assertThat(TextHazards.isDamaged("\uD83D\uDE00")).isFalse();
        assertThat(TextHazards.escape("a\uD800b\uFFFD")).isEqualTo("a<U+D800>b<U+FFFD>");
        assertThat(TextHazards.firstControlNameOrDamage("a\uFFFD")).isEqualTo("U+FFFD");
        assertThat(TextHazards.strip("a\uD800b\uFFFD\u202E")).isEqualTo("ab");
    }
}
