package org.unionstats.letters.facts;

import java.util.Locale;

/** Which direction of a KPI is better (the catalogue's {@code better}): it decides what counts as progress. */
public enum Better {
    UP,
    DOWN,
    NONE;

    public static Better fromCode(String code) {
        return code == null ? NONE : valueOf(code.strip().toUpperCase(Locale.ROOT));
    }

    /** Whether a change is progress: a rise of an {@code up} KPI, a fall of a {@code down} one; never for {@code none}. */
    public boolean improves(double change) {
        return switch (this) {
            case UP -> change > 0;
            case DOWN -> change < 0;
            case NONE -> false;
        };
    }

    /** Whether a change is a setback, the opposite of {@link #improves}. */
    public boolean worsens(double change) {
        return this != NONE && change != 0 && !improves(change);
    }
}
