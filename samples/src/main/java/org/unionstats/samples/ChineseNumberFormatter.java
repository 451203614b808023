package org.unionstats.samples;

import java.math.BigDecimal;

/**
 * Writes numbers the way Chinese reports do: {@code 1.7万}, {@code 2.05亿}, {@code 5000余}, {@code 近3000万},
 * {@code 1,234}, full-width digits. Every form here is one the contract says ingestion must read back.
 */
public final class ChineseNumberFormatter {

    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseNumberFormatter() {}

    /** True when {@link #wan(long)} can write the value exactly with at most two decimals. */
    public static boolean fitsWan(long value) {
        return value >= WAN && (value >= YI ? value % 1_000_000 == 0 : value % 100 == 0);
    }

    /** {@code 17000 → 1.7万}, {@code 205000000 → 2.05亿}; exact, so the value must satisfy {@link #fitsWan}. */
    public static String wan(long value) {
        if (!fitsWan(value)) {
            throw new IllegalArgumentException("cannot write " + value + " exactly in 万 or 亿 with two decimals");
        }
        if (value >= YI) {
            return plain(BigDecimal.valueOf(value).divide(BigDecimal.valueOf(YI))) + "亿";
        }
        return plain(BigDecimal.valueOf(value).divide(BigDecimal.valueOf(WAN))) + "万";
    }

    /** {@code 1234567 → 1,234,567}. */
    public static String thousands(long value) {
        return String.format("%,d", value);
    }

    /** ASCII digits, comma and point replaced by their full-width forms: {@code 123 → １２３}. */
    public static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder(ascii.length());
        for (char c : ascii.toCharArray()) {
            out.append(c >= '0' && c <= '9' || c == '.' || c == ',' ? (char) (c - 0x20 + 0xFF00) : c);
        }
        return out.toString();
    }

    /**
     * Rounds a value to two significant figures the way a report would: the result and whether it lies below
     * (so {@code 余/多}, "over") or above (so {@code 近}, "nearly") the true value; equal values stay exact.
     */
    public static long roundForReport(long value) {
        if (value < 100) {
            return value < 20 ? value : value / 10 * 10;
        }
        long magnitude = 1;
        while (value / magnitude >= 100) {
            magnitude *= 10;
        }
        return Math.round((double) value / magnitude) * magnitude;
    }

    /**
     * A rounded figure with its qualifier word: {@code 5000余}, {@code 1.7万余}, {@code 近3000万}, {@code 约600}.
     * The written number is {@code rounded}; {@code over} chooses 余/多 (else 近/约).
     */
    public static String qualified(long rounded, boolean over, boolean useWan, int variant) {
        String number = useWan && fitsWan(rounded) ? wan(rounded) : Long.toString(rounded);
        if (over) {
            return number + (variant % 3 == 2 ? "多" : "余");
        }
        return (variant % 3 == 2 ? "约" : "近") + number;
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
