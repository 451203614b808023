package org.unionstats.letters;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.unionstats.letters.render.LetterWriter;
import org.unionstats.letters.render.MarkdownLetters;
import org.unionstats.letters.render.PdfLetters;
import org.unionstats.letters.render.XlsxLetters;

/** The forms a city's letters are written in. */
public enum LetterFormat {
    /** One PDF per county-level unit, A4, to print and send. */
    PDF,
    /** One workbook for the city, a sheet per county-level unit, to edit. */
    XLSX,
    /** One Markdown file per county-level unit. */
    MD;

    public static LetterFormat parse(String text) {
        for (LetterFormat f : values()) {
            if (f.code().equalsIgnoreCase(text.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("--format: '" + text + "' is none of "
                + Arrays.stream(values()).map(LetterFormat::code).collect(Collectors.joining(", ")));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    LetterWriter writer() {
        return switch (this) {
            case PDF -> new PdfLetters();
            case XLSX -> new XlsxLetters();
            case MD -> new MarkdownLetters();
        };
    }
}
