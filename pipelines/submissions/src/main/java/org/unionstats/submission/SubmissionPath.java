package org.unionstats.submission;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.unionstats.contract.RecordType;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.values.ValueFormatException;

/**
 * What a submission's path says: {@code <submitter>/<period>/<record type>[anything].<ext>},
 * relative to the batch root.
 *
 * @param version the resubmission number the file name states ({@code 第二版}, {@code v2},
 *     {@code 更正}), 1 when it states none
 */
public record SubmissionPath(
        String relativePath, String submitter, Period period, RecordType recordType, SubmissionFormat format, int version)
        implements Serializable {

    private static final Pattern ORG_CODE = Pattern.compile("\\d{6}(-\\d{4,8})?");
    private static final Pattern VERSION = Pattern.compile("(?:第([0-9一二三四五六七八九十]+)版|[_\\-\\s(（]v([0-9]+))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CORRECTED = Pattern.compile("更正|修正|修订|corrected|revised", Pattern.CASE_INSENSITIVE);
    private static final Map<Character, Integer> CHINESE = Map.of(
            '一', 1, '二', 2, '三', 3, '四', 4, '五', 5, '六', 6, '七', 7, '八', 8, '九', 9, '十', 10);

    /** Reads a path relative to the batch root; refuses it with a bilingual reason. */
    public static SubmissionPath parse(String relativePath, RegionDirectory regions) {
        String[] parts = relativePath.replace('\\', '/').split("/");
        if (parts.length != 3) {
            throw new ValueFormatException(
                    "文件位置不对：「" + relativePath + "」应放在 <报送单位代码>/<期间>/<记录类型>.csv|xlsx|jsonl，例如 130306/2024Q3/member_events.csv",
                    "misplaced file '" + relativePath
                            + "': put it at <submitter org code>/<period>/<record type>.csv|xlsx|jsonl, e.g. 130306/2024Q3/member_events.csv");
        }
        String submitter = parts[0].strip();
        if (!ORG_CODE.matcher(submitter).matches() || !regions.contains(submitter.substring(0, 6))) {
            throw new ValueFormatException(
                    "文件夹「" + submitter + "」不是已知的报送单位代码（6位行政区划代码，或 6位县级代码-4至8位数字）",
                    "folder '" + submitter + "' is not a known submitter org code (a 6-digit region code, or <county code>-<4 to 8 digits>)");
        }
        Period period = Period.parse(parts[1]);
        String fileName = parts[2];
        SubmissionFormat format = SubmissionFormat.fromFileName(fileName).orElseThrow(() -> new ValueFormatException(
                "不支持的文件格式「" + fileName + "」：请提交 .csv、.xlsx 或 .jsonl（旧版 .xls 请在 Excel 中另存为 .xlsx）",
                "unsupported file type '" + fileName + "': send .csv, .xlsx or .jsonl (save old .xls workbooks as .xlsx)"));
        RecordType type = RecordType.fromFileName(fileName).orElseThrow(() -> new ValueFormatException(
                "无法从文件名「" + fileName + "」判断记录类型：文件名应以 org_units、member_events（会员变动）、hardship_cases、competitions、competition_entries 或 indicator_reports 开头",
                "cannot tell the record type from the file name '" + fileName
                        + "': start it with org_units, member_events (会员变动), hardship_cases, competitions, competition_entries or indicator_reports"));
        return new SubmissionPath(relativePath, submitter, period, type, format, version(fileName));
    }

    /** The (submitter, period, record type) a later submission replaces as a whole. */
    public String groupKey() {
        return recordType.code() + "|" + period.canonical() + "|" + submitter;
    }

    static int version(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        Matcher m = VERSION.matcher(lower);
        if (m.find()) {
            if (m.group(2) != null) {
                return Integer.parseInt(m.group(2));
            }
            String digits = m.group(1);
            if (digits.chars().allMatch(Character::isDigit)) {
                return Integer.parseInt(digits);
            }
            // 十 alone is 10, 十二 is 12, 二十 is 20.
            int value = 0;
            int current = 0;
            for (char c : digits.toCharArray()) {
                int n = CHINESE.get(c);
                if (n == 10) {
                    value += (current == 0 ? 1 : current) * 10;
                    current = 0;
                } else {
                    current = n;
                }
            }
            return value + current;
        }
        return CORRECTED.matcher(lower).find() ? 2 : 1;
    }
}
