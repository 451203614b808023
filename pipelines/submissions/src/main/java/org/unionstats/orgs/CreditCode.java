package org.unionstats.orgs;

import java.util.Locale;
import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a
 * 31-character alphabet, the last being a check character over the first 17.
 */
public final class CreditCode {

    /** I, O, S, V and Z are left out of the standard so they are not mistaken for 1, 0, 5, U and 2. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private static final int LENGTH = 18;

    private CreditCode() {}

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17 == null || first17.length() != LENGTH - 1) {
            throw new IllegalArgumentException(
                    "expected the first 17 characters of a credit code, got '" + first17 + "'");
        }
        int sum = 0;
        for (int i = 0; i < first17.length(); i++) {
            int index = ALPHABET.indexOf(first17.charAt(i));
            if (index < 0) {
                throw new IllegalArgumentException("character '" + first17.charAt(i) + "' at position " + (i + 1)
                        + " of '" + first17 + "' is not allowed in a credit code");
            }
            sum += WEIGHTS[i] * index;
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }

    /** The full 18-character code: the given 17 characters followed by their check character. */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    /** Why a code is not valid, in English and Chinese; empty when it is valid. */
    public static Optional<String> problem(String code) {
        if (code == null || code.isEmpty()) {
            return Optional.of("the credit code is missing / 统一社会信用代码为空");
        }
        if (code.length() != LENGTH) {
            return Optional.of("credit code '" + code + "' has " + code.length() + " characters, expected 18"
                    + " / 统一社会信用代码「" + code + "」为" + code.length() + "位，应为18位");
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = code.charAt(i);
            if (ALPHABET.indexOf(c) < 0) {
                return Optional.of(illegalCharacter(code, i, c));
            }
        }
        char expected = checkCharacter(code.substring(0, LENGTH - 1));
        if (code.charAt(LENGTH - 1) != expected) {
            return Optional.of("credit code '" + code + "' has the wrong check character '"
                    + code.charAt(LENGTH - 1) + "', expected '" + expected + "' (check for a typing mistake)"
                    + " / 统一社会信用代码「" + code + "」校验位「" + code.charAt(LENGTH - 1) + "」不正确，应为「"
                    + expected + "」（请核对是否抄错）");
        }
        return Optional.empty();
    }

    private static String illegalCharacter(String code, int i, char c) {
        String upper = String.valueOf(c).toUpperCase(Locale.ROOT);
        // Lower-case letters are the commonest slip; say so rather than just "not allowed".
        boolean lowerCase = !upper.equals(String.valueOf(c)) && upper.length() == 1 && ALPHABET.contains(upper);
        String hintEn = lowerCase ? "; write letters in capitals" : "; only digits and the capital letters "
                + ALPHABET.substring(10) + " are used";
        String hintZh = lowerCase ? "，字母应大写" : "，只能使用数字和大写字母 " + ALPHABET.substring(10);
        return "credit code '" + code + "' has character '" + c + "' at position " + (i + 1) + " which is not allowed"
                + hintEn + " / 统一社会信用代码「" + code + "」第" + (i + 1) + "位的「" + c + "」不合法" + hintZh;
    }
}
