package org.unionstats.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextNormalizerTest {

    @Test
    void nullStaysNull() {
        assertThat(TextNormalizer.normalize(null)).isNull();
        assertThat(TextNormalizer.headerKey(null)).isNull();
    }

    @Test
    void fullWidthBecomesHalfWidth() {
        assertThat(TextNormalizer.normalize("帮扶金额（元）")).isEqualTo("帮扶金额(元)");
        assertThat(TextNormalizer.normalize("１２３，４５６")).isEqualTo("123,456");
        assertThat(TextNormalizer.normalize("ＡＢＣ－ｘｙｚ")).isEqualTo("ABC-xyz");
    }

    @Test
    void trimsEveryKindOfSpace() {
        assertThat(TextNormalizer.normalize("  会员编号  ")).isEqualTo("会员编号");
        assertThat(TextNormalizer.normalize("\u3000会员编号\u3000")).isEqualTo("会员编号");
        assertThat(TextNormalizer.normalize("\u00a0会员编号\u202f")).isEqualTo("会员编号");
        assertThat(TextNormalizer.normalize("\t会员编号\r\n")).isEqualTo("会员编号");
        assertThat(TextNormalizer.normalize(" \u3000 ")).isEmpty();
    }

    @Test
    void collapsesInnerWhitespace() {
        assertThat(TextNormalizer.normalize("Event   Type")).isEqualTo("Event Type");
        assertThat(TextNormalizer.normalize("秦皇岛市\u3000\u3000总工会")).isEqualTo("秦皇岛市 总工会");
        assertThat(TextNormalizer.normalize("a \t\u00a0 b")).isEqualTo("a b");
    }

    @Test
    void dropsInvisibleCharacters() {
        assertThat(TextNormalizer.normalize("\uFEFF会员编号")).isEqualTo("会员编号");
        assertThat(TextNormalizer.normalize("会\u200B员编号")).isEqualTo("会员编号");
    }

    @Test
    void leavesCleanTextAlone() {
        assertThat(TextNormalizer.normalize("130306-0042")).isEqualTo("130306-0042");
        assertThat(TextNormalizer.normalize("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"帮扶金额（元）", "帮扶金额(元)", " 帮扶金额 (元) ", "帮扶金额（ 元 ）", "\u3000帮扶金额（元）\u3000"})
    void chineseHeaderVariantsShareAKey(String header) {
        assertThat(TextNormalizer.headerKey(header)).isEqualTo("帮扶金额元");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Event Type", "event_type", "EVENT-TYPE", "eventtype", " Event  Type ", "ｅｖｅｎｔ＿ｔｙｐｅ"})
    void englishHeaderVariantsShareAKey(String header) {
        assertThat(TextNormalizer.headerKey(header)).isEqualTo("eventtype");
    }

    @Test
    void differentHeadersKeepDifferentKeys() {
        assertThat(TextNormalizer.headerKey("开始日期")).isNotEqualTo(TextNormalizer.headerKey("结束日期"));
        assertThat(TextNormalizer.headerKey("org_code")).isNotEqualTo(TextNormalizer.headerKey("parent_org_code"));
    }
}
