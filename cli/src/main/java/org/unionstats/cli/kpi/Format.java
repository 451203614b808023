package org.unionstats.cli.kpi;

/** Numbers as leaders read them: ratios as percentages, counts with separators. */
final class Format {

    private Format() {}

    static String number(double value, String unit) {
        if ("ratio".equals(unit)) {
            return String.format("%.1f%%", value * 100);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format("%,d", (long) value);
        }
        return String.format("%,.2f", value);
    }
}
