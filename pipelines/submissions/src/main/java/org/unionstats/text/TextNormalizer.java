package org.unionstats.text;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Cleans text typed by people on Chinese keyboards: full-width forms, ideographic and
 * non-breaking spaces, invisible zero-width characters, stray runs of spaces.
 */
public final class TextNormalizer {

    private TextNormalizer() {}

    /**
     * NFKC (full-width letters, digits and punctuation become their ASCII forms, so {@code （元）}
     * becomes {@code (元)}), zero-width characters removed, whitespace of any kind trimmed and
     * collapsed to single spaces. Null stays null.
     */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(nfkc.length());
        boolean pendingSpace = false;
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * A key for matching column headers loosely: {@code 帮扶金额（元）}, {@code 帮扶金额(元)} and
     * {@code  帮扶金额 (元) } give the same key, as do {@code Event Type}, {@code event_type} and
     * {@code EVENT-TYPE}. Null stays null.
     */
    public static String headerKey(String header) {
        String s = normalize(header);
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != ' ' && "_-()（）".indexOf(c) < 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Zero-width characters (and the BOM) that editors leave behind and nobody can see. */
    private static boolean isInvisible(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }
}
