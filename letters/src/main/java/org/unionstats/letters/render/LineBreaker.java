package org.unionstats.letters.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Breaks Chinese text into lines of a given width: between any two Chinese characters, never inside a run of Latin
 * letters and digits (183,950, 2024Q3, 第1/3位's 1/3), never before closing punctuation (，。）…) and never after opening
 * punctuation (（“《).
 */
final class LineBreaker {

    private static final String CLOSING = "，。、；：？！）》」』】”’%％…·";
    private static final String OPENING = "（《「『【“‘";

    private LineBreaker() {}

    /** @param width the width of a piece of text, in the unit of {@code max} */
    static List<String> lines(String text, double max, ToDoubleFunction<String> width) {
        return lines(text, max, max, width);
    }

    /** Lines of a paragraph whose first line has another width than the rest (a hanging or a first-line indent). */
    static List<String> lines(String text, double firstMax, double restMax, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String token : tokens(text)) {
            double max = lines.isEmpty() ? firstMax : restMax;
            if (line.length() > 0 && width.applyAsDouble(line + token) > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() == 0 && width.applyAsDouble(token) > max) {
                // A run too long for a line on its own is cut where it must.
                for (int i = 0; i < token.length(); ) {
                    int end = i + Character.charCount(token.codePointAt(i));
                    if (line.length() > 0 && width.applyAsDouble(line + token.substring(i, end)) > (lines.isEmpty() ? firstMax : restMax)) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    line.append(token, i, end);
                    i = end;
                }
                continue;
            }
            line.append(token);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The unbreakable pieces of the text, punctuation glued to its neighbour. */
    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = i + Character.charCount(text.codePointAt(i));
            if (isWordChar(text.codePointAt(i))) {
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
            }
            String token = text.substring(i, end);
            int last = tokens.size() - 1;
            boolean glue = last >= 0 && (CLOSING.indexOf(token.codePointAt(0)) >= 0
                    || OPENING.indexOf(tokens.get(last).codePointBefore(tokens.get(last).length())) >= 0);
            if (glue) {
                tokens.set(last, tokens.get(last) + token);
            } else {
                tokens.add(token);
            }
            i = end;
        }
        return tokens;
    }

    private static boolean isWordChar(int cp) {
        return cp < 0x80 && (Character.isLetterOrDigit(cp) || ".,%+-/:_()".indexOf(cp) >= 0) || cp == '−';
    }
}
