package org.unionstats.submission;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.text.TextHazards;
import org.unionstats.values.ValueFormatException;

/**
 * What a submission's path says: {@code <submitter>/<period>/<record type>[anything].<ext>},
 * relative to the batch root.
 *
 * @param version the resubmission number the file name states ({@code 第二版}, {@code v2},
 *     {@code 更正}), 1 when it states none, at most {@link #MAX_VERSION}
 */
public record SubmissionPath(
        String relativePath, String submitter, Period period, RecordType recordType, SubmissionFormat format, int version)
        implements Serializable {

    /** The highest resubmission number a file name may state; a larger one is refused, never wrapped round. */
    public static final int MAX_VERSION = 999;

    private static final Pattern ORG_CODE = Pattern.compile("\\d{6}(-\\d{4,8})?");
    private static final Pattern VERSION = Pattern.compile("(?:第([0-9一二三四五六七八九十]+)版|[_\\-\\s(（]v([0-9]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CORRECTED = Pattern.compile("更正|修正|修订|corrected|revised", Pattern.CASE_INSENSITIVE);
    private static final Map<Character, Integer> CHINESE = Map.of(
            '一', 1, '二', 2, '三', 3, '四', 4, '五', 5, '六', 6, '七', 7, '八', 8, '九', 9, '十', 10);

    /** Reads a path relative to the batch root; refuses it with a bilingual reason. */
    public static SubmissionPath parse(String relativePath, RegionDirectory regions) {
        return parse(relativePath, regions, Integer.MAX_VALUE);
    }

    /**
     * Reads a path relative to the batch root; refuses it with a bilingual reason: a path with
     * control, direction or zero-width characters, a file name longer than {@code maxFileNameChars},
     * a version number over {@link #MAX_VERSION}, and every path that does not say submitter,
     * period and record type. Never throws anything but {@link ValueFormatException}.
     */
    public static SubmissionPath parse(String relativePath, RegionDirectory regions, int maxFileNameChars) {
        if (TextHazards.hasAny(relativePath)) {
            String found = TextHazards.firstControlName(relativePath);
            String shown = TextHazards.escape(relativePath);
            throw new ValueFormatException(
                    "文件路径「" + shown + "」含有不可见的控制字符、方向控制字符或零宽字符"
                            + (found == null ? "（或无法识别的字符）" : "（" + found + "）") + "，为安全起见未予读取；请把文件改名后重新报送",
                    "the path '" + shown + "' contains invisible control, text-direction or zero-width characters"
                            + (found == null ? " (or characters that are not valid text)" : " (" + found + ")")
                            + " and was not read; rename the file and send it again");
        }
        String[] parts = relativePath.replace('\\', '/').split("/");
        if (parts.length != 3) {
            throw new ValueFormatException(
                    "文件位置不对：「" + relativePath + "」应放在 <报送单位代码>/<期间>/<记录类型>.csv|xlsx|jsonl，例如 130306/2024Q3/member_events.csv",
                    "misplaced file '" + relativePath
                            + "': put it at <submitter org code>/<period>/<record type>.csv|xlsx|jsonl, e.g. 130306/2024Q3/member_events.csv");
        }
        if (parts[2].length() > maxFileNameChars) {
            String cut = parts[2].substring(0, Math.min(40, parts[2].length())) + "…";
            throw new ValueFormatException(
                    "文件名过长（" + parts[2].length() + " 个字符，上限 " + maxFileNameChars + "）：「" + cut + "」；请改用简短的文件名，例如 member_events.csv",
                    "the file name is too long (" + parts[2].length() + " characters, the limit is " + maxFileNameChars + "): '"
                            + cut + "'; use a short name such as member_events.csv");
        }
        String submitter = parts[0].strip();
        if (!ORG_CODE.matcher(submitter).matches() || !regions.contains(submitter.substring(0, 6))) {
            throw new ValueFormatException(
                    "文件夹「" + submitter + "」不是已知的报送单位代码（6位行政区划代码，或 6位县级代码-4至8位数字）",
                    "folder '" + submitter + "' is not a known submitter org code (a 6-digit region code, or <county code>-<4 to 8 digits>)");
        }
        Period period;
        try {
            period = Period.parse(parts[1]);
        } catch (ValueFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            // A period the parser reads but the calendar refuses (year 0000): the same refusal.
            throw new ValueFormatException(
                    "无法识别的期间「" + parts[1] + "」，应写作 2024Q3、2024年第三季度、2024-07、2024年7月、2024H1、2024年上半年 或 2024年",
                    "cannot read the period '" + parts[1] + "'; write it like 2024Q3, 2024年第三季度, 2024-07, 2024年7月, 2024H1, 2024年上半年 or 2024");
        }
        String fileName = parts[2];
        SubmissionFormat format = SubmissionFormat.fromFileName(fileName).orElseThrow(() -> new ValueFormatException(
                "不支持的文件格式「" + fileName + "」：请提交 .csv、.xlsx 或 .jsonl（旧版 .xls 请在 Excel 中另存为 .xlsx）",
                "unsupported file type '" + fileName + "': send .csv, .xlsx or .jsonl (save old .xls workbooks as .xlsx)"));
        RecordType type = RecordType.fromFileName(fileName).orElseThrow(() -> new ValueFormatException(
                "无法从文件名「" + fileName + "」判断记录类型：文件名应以 org_units、member_events（会员变动）、hardship_cases、balances（存量报告）、competitions、competition_entries 或 indicator_reports 开头",
                "cannot tell the record type from the file name '" + fileName
                        + "': start it with org_units, member_events (会员变动), hardship_cases, balances (存量报告), competitions, competition_entries or indicator_reports"));
        return new SubmissionPath(relativePath, submitter, period, type, format, version(fileName));
    }

    /** The (submitter, period, record type) a later submission replaces as a whole. */
    public String groupKey() {
        return recordType.code() + "|" + period.canonical() + "|" + submitter;
    }

    /**
     * The resubmission number a file name states; a number over {@link #MAX_VERSION} (or too long
     * to be one) is refused with a {@link ValueFormatException}, never read modulo 2³².
     */
    static int version(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        Matcher m = VERSION.matcher(lower);
        if (m.find()) {
            if (m.group(2) != null) {
                return checked(fileName, m.group(2), digits(m.group(2)));
            }
            String digits = m.group(1);
            if (digits.chars().allMatch(Character::isDigit)) {
                return checked(fileName, digits, digits(digits));
            }
            // 十 alone is 10, 十二 is 12, 二十 is 20.
            long value = 0;
            long current = 0;
            for (char c : digits.toCharArray()) {
                int n = CHINESE.get(c);
                if (n == 10) {
                    value += (current == 0 ? 1 : current) * 10;
                    current = 0;
                } else {
                    current = n;
                }
                if (value > MAX_VERSION) {
                    break;
                }
            }
            return checked(fileName, digits, value + current);
        }
        return CORRECTED.matcher(lower).find() ? 2 : 1;
    }

    /** The value of a digit string, or -1 when it is longer than any version could be. */
    private static long digits(String digits) {
        return digits.length() > 9 ? -1 : Long.parseLong(digits);
    }

    private static int checked(String fileName, String written, long value) {
        if (value < 0 || value > MAX_VERSION) {
            String shown = written.length() > 20 ? written.substring(0, 20) + "…" : written;
            throw new ValueFormatException(
                    "文件名「" + fileName + "」中的版本号「" + shown + "」过大（最大 " + MAX_VERSION + "）；请写作 v2、第二版 或 更正",
                    "the version number '" + shown + "' in the file name '" + fileName + "' is too large (at most " + MAX_VERSION
                            + "); write v2, 第二版 or 更正");
        }
        return (int) value;
    }
}
