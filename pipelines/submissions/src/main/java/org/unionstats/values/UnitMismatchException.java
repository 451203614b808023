package org.unionstats.values;

import java.util.Objects;

/**
 * A number followed by a unit that contradicts what the column or indicator counts: {@code 3万元} where
 * people are counted. Carries the word written and the unit expected, for the {@code UNIT_MISMATCH} message.
 */
public class UnitMismatchException extends ValueFormatException {

    private static final long serialVersionUID = 1L;

    private final String written;
    private final Unit expected;

    public UnitMismatchException(String written, Unit expected, String messageZh, String messageEn) {
        super(messageZh, messageEn);
        this.written = Objects.requireNonNull(written, "written");
        this.expected = Objects.requireNonNull(expected, "expected");
    }

    /** The unit as written after the number (its magnitude word included: {@code 万元}). */
    public String written() {
        return written;
    }

    public Unit expected() {
        return expected;
    }
}
