package org.unionstats.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    /** A publicly listed code, with a letter in its body. */
    private static final String PUBLIC_CODE = "91350100M000100Y43";

    @Test
    void acceptsThePubliclyKnownCode() {
        // Worked by hand: 9·1 + 1·3 + 3·9 + 5·27 + 1·26 + M(21)·20 + 1·8 + Y(30)·30 + 4·28 = 1640;
        // 1640 mod 31 = 28; 31 − 28 = 3.
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(CreditCode.isValid(PUBLIC_CODE)).isTrue();
        assertThat(CreditCode.problem(PUBLIC_CODE)).isEmpty();
    }

    @Test
    void checkCharacterMayBeALetter() {
        // 9 + 3 + 9 + 27 + 6·20 + 3·8 + 7·24 + 3·10 + 4·30 + 1·28 = 538; 538 mod 31 = 11; 31 − 11 = 20 → L.
        assertThat(CreditCode.checkCharacter("91110000600037341")).isEqualTo('L');
        assertThat(CreditCode.withCheckCharacter("91110000600037341")).isEqualTo("91110000600037341L");
        assertThat(CreditCode.isValid("91110000600037341L")).isTrue();
    }

    @Test
    void checkIndex31MapsTo0() {
        // The weighted sum of seventeen zeros is 0, so 31 − 0 = 31, which is written 0.
        assertThat(CreditCode.withCheckCharacter("00000000000000000")).isEqualTo("000000000000000000");
        assertThat(CreditCode.isValid("000000000000000000")).isTrue();
    }

    @Test
    void checkIndex30IsY() {
        // 1·1 = 1; 1 mod 31 = 1; 31 − 1 = 30 → Y, the last character of the alphabet.
        assertThat(CreditCode.withCheckCharacter("10000000000000000")).isEqualTo("10000000000000000Y");
    }

    @Test
    void wrongCheckCharacterNamesTheExpectedOne() {
        assertThat(CreditCode.isValid("91350100M000100Y44")).isFalse();
        assertThat(CreditCode.problem("91350100M000100Y44")).hasValueSatisfying(p -> assertThat(p)
                .contains("91350100M000100Y44")
                .contains("wrong check character '4', expected '3'")
                .contains("校验位「4」不正确，应为「3」"));
    }

    @Test
    void swappedDigitsAreCaught() {
        assertThat(CreditCode.isValid("91350100M000010Y43")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y4", "91350100M000100Y433", "9135"})
    void wrongLengthIsNamed(String code) {
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThat(CreditCode.problem(code)).hasValueSatisfying(p -> assertThat(p)
                .contains("'" + code + "' has " + code.length() + " characters, expected 18")
                .contains("「" + code + "」为" + code.length() + "位，应为18位"));
    }

    @Test
    void missingCodeIsNamed() {
        assertThat(CreditCode.isValid(null)).isFalse();
        assertThat(CreditCode.isValid("")).isFalse();
        assertThat(CreditCode.problem(null)).hasValueSatisfying(p -> assertThat(p).contains("missing", "为空"));
    }

    @Test
    void lettersLeftOutOfTheStandardAreIllegal() {
        // I, O, S, V, Z are not in the alphabet; O in place of 0 is a typical slip.
        String code = "91350100M0OO100Y43";
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThat(CreditCode.problem(code)).hasValueSatisfying(p -> assertThat(p)
                .contains("character 'O' at position 11")
                .contains("第11位的「O」不合法"));
        assertThat(CreditCode.isValid("91350100I000100Y43")).isFalse();
        assertThat(CreditCode.isValid("91350100S000100Y43")).isFalse();
    }

    @Test
    void lowerCaseLettersAreIllegalWithAHint() {
        String code = "91350100m000100Y43";
        assertThat(CreditCode.isValid(code)).isFalse();
        assertThat(CreditCode.problem(code)).hasValueSatisfying(p -> assertThat(p)
                .contains("character 'm' at position 9")
                .contains("capitals")
                .contains("字母应大写"));
    }

    @Test
    void fullWidthCharactersAreIllegal() {
        assertThat(CreditCode.isValid("９1350100M000100Y43")).isFalse();
    }

    @Test
    void checkCharacterNeeds17LegalCharacters() {
        assertThatThrownBy(() -> CreditCode.checkCharacter("9135")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCode.checkCharacter(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreditCode.checkCharacter("91350100Z000100Y4"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Z' at position 9");
    }
}
