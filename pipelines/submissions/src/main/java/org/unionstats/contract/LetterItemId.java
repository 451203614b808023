package org.unionstats.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of an item of an issued guidance letter: the letter's id (its quarter and the county-level unit it is addressed
 * to) and the item's number in it, {@code 2024Q3-130302-03}. Feedback names an item by it.
 */
public record LetterItemId(String quarter, String countyCode, int number) {

    private static final Pattern FORM = Pattern.compile("(\\d{4}Q[1-4])-(\\d{6})-(\\d{1,3})");

    public LetterItemId {
        if (number < 1 || number > 999) {
            throw new IllegalArgumentException("item number out of range: " + number);
        }
    }

    /** The item {@code number} of the letter {@code letterId} ({@code 2024Q3-130302}). */
    public static LetterItemId of(String letterId, int number) {
        return parse(letterId + "-" + "%02d".formatted(number))
                .orElseThrow(() -> new IllegalArgumentException("not a letter id: " + letterId));
    }

    /** The id as written, or empty when it is not of the form {@code 2024Q3-130302-03}. */
    public static Optional<LetterItemId> parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LetterItemId(m.group(1), m.group(2), Integer.parseInt(m.group(3))));
    }

    public String letterId() {
        return quarter + "-" + countyCode;
    }

    @Override
    public String toString() {
        return letterId() + "-" + "%02d".formatted(number);
    }
}
