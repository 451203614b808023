package org.unionstats.values;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.text.TextNormalizer;

/**
 * Reads the date spellings of the submission contract: {@code 2023-07-05}, {@code 2023/7/5},
 * {@code 2023.7.5}, {@code 2023年7月5日}, {@code 20230705}, date-times (the date is kept) and
 * Excel serial dates.
 */
public final class DateParser {

    private static final String FORMS_ZH =
            "应为如 2023-07-05、2023/7/5、2023.7.5、2023年7月5日、20230705 的写法，或 Excel 日期格式";
    private static final String FORMS_EN =
            "write it like 2023-07-05, 2023/7/5, 2023.7.5, 2023年7月5日 or 20230705, or use an Excel date cell";

    /** A trailing time of day, as Excel and databases append it; only the date part counts. */
    private static final String TIME =
            "(?:(?:T|\\s+)\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?";

    /** One separator used throughout: 2023-7/5 is more likely a typing slip than a date. */
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})" + TIME);
    private static final Pattern CHINESE =
            Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]?" + TIME);
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");

    /**
     * Serials outside this range are refused: 20000 is 1954-10-03 and 80000 is 2119-01-11, which
     * covers every plausible date here while never reading a bare year or a count as a date.
     */
    private static final int MIN_SERIAL = 20000;
    private static final int MAX_SERIAL = 80000;

    /**
     * Day 0 of Excel's 1900 date system as seen from serials after 1900-02-28: Excel counts a
     * 29 February 1900 that never existed, so counting from 1899-12-30 lands on the right day.
     */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private DateParser() {}

    public static LocalDate parse(String text) {
        String s = TextNormalizer.normalize(text);
        if (s == null || s.isEmpty()) {
            throw new ValueFormatException("日期为空，" + FORMS_ZH, "the date is empty; " + FORMS_EN);
        }
        Matcher m;
        if ((m = SEPARATED.matcher(s)).matches()) {
            return date(text, m.group(1), m.group(3), m.group(4));
        }
        if ((m = CHINESE.matcher(s)).matches()) {
            return date(text, m.group(1), m.group(2), m.group(3));
        }
        if ((m = COMPACT.matcher(s)).matches()) {
            return date(text, m.group(1), m.group(2), m.group(3));
        }
        if (SERIAL.matcher(s).matches()) {
            int serial = new BigDecimal(s).intValue(); // a fraction is the time of day: drop it
            if (serial >= MIN_SERIAL && serial <= MAX_SERIAL) {
                return EXCEL_EPOCH.plusDays(serial);
            }
        }
        throw new ValueFormatException(
                "无法识别的日期「" + PersonalDataMasker.echo(text) + "」，" + FORMS_ZH,
                "cannot read the date '" + PersonalDataMasker.echo(text) + "'; " + FORMS_EN);
    }

    private static LocalDate date(String text, String year, String month, String day) {
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new ValueFormatException(
                    "日期「" + PersonalDataMasker.echo(text) + "」不存在（没有这个月或这一天），" + FORMS_ZH,
                    "there is no such date as '" + PersonalDataMasker.echo(text) + "' (no such month or day); " + FORMS_EN);
        }
    }
}
