package org.unionstats.period;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A reporting period: a month, quarter, half-year or year. Its canonical spelling
 * ({@code 2024-07}, {@code 2024Q3}, {@code 2024H1}, {@code 2024}) names warehouse partitions.
 *
 * @param index month 1-12, quarter 1-4, half 1-2, or 1 for a year
 */
public record Period(PeriodType type, int year, int index) implements Serializable, Comparable<Period> {

    public Period {
        if (type == null) {
            throw new IllegalArgumentException("period type is required");
        }
        if (year < 1900 || year > 2999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        int max = 12 / type.months();
        if (index < 1 || index > max) {
            throw new IllegalArgumentException(type.code() + " index out of range: " + index);
        }
    }

    public static Period month(int year, int month) {
        return new Period(PeriodType.MONTH, year, month);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(PeriodType.QUARTER, year, quarter);
    }

    public static Period halfYear(int year, int half) {
        return new Period(PeriodType.HALF_YEAR, year, half);
    }

    public static Period year(int year) {
        return new Period(PeriodType.YEAR, year, 1);
    }

    /** Parses any spelling the contract accepts; see {@link PeriodParser}. */
    public static Period parse(String text) {
        return PeriodParser.parse(text);
    }

    /** The period of the given type that contains the date. */
    public static Period containing(PeriodType type, LocalDate date) {
        int monthIndex = date.getMonthValue() - 1;
        return new Period(type, date.getYear(), monthIndex / type.months() + 1);
    }

    public String canonical() {
        return switch (type) {
            case MONTH -> String.format("%d-%02d", year, index);
            case QUARTER -> year + "Q" + index;
            case HALF_YEAR -> year + "H" + index;
            case YEAR -> Integer.toString(year);
        };
    }

    public LocalDate start() {
        return LocalDate.of(year, (index - 1) * type.months() + 1, 1);
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return start().plusMonths(type.months()).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    /** True when the two periods share at least one day. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return !to.isBefore(start()) && !from.isAfter(end());
    }

    public Period plus(int periods) {
        int perYear = 12 / type.months();
        int ordinal = year * perYear + (index - 1) + periods;
        return new Period(type, Math.floorDiv(ordinal, perYear), Math.floorMod(ordinal, perYear) + 1);
    }

    public Period next() {
        return plus(1);
    }

    public Period previous() {
        return plus(-1);
    }

    /** The same period one year earlier (for year-on-year comparisons). */
    public Period yearAgo() {
        return new Period(type, year - 1, index);
    }

    /** True when {@code other} lies entirely within this period (a month within its quarter, say). */
    public boolean encloses(Period other) {
        return !other.start().isBefore(start()) && !other.end().isAfter(end());
    }

    /** Every period from {@code from} to {@code to}, inclusive; both must be of the same type. */
    public static List<Period> range(Period from, Period to) {
        if (from.type != to.type) {
            throw new IllegalArgumentException(
                    "a period range needs two periods of the same kind: " + from + ".." + to);
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("a period range must run forwards: " + from + ".." + to);
        }
        List<Period> periods = new ArrayList<>();
        for (Period p = from; p.compareTo(to) <= 0; p = p.next()) {
            periods.add(p);
        }
        return List.copyOf(periods);
    }

    /** Parses {@code 2023Q1..2024Q4} (or a single period). */
    public static List<Period> parseRange(String text) {
        int dots = text.indexOf("..");
        if (dots < 0) {
            return List.of(parse(text));
        }
        return range(parse(text.substring(0, dots)), parse(text.substring(dots + 2)));
    }

    /** Orders by start date, then the shorter period first. */
    @Override
    public int compareTo(Period other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : Integer.compare(type.months(), other.type.months());
    }

    @Override
    public String toString() {
        return canonical();
    }
}
