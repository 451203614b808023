package org.unionstats.period;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionstats.text.TextNormalizer;
import org.unionstats.values.ValueFormatException;

/** Reads every period spelling of the submission contract into a {@link Period}. */
public final class PeriodParser {

    private static final Pattern QUARTER =
            Pattern.compile("(\\d{4})(?:-?Q|年第?)([1-4一二三四])(?:季度)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern HALF =
            Pattern.compile("(\\d{4})(?:-?H([12])|年([上下])半年)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:[-/]|年)?(\\d{1,2})月?");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})(?:年度?)?");
    private static final Map<String, Integer> CHINESE_DIGITS = Map.of("一", 1, "二", 2, "三", 3, "四", 4);

    private PeriodParser() {}

    public static Period parse(String text) {
        String s = TextNormalizer.normalize(text == null ? "" : text).replace(" ", "");
        Matcher m;
        if ((m = QUARTER.matcher(s)).matches()) {
            String q = m.group(2);
            int quarter = CHINESE_DIGITS.containsKey(q) ? CHINESE_DIGITS.get(q) : Integer.parseInt(q);
            return Period.quarter(Integer.parseInt(m.group(1)), quarter);
        }
        if ((m = HALF.matcher(s)).matches()) {
            int half = m.group(2) != null ? Integer.parseInt(m.group(2)) : ("上".equals(m.group(3)) ? 1 : 2);
            return Period.halfYear(Integer.parseInt(m.group(1)), half);
        }
        if ((m = YEAR.matcher(s)).matches()) {
            return Period.year(Integer.parseInt(m.group(1)));
        }
        if ((m = MONTH.matcher(s)).matches() && validMonth(m.group(2), s)) {
            return Period.month(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        throw new ValueFormatException(
                "无法识别的期间「" + text + "」，应写作 2024Q3、2024年第三季度、2024-07、2024年7月、2024H1、2024年上半年 或 2024年",
                "cannot read the period '" + text
                        + "'; write it like 2024Q3, 2024年第三季度, 2024-07, 2024年7月, 2024H1, 2024年上半年 or 2024");
    }

    /** {@code 202407} needs two month digits; {@code 2024-7} and {@code 2024年7月} may have one. */
    private static boolean validMonth(String month, String whole) {
        int value = Integer.parseInt(month);
        boolean compact = whole.chars().allMatch(Character::isDigit);
        return value >= 1 && value <= 12 && (!compact || month.length() == 2);
    }
}
