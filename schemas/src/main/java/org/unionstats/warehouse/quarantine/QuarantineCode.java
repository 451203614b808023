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
    FILE_TOO_LARGE(Scope.FILE,
            "文件大小 {size} 超过单个文件上限 {limit}；请拆分后分别报送",
            "the file is {size}, over the limit of {limit} per file; split it and send the parts"),
    WORKBOOK_TOO_LARGE(Scope.FILE,
            "工作簿展开后过大或压缩比异常（{detail}），为保护系统未予读取；请删除多余的工作表、格式和空白行列后重新保存",
            "the workbook expands too much or is compressed suspiciously ({detail}) and was not read; remove extra sheets,"
                    + " formatting and blank rows and columns, then save it again"),
    TOO_MANY_ROWS(Scope.FILE, "文件行数超过上限 {limit} 行；请拆分后分别报送", "the file has more than {limit} rows; split it and send the parts"),
    TOO_MANY_COLUMNS(Scope.FILE,
            "表头有 {count} 列，超过上限 {limit} 列；请删除多余的列",
            "the header has {count} columns, over the limit of {limit}; remove the extra columns"),
    DUPLICATE_HEADER(Scope.FILE,
            "表头中「{header}」出现了不止一次（第 {columns} 列）；请只保留一列",
            "the header '{header}' appears more than once (columns {columns}); keep one of them"),
    EMPTY_SUBMISSION(Scope.FILE,
            "文件只有表头，没有数据行；此前已入库的报送保持有效",
            "the file has a header but no data rows; the earlier accepted submission stays in force"),
    TIMED_OUT(Scope.FILE,
            "文件处理超过 {seconds} 秒仍未完成，已停止；请检查文件是否异常后重新报送",
            "checking the file took longer than {seconds} seconds and was stopped; check the file and send it again"),
    CHECK_FAILED(Scope.FILE,
            "文件无法处理（{detail}）；请检查文件后重新报送，如仍有问题请联系市总工会",
            "the file could not be processed ({detail}); check it and send it again, or contact the city federation"),
    BAD_ENCODING(Scope.ROW,
            "本行含有无法识别的字符（文件应为 UTF-8 或 GB18030 编码）；请在原系统中重新导出",
            "this row has bytes that are not valid text (files must be UTF-8 or GB18030); export it again"),
    CONTROL_CHARACTER(Scope.ROW,
            "{column_zh} 含有不可见的控制字符或方向控制字符；请重新输入该单元格",
            "{column} contains invisible control or text-direction characters; type the cell again"),
    EXTRA_CELLS(Scope.ROW,
            "本行有 {count} 个单元格超出表头范围（第 {first} 列起）；请删除表头以外的内容或补上表头",
            "this row has data beyond the header (cells: {count}, from column {first}); remove it or add the headers"),
    VALUE_TOO_LONG(Scope.ROW,
            "{column_zh} 的内容长度 {length} 超过上限 {limit} 个字符",
            "{column} is {length} characters long, over the limit of {limit}"),
    TOO_MANY_KEYS(Scope.ROW,
            "该行 JSON 对象有 {count} 个键，超过上限 {limit}",
            "the JSON object on this line has {count} keys, over the limit of {limit}"),
    PERSONAL_ID_IN_IDENTIFIER(Scope.ROW,
            "{column_zh} 不能填写身份证号码；请改用单位内部编号",
            "{column} must not hold an ID-card number; use the union's own case number"),
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
    NOT_MONTH_END(Scope.ROW,
            "{column_zh}须为月末（如 {month_end}）：本行填写的 {date} 不是某月的最后一天；请填写截至 {month_end} 或 {previous_month_end} 的数",
            "{column} must be the last day of a month (e.g. {month_end}): {date} is not; report the count as at {month_end}"
                    + " or {previous_month_end}"),
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
    BAD_PERIOD(Scope.ROW, "{detail}", "{detail}"),
    TARGET_PERIOD_PASSED(Scope.ROW,
            "目标期间 {target_period}（{target_start} 至 {target_end}）在报送期间 {period} 开始（{period_start}）前已经结束：目标应在其期间结束前下达",
            "the target period {target_period} ({target_start} to {target_end}) ended before the submission's period {period}"
                    + " began ({period_start}); a target is set before its period ends",
            "DATE_OUTSIDE_PERIOD"),
    UNKNOWN_KPI(Scope.ROW, "{detail}", "{detail}"),
    KPI_NOT_TARGETABLE(Scope.ROW, "{detail}", "{detail}"),
    ISSUER_NOT_ABOVE(Scope.ROW,
            "下达单位 {issuer}（{issuer_name}）不是目标单位「{org_code}」的上级工会：目标由地区总工会向其下级下达（如省总工会→市总工会，市总工会→县区总工会）",
            "the issuer {issuer} is not above the target union '{org_code}' in the hierarchy; a regional federation sets targets"
                    + " for the unions below it (province → city, city → county)"),
    TARGET_NOT_POSITIVE(Scope.ROW, "目标值须大于 0（本行为 {value}）", "target_value must be greater than 0 (it is {value})", "OUT_OF_RANGE"),
    RATE_TARGET_OVER_100(Scope.ROW,
            "「{kpi_zh}」是比率，目标值 {value} 超过 100%：请写作 92% 或 0.92",
            "{kpi} is a rate and the target {value} is over 100%; write it as 92% or 0.92", "OUT_OF_RANGE"),
    PERSONAL_DATA_IN_TEXT(Scope.ROW,
            "{column_zh} 中有疑似身份证号码或手机号码：意见和反馈不得含有个人信息，请删除后重新报送（如需联系，请写部门或岗位）",
            "{column} holds what looks like an ID-card or mobile phone number; opinions and feedback must not hold personal data:"
                    + " remove it and send the row again (name a department or a post instead)"),
    COUNTY_NOT_OF_CITY(Scope.ROW,
            "县区「{county_code}」不是发文单位 {issuer}（{issuer_name}）所辖的县级单位：部门意见只写给本市的县区工会",
            "'{county_code}' is not a county-level unit of the issuer {issuer} ({issuer_name}); opinions go to the county-level"
                    + " unions of the issuing city"),
    DUE_PERIOD_INVALID(Scope.ROW,
            "办结时限「{due}」应为报送期间 {period} 或其后的某个季度（如 {period} 或 {next}）",
            "due_period '{due}' must be the submission's quarter {period} or a later quarter (e.g. {period} or {next})",
            "BAD_PERIOD"),
    UNKNOWN_LETTER_ITEM(Scope.ROW, "{detail}", "{detail}"),
    ITEM_OF_OTHER_COUNTY(Scope.ROW,
            "事项 {item_id} 是写给 {county_code}（{county_name}）的，不是写给报送单位 {submitter}（{submitter_name}）的：只能反馈本单位的事项",
            "item {item_id} is addressed to {county_code} ({county_name}), not to the submitter {submitter} ({submitter_name});"
                    + " a county answers only its own items"),
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
