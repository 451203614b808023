package org.unionstats.warehouse.quarantine;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reason a row or a file is quarantined ({@code quarantine.error_code}), with its Chinese and
 * English message templates. A template names its values in braces ({@code {column}}); {@link #message}
 * fills them and refuses to leave one unfilled. Where the words come from the parser that read the
 * value (a date, a number, a workbook), the template is that explanation ({@code {detail}}).
 */
public enum QuarantineCode {

    // ---- the whole file ----
    BAD_PATH(Scope.FILE, "{detail}", "{detail}"),
    UNREADABLE_FILE(Scope.FILE, "{detail}", "{detail}"),
    MISSING_COLUMN(Scope.FILE,
            "缺少必填列：{columns}（表头可用中文或英文列名）；文件中的表头为：{headers_zh}",
            "required columns are missing: {columns} (headers may be Chinese or English); the file's headers are: {headers_en}"),

    // ---- one row ----
    BAD_JSON_LINE(Scope.ROW, "该行不是有效的 JSON 对象：{error}", "the line is not a valid JSON object: {error}"),
    MISSING_VALUE(Scope.ROW, "{column_zh} 为必填项，本行为空", "{column} is required but empty in this row"),
    BAD_NUMBER(Scope.ROW, "{detail}", "{detail}"),
    WHOLE_NUMBER_REQUIRED(Scope.ROW, "{column_zh}「{value}」应为整数", "{column} '{value}' must be a whole number", "BAD_NUMBER"),
    BAD_DATE(Scope.ROW, "{detail}", "{detail}"),
    BAD_LABEL(Scope.ROW, "{detail}", "{detail}"),
    BAD_VALUE(Scope.ROW, "{detail}", "{detail}"),
    BAD_QUALIFIER(Scope.ROW, "{detail}", "{detail}"),
    OUT_OF_RANGE(Scope.ROW, "{detail}", "{detail}"),
    BIRTH_YEAR_IMPLAUSIBLE(Scope.ROW,
            "出生年份「{value}」不合理，应在 1940 至 {latest} 之间（入会须年满14岁）",
            "birth_year {value} is implausible; it must be between 1940 and {latest}", "OUT_OF_RANGE"),
    NEGATIVE_VALUE(Scope.ROW, "数值不能为负数：{value}", "value must not be negative: {value}", "OUT_OF_RANGE"),
    DATE_OUTSIDE_PERIOD(Scope.ROW,
            "{column} {date} 不在报送期间 {period}（{period_start} 至 {period_end}）内",
            "{column} {date} is outside the period {period} ({period_start} to {period_end})"),
    COMPETITION_OUTSIDE_PERIOD(Scope.ROW,
            "竞赛日期 {start} 至 {end} 与报送期间 {period}（{period_start} 至 {period_end}）没有重叠",
            "the competition ({start} to {end}) does not overlap the period {period} ({period_start} to {period_end})",
            "DATE_OUTSIDE_PERIOD"),
    DATE_AFTER_PERIOD(Scope.ROW,
            "{column} {date} 晚于报送期间 {period} 的最后一天 {period_end}",
            "{column} {date} is after the end of the period {period} ({period_end})"),
    UNKNOWN_ORG(Scope.ROW, "{detail}", "{detail}"),
    BAD_ORG_CODE(Scope.ROW, "{detail}", "{detail}"),
    UNKNOWN_REGION(Scope.ROW, "{detail}", "{detail}"),
    ORG_OUTSIDE_SUBMITTER(Scope.ROW,
            "工会「{org_code}」不在报送单位 {submitter}（{submitter_name}）的辖区内",
            "union '{org_code}' is outside the area of the submitter {submitter}"),
    PARENT_REQUIRED(Scope.ROW, "上级工会代码为必填项（仅省级工会可不填）", "parent_org_code is required for every union below a province"),
    BAD_CREDIT_CODE(Scope.ROW, "{detail}", "{detail}"),
    UNKNOWN_COMPETITION(Scope.ROW, "{detail}", "{detail}"),
    UNKNOWN_INDICATOR(Scope.ROW, "{detail}", "{detail}"),
    UNIT_MISMATCH(Scope.ROW,
            "单位「{unit}」与指标「{indicator_zh}」的单位「{indicator_unit_zh}」不符",
            "unit '{unit}' does not agree with the unit of {indicator} ({indicator_unit})"),
    LIFTED_OUT_DATE_REQUIRED(Scope.ROW, "状态为「已解困脱困」时必须填写解困脱困日期", "lifted_out_on is required when status is lifted_out"),
    LIFTED_OUT_DATE_NOT_ALLOWED(Scope.ROW,
            "只有状态为「已解困脱困」时才填写解困脱困日期（当前状态：{status}）",
            "lifted_out_on is only allowed when status is lifted_out (status is {status})"),
    LIFTED_OUT_BEFORE_FILED(Scope.ROW, "解困脱困日期 {lifted} 早于建档日期 {filed}", "lifted_out_on {lifted} is before filed_on {filed}"),
    END_BEFORE_START(Scope.ROW, "结束日期 {end} 早于开始日期 {start}", "end_date {end} is before start_date {start}"),
    CONFLICTING_ROW(Scope.ROW,
            "与第 {earlier_row} 行是同一条记录（{keys_zh} 相同）但内容不同；请核对后只保留一行",
            "same record as row {earlier_row} (same {keys_en}) but with different values; check them and keep one row");

    /** Whether the code refuses a whole file or one row. */
    public enum Scope { FILE, ROW }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Scope scope;
    private final String templateZh;
    private final String templateEn;
    private final String storedCode;

    QuarantineCode(Scope scope, String templateZh, String templateEn) {
        this(scope, templateZh, templateEn, null);
    }

    /** A variant with a message of its own, stored under a broader code ({@code storedCode}). */
    QuarantineCode(Scope scope, String templateZh, String templateEn, String storedCode) {
        this.scope = scope;
        this.templateZh = templateZh;
        this.templateEn = templateEn;
        this.storedCode = storedCode;
    }

    public Scope scope() {
        return scope;
    }

    /** The code stored in {@code quarantine.error_code} and listed in the contract. */
    public String code() {
        return storedCode != null ? storedCode : name();
    }

    /** The message in Chinese and English with the values filled in. */
    public Message message(Map<String, ?> values) {
        return new Message(this, fill(templateZh, values), fill(templateEn, values));
    }

    /** The message of a code whose words come from the parser that read the value. */
    public Message detail(String detailZh, String detailEn) {
        return new Message(this, fill(templateZh, Map.of("detail", detailZh)), fill(templateEn, Map.of("detail", detailEn)));
    }

    /** A filled-in message, with the code it belongs to. */
    public record Message(QuarantineCode code, String zh, String en) {}

    private String fill(String template, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = values.get(m.group(1));
            if (value == null && !values.containsKey(m.group(1))) {
                throw new IllegalArgumentException(name() + ": no value for {" + m.group(1) + "}");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value)));
        }
        m.appendTail(out);
        return out.toString();
    }
}
