package org.unionstats.text;

/**
 * Characters that have no place in submitted text or in a file name, and the signs of text that
 * was damaged on its way in.
 *
 * <ul>
 *   <li><b>Controls</b>: C0 controls except tab, line feed and carriage return (a line break inside a
 *       quoted CSV cell or an Excel cell typed with Alt+Enter is ordinary text); DEL; C1 controls;
 *       the bidirectional embeddings, overrides, isolates and marks (U+061C, U+200E, U+200F,
 *       U+202A–U+202E, U+2066–U+2069), which make text display in another order than it is stored;
 *       zero-width characters (U+200B–U+200D, U+2060) and a byte order mark inside text (U+FEFF).</li>
 *   <li><b>Damage</b>: the replacement character U+FFFD (bytes a decoder could not read) and
 *       unpaired surrogates (a JSON escape such as {@code \ud800} that is not a character).</li>
 * </ul>
 */
public final class TextHazards {

    /** What a decoder puts where bytes were not valid text. */
    public static final char REPLACEMENT = '\uFFFD';

    private TextHazards() {}

    /** The index of the first control character in the text, or -1 when there is none. */
    public static int firstControl(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isControl(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The first control character in the text as {@code U+XXXX}, or null when there is none. */
    public static String firstControlName(String s) {
        int i = firstControl(s);
        return i < 0 ? null : codePoint(s.charAt(i));
    }

    /** The first control character as {@code U+XXXX}; for damaged text without one, the first damaged character; or null. */
    public static String firstControlNameOrDamage(String s) {
        String control = firstControlName(s);
        if (control != null || s == null) {
            return control;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == REPLACEMENT || Character.isSurrogate(c)
                    && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
                return codePoint(c);
            }
        }
        return null;
    }

    /** True when the text holds U+FFFD or an unpaired surrogate: it was not valid text when it arrived. */
    public static boolean isDamaged(String s) {
        if (s == null) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == REPLACEMENT) {
                return true;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return true;
            }
            if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** True when the text has a control character or shows damage. */
    public static boolean hasAny(String s) {
        return firstControl(s) >= 0 || isDamaged(s);
    }

    /**
     * The text with every control character, U+FFFD and unpaired surrogate written out visibly as
     * {@code <U+XXXX>}: safe to show in a table, a message or a log line. Null stays null.
     */
    public static String escape(String s) {
        if (s == null || !hasAny(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (isControl(c) || c == REPLACEMENT || Character.isSurrogate(c)) {
                out.append('<').append(codePoint(c)).append('>');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** The text without its control characters, U+FFFD and unpaired surrogates. Null stays null. */
    public static String strip(String s) {
        if (s == null || !hasAny(s)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (!(isControl(c) || c == REPLACEMENT || Character.isSurrogate(c))) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code U+202E}. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /** One character of the control classes above. */
    public static boolean isControl(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        if (c >= 0x7F && c <= 0x9F) {
            return true;
        }
        return c == '\u061C'
                || c >= '\u200B' && c <= '\u200F'
                || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2060' && c <= '\u2069' && c != '\u2065'
                || c == '\uFEFF';
    }
}
