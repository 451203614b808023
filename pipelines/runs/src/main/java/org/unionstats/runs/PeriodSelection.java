package org.unionstats.runs;

import java.util.List;
import org.unionstats.period.Period;

/**
 * The submission periods a run covers: one period, a range, or every period of the inbox
 * (both ends null).
 */
public record PeriodSelection(Period from, Period to) {

    public static final PeriodSelection ALL = new PeriodSelection(null, null);

    public PeriodSelection {
        if ((from == null) != (to == null)) {
            throw new IllegalArgumentException("give both --from and --to (or --period for one period)");
        }
        if (from != null) {
            if (from.type() != to.type()) {
                throw new IllegalArgumentException("--from and --to must be periods of the same kind: " + from + " and " + to);
            }
            if (from.compareTo(to) > 0) {
                throw new IllegalArgumentException("--from " + from + " comes after --to " + to);
            }
        }
    }

    /** From the command line: {@code --period P}, or {@code --from P --to P}, or nothing for every period. */
    public static PeriodSelection of(String period, String from, String to) {
        if (period != null && (from != null || to != null)) {
            throw new IllegalArgumentException("use either --period or --from/--to, not both");
        }
        if (period != null) {
            Period p = parse("--period", period);
            return new PeriodSelection(p, p);
        }
        if (from == null && to == null) {
            return ALL;
        }
        if (from == null || to == null) {
            throw new IllegalArgumentException("give both --from and --to (or --period for one period)");
        }
        return new PeriodSelection(parse("--from", from), parse("--to", to));
    }

    private static Period parse(String option, String text) {
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": '" + text + "' is not a period (2024Q3, 2024-07, 2024H1 or 2024)");
        }
    }

    public boolean isAll() {
        return from == null;
    }

    /** The periods from..to in order, one by one (what a backfill walks through). */
    public List<Period> steps() {
        if (isAll()) {
            throw new IllegalArgumentException("a backfill needs --from and --to");
        }
        return Period.range(from, to);
    }

    /** {@code 2024Q3}, {@code 2023Q1..2024Q4}, or null for every period (as the run history stores it). */
    public String label() {
        if (isAll()) {
            return null;
        }
        return from.equals(to) ? from.canonical() : from.canonical() + ".." + to.canonical();
    }

    /** For messages: the label, or "every period". */
    public String describe() {
        return isAll() ? "every period" : label();
    }
}
