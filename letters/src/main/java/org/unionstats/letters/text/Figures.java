package org.unionstats.letters.text;

import java.util.Map;

/**
 * Numbers as a letter writes them, by the KPI catalogue's unit: counts with separators and their measure word
 * (183,950人, 1,236户), ratios as percentages (18.3%) and their changes in percentage points (+1.2个百分点).
 */
public final class Figures {

    /** The unit's measure word after a count; a unit not listed shows the bare number. */
    private static final Map<String, String> MEASURE_WORDS = Map.ofEntries(Map.entry("persons", "人"), Map.entry("households", "户"),
            Map.entry("CNY", "元"), Map.entry("calls", "次"), Map.entry("cases", "件"), Map.entry("competitions", "项"),
            Map.entry("days", "天"), Map.entry("enterprises", "家"), Map.entry("entries", "项"), Map.entry("events", "次"),
            Map.entry("items", "项"), Map.entry("jobs", "个"), Map.entry("person_times", "人次"), Map.entry("stations", "个"),
            Map.entry("union_orgs", "个"), Map.entry("per_100_members", "人"));

    private static final String RATIO = "ratio";
    private static final String MINUS = "−";
    private static final String UNCHANGED = "持平";

    private Figures() {}

    /** A KPI value: 183,950人, 18.3%, 3.2人 (entrants per 100 members). */
    public static String value(double value, String unit) {
        if (RATIO.equals(unit)) {
            return oneDecimal(value * 100) + "%";
        }
        return number(value, unit) + MEASURE_WORDS.getOrDefault(unit, "");
    }

    /** A change of a KPI: +2,350人, −15户, +1.2个百分点; 持平 for one too small to show (see {@link #unchanged}). */
    public static String change(double change, String unit) {
        if (unchanged(change, unit)) {
            return UNCHANGED;
        }
        String sign = change > 0 ? "+" : MINUS;
        if (RATIO.equals(unit)) {
            return sign + oneDecimal(Math.abs(change) * 100) + "个百分点";
        }
        return sign + value(Math.abs(change), unit);
    }

    /**
     * Whether a change is nothing at the precision a letter shows: under 0.05 percentage points for a ratio, under
     * 0.05 for entrants per 100 members, under a cent for other fractional figures; a count must not change at all.
     */
    public static boolean unchanged(double change, String unit) {
        String magnitude = RATIO.equals(unit) ? oneDecimal(Math.abs(change) * 100) : number(Math.abs(change), unit);
        return magnitude.chars().noneMatch(c -> c >= '1' && c <= '9');
    }

    /** A share already in percent: 92.0%. */
    public static String percent(double percent) {
        return oneDecimal(percent) + "%";
    }

    /** A count of items in a sentence: 3. */
    public static String count(long n) {
        return String.format("%,d", n);
    }

    private static String number(double value, String unit) {
        String sign = value < 0 ? MINUS : "";
        double magnitude = Math.abs(value);
        if ("per_100_members".equals(unit)) {
            return sign + oneDecimal(magnitude);
        }
        if (magnitude == Math.rint(magnitude) && magnitude < 1e15) {
            return sign + String.format("%,d", (long) magnitude);
        }
        return sign + String.format("%,.2f", magnitude);
    }

    private static String oneDecimal(double value) {
        String text = String.format("%.1f", Math.abs(value));
        return (value < 0 && !text.equals("0.0") ? MINUS : "") + text;
    }
}
