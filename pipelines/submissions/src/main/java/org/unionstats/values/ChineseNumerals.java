package org.unionstats.values;

/**
 * Whole numbers in Chinese numerals, as reports write small counts and round figures: {@code 五}, {@code 十一},
 * {@code 两千}, {@code 一百零五}, {@code 三万五千}, {@code 一百五} (150, the spoken short form), and the bare
 * magnitudes of {@code 近百人}, {@code 千余名}, {@code 上千万元}, {@code 超过百万人} (one hundred, one thousand ...).
 * Digit-by-digit writing ({@code 一九九零}) is not a numeral here: for a year it is ambiguous with nothing,
 * but for a count it is almost always a slip.
 */
final class ChineseNumerals {

    /** The characters a Chinese numeral is made of. */
    static final String CHARACTERS = "零〇一二两三四五六七八九十百千万亿";

    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseNumerals() {}

    /** True when the numeral starts with a magnitude (百, 千, 万, 亿) rather than a digit: 百余人, 千万元. */
    static boolean startsBare(String numeral) {
        char c = numeral.charAt(0);
        return c == '百' || c == '千' || c == '万' || c == '亿';
    }

    /** True when the numeral holds 万 or 亿: it states its own scale (两万 is 20 000 whatever the unit). */
    static boolean scaled(String numeral) {
        return numeral.indexOf('万') >= 0 || numeral.indexOf('亿') >= 0;
    }

    /** The value, or -1 when the characters do not form a numeral. */
    static long parse(String s) {
        if (s.isEmpty() || s.length() > 40) {
            return -1;
        }
        if (s.equals("零") || s.equals("〇")) {
            return 0;
        }
        long total = 0;        // everything before the last 亿, already multiplied
        long wanGroup = 0;     // the part before 万 in the current 亿 group, already multiplied
        long section = 0;      // below 万
        int lastSmall = 10_000; // the last of 十/百/千 in this section: each must be smaller than the one before
        long lastUnit = 0;     // the last unit seen, for the short form 一百五 = 150
        int digit = -1;
        boolean zero = false;  // a 零 since the last unit: 一百零五 is 105, not 150
        boolean seenYi = false;
        boolean seenWan = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int d = digit(c);
            if (d == 0) {
                if (digit >= 0 || i == 0) {
                    return -1;
                }
                zero = true;
                continue;
            }
            if (d > 0) {
                if (digit >= 0) {
                    return -1; // 一九: two digits in a row
                }
                digit = d;
                continue;
            }
            int small = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : 0;
            if (small > 0) {
                if (small >= lastSmall) {
                    return -1; // 百千, 十十
                }
                section += (long) (digit >= 0 ? digit : 1) * small;
                lastSmall = small;
                lastUnit = small;
                digit = -1;
                zero = false;
                continue;
            }
            if (c == '万') {
                if (seenWan) {
                    return -1;
                }
                long part = section + Math.max(digit, 0);
                if (part == 0 && i > 0) {
                    return -1; // 亿万: a magnitude of nothing
                }
                wanGroup = (part == 0 ? 1 : part) * WAN;
                seenWan = true;
            } else if (c == '亿') {
                if (seenYi) {
                    return -1;
                }
                long part = wanGroup + section + Math.max(digit, 0);
                if (part == 0 && i > 0) {
                    return -1;
                }
                total = (part == 0 ? 1 : part) * YI;
                wanGroup = 0;
                seenWan = false;
                seenYi = true;
            } else {
                return -1;
            }
            section = 0;
            lastSmall = 10_000;
            lastUnit = c == '万' ? WAN : YI;
            digit = -1;
            zero = false;
        }
        long tail = 0;
        if (digit >= 0) {
            // 一百五 is 150 and 三万五 is 35 000; after 零 or with no unit before it, a digit is itself.
            tail = zero || lastUnit == 0 || lastUnit == 10 ? digit : digit * (lastUnit / 10);
        }
        return total + wanGroup + section + tail;
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
