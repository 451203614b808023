package org.unionstats.letters.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Widths in characters here: every character is 1 wide. */
class LineBreakerTest {

    private static List<String> lines(String text, int max) {
        return LineBreaker.lines(text, max, s -> s.codePointCount(0, s.length()));
    }

    @Test
    void breaksBetweenChineseCharacters() {
        assertThat(lines("总体看你区本季度工作推进有力", 5)).containsExactly("总体看你区", "本季度工作", "推进有力");
    }

    @Test
    void numbersAndCodesStayWhole() {
        assertThat(lines("期末会员数183,950人", 8)).containsExactly("期末会员数", "183,950人");
        assertThat(LineBreaker.tokens("第1/3位")).containsExactly("第", "1/3", "位");
    }

    @Test
    void closingPunctuationNeverStartsALineNorOpeningEndsOne() {
        assertThat(lines("居全市首位，要继续保持。", 5)).containsExactly("居全市首", "位，要继续", "保持。");
        assertThat(lines("期末会员数（183,950人）", 10)).containsExactly("期末会员数", "（183,950人）");
    }

    @Test
    void aRunLongerThanALineIsCut() {
        assertThat(lines("2024Q3-130302", 6)).containsExactly("2024Q3", "-13030", "2");
    }

    @Test
    void theFirstLineMayHaveAnotherWidth() {
        assertThat(LineBreaker.lines("一二三四五六七八", 3, 5, s -> s.length())).containsExactly("一二三", "四五六七八");
    }
}
