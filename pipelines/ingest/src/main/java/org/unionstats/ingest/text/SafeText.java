package org.unionstats.ingest.text;

import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.text.TextHazards;
import org.unionstats.text.TextNormalizer;

/**
 * The one gate for text that leaves the checker: file names ({@code source_file}), raw rows,
 * extras, messages and log lines. Masking is {@link PersonalDataMasker}'s (the project's one
 * masking step); this class adds what the ingest needs around it: control and direction
 * characters are written out visibly ({@code <U+202E>}) instead of silently dropped, so a clerk
 * sees why a name or a cell was refused, and every text has a bounded length.
 */
public final class SafeText {

    /** Characters of a value quoted back to a clerk ({@link PersonalDataMasker#ECHO_LIMIT}). */
    public static final int ECHO_CHARS = PersonalDataMasker.ECHO_LIMIT;
    /** Characters of a whole message. */
    public static final int MESSAGE_CHARS = 1_000;
    /** Characters of a file path as the tables show it. */
    public static final int PATH_CHARS = 300;

    private SafeText() {}

    /** A value quoted back (a header, a cell, a parser's complaint): {@link PersonalDataMasker#echo}, controls written out. Null stays null. */
    public static String echo(String text) {
        if (text == null) {
            return null;
        }
        String v = visible(text);
        return hasPersonalData(v) ? PersonalDataMasker.echo(v) : cut(v, ECHO_CHARS);
    }

    /** One raw cell for the quarantine's raw row: masked as its column requires ({@link PersonalDataMasker#maskCell}), then cut. */
    public static String cell(String header, String value, boolean personalColumn) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String v = visible(value);
        String masked = PersonalDataMasker.maskCell(header, v, personalColumn);
        return cut(masked.equals(TextNormalizer.normalize(v)) ? v : masked, ECHO_CHARS);
    }

    /** A whole message (Chinese or English): masked, controls written out, cut to {@value #MESSAGE_CHARS} characters. */
    public static String message(String text) {
        return text == null ? null : cut(mask(visible(text)), MESSAGE_CHARS);
    }

    /** A file's path relative to the inbox as tables, receipts and logs show it. */
    public static String path(String relative) {
        return relative == null ? null : cut(mask(visible(relative)), PATH_CHARS);
    }

    /**
     * The masker's result when it found something to mask; otherwise the text as it was. The
     * masker normalises what it reads (full-width forms to ASCII, runs of spaces to one), which is
     * right for finding numbers but would strip Chinese messages of their punctuation and show a
     * file name other than the clerk's.
     */
    private static String mask(String text) {
        String masked = PersonalDataMasker.maskText(text);
        return masked.equals(TextNormalizer.normalize(text)) ? text : masked;
    }

    private static boolean hasPersonalData(String text) {
        return !PersonalDataMasker.maskText(text).equals(TextNormalizer.normalize(text));
    }

    /**
     * The text with control characters written out ({@code <U+200B>}). Written-out characters must
     * not hide personal data from the masker ({@code 138<U+200B>12345678} is no phone number to a
     * pattern): when the text without them holds something to mask, they are dropped instead and
     * a note says which one was there.
     */
    static String visible(String text) {
        if (!TextHazards.hasAny(text)) {
            return text;
        }
        String stripped = TextHazards.strip(text);
        if (hasPersonalData(stripped)) {
            return stripped + " <" + TextHazards.firstControlNameOrDamage(text) + " removed>";
        }
        return TextHazards.escape(text);
    }

    /** At most {@code max} characters, never splitting a surrogate pair, with … where it was cut. */
    static String cut(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
