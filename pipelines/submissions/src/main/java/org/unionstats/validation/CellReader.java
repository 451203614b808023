package org.unionstats.validation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Pattern;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.SourceColumn;
import org.unionstats.orgs.CreditCode;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.text.TextNormalizer;
import org.unionstats.values.ChineseNumberParser;
import org.unionstats.values.DateParser;
import org.unionstats.values.QualifiedNumber;
import org.unionstats.values.Qualifier;
import org.unionstats.values.ValueFormatException;

/**
 * Reads one cell by its column's kind into a typed value. Checks that need no other cell or
 * other row (formats, labels, ranges, known codes) live here; rules across cells live in
 * {@link RecordRules}.
 */
final class CellReader implements Serializable {

    private static final Pattern BASIC_ORG_CODE = Pattern.compile("\\d{6}-\\d{4,8}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1E16");

    private final RegionDirectory regions;
    private final Indicators indicators;
    private final Pseudonymizer pseudonymizer;

    CellReader(RegionDirectory regions, Indicators indicators, Pseudonymizer pseudonymizer) {
        this.regions = regions;
        this.indicators = indicators;
        this.pseudonymizer = pseudonymizer;
    }

    /** A typed value and the qualifier its text carried (余, 近...). */
    record Cell(Object value, Qualifier qualifier) {}

    /**
     * @param orgScope the county-level code used to scope pseudonyms of union-issued ids
     * @throws ValueFormatException with the clerk's message when the text is not acceptable
     */
    Cell read(SourceColumn column, String text, ReferenceCodes refs, String orgScope) {
        return switch (column.kind()) {
            case TEXT -> new Cell(text, Qualifier.EXACT);
            case ORG_CODE -> new Cell(knownOrg(column, text, refs), Qualifier.EXACT);
            case ORG_CODE_DECLARED -> new Cell(declaredOrg(column, text), Qualifier.EXACT);
            case REGION_CODE -> new Cell(region(column, text), Qualifier.EXACT);
            case ENUM -> new Cell(label(column, text), Qualifier.EXACT);
            case DATE -> new Cell(DateParser.parse(text), Qualifier.EXACT);
            case COUNT, BIRTH_YEAR -> count(column, text);
            case AMOUNT -> amount(column, text);
            case CREDIT_CODE -> new Cell(creditCode(column, text), Qualifier.EXACT);
            case PSEUDONYM -> new Cell(pseudonymizer.pseudonym(
                    column.personal() ? column.name() : column.name() + ":" + orgScope, text), Qualifier.EXACT);
            case COMPETITION_ID -> new Cell(knownCompetition(column, text, refs), Qualifier.EXACT);
            case INDICATOR -> new Cell(indicators.find(text).orElseThrow(() -> fail(
                    "未知的指标「" + text + "」，请使用指标目录中的指标代码或中文名称（如 jobs_offered 或 提供就业岗位）",
                    "unknown indicator '" + text + "'; use an id or Chinese name from the indicator catalogue (e.g. jobs_offered or 提供就业岗位)"))
                    .id(), Qualifier.EXACT);
            case UNIT -> new Cell(text, Qualifier.EXACT);
            case QUALIFIER -> new Cell(null, Qualifier.fromLabel(text).orElseThrow(() -> fail(
                    "无法识别的说明「" + text + "」，应为 余、多、超过（表示以上）或 近、约（表示接近），精确值请留空",
                    "cannot read the qualifier '" + text + "'; write 余, 多 or 超过 (over) or 近 or 约 (nearly), or leave it empty")));
        };
    }

    private String knownOrg(SourceColumn column, String text, ReferenceCodes refs) {
        String code = text.strip();
        boolean known = REGION_CODE.matcher(code).matches() ? regions.contains(code) : refs.orgCodes().contains(code);
        if (!known) {
            throw fail(column.zh() + "「" + code + "」不是已知的工会：基层工会须先在 org_units（工会组织）中报送，区域总工会须使用有效的6位行政区划代码",
                    column.name() + " '" + code + "' is not a known union: declare basic-level unions in org_units first; regional federations use a valid 6-digit region code");
        }
        return code;
    }

    private String declaredOrg(SourceColumn column, String text) {
        String code = text.strip();
        boolean region = REGION_CODE.matcher(code).matches() && regions.contains(code);
        boolean basic = BASIC_ORG_CODE.matcher(code).matches() && regions.contains(code.substring(0, 6));
        if (!region && !basic) {
            throw fail(column.zh() + "「" + code + "」格式不对：应为6位行政区划代码，或 6位县级代码-4至8位数字（如 130306-0042）",
                    column.name() + " '" + code + "' is malformed: use a 6-digit region code or <county code>-<4 to 8 digits> (e.g. 130306-0042)");
        }
        return code;
    }

    private String region(SourceColumn column, String text) {
        String code = text.strip();
        if (!REGION_CODE.matcher(code).matches() || !regions.contains(code)) {
            throw fail(column.zh() + "「" + code + "」不是有效的6位行政区划代码",
                    column.name() + " '" + code + "' is not a valid 6-digit region code");
        }
        return code;
    }

    private String label(SourceColumn column, String text) {
        String normalized = TextNormalizer.normalize(text);
        for (Map.Entry<String, String> e : column.labels().entrySet()) {
            if (e.getKey().equals(normalized) || e.getValue().equalsIgnoreCase(normalized)) {
                return e.getValue();
            }
        }
        String accepted = String.join("、", column.labels().keySet());
        String codes = String.join(", ", column.labels().values());
        String hint = LabelSuggester.suggest(normalized, column.labels().keySet())
                .map(s -> "（是否应为「" + s + "」？）").orElse("");
        String hintEn = LabelSuggester.suggest(normalized, column.labels().keySet())
                .map(s -> " (did you mean '" + s + "'?)").orElse("");
        throw fail(column.zh() + "「" + text + "」不是可接受的取值" + hint + "，应为：" + accepted,
                column.name() + " '" + text + "' is not an accepted value" + hintEn + "; use one of " + accepted + " or " + codes);
    }

    private Cell count(SourceColumn column, String text) {
        QualifiedNumber number = ChineseNumberParser.parse(text);
        long value = number.longValueExact();
        checkRange(column, BigDecimal.valueOf(value), text);
        Object typed = column.kind() == org.unionstats.contract.ColumnKind.BIRTH_YEAR ? (Object) Math.toIntExact(value) : (Object) value;
        return new Cell(typed, number.qualifier());
    }

    private Cell amount(SourceColumn column, String text) {
        QualifiedNumber number = ChineseNumberParser.parse(text);
        checkRange(column, number.value(), text);
        checkStorable(column.zh(), column.name(), number.value(), text);
        return new Cell(number.value(), number.qualifier());
    }

    private void checkRange(SourceColumn column, BigDecimal value, String text) {
        if (column.min() != null && value.compareTo(column.min()) < 0
                || column.max() != null && value.compareTo(column.max()) > 0) {
            String range = column.max() == null ? "不小于 " + column.min().toPlainString()
                    : column.min().toPlainString() + " 至 " + column.max().toPlainString();
            String rangeEn = column.max() == null ? "at least " + column.min().toPlainString()
                    : "between " + column.min().toPlainString() + " and " + column.max().toPlainString();
            throw new OutOfRangeException(column.zh() + "「" + text + "」超出范围，应" + range,
                    column.name() + " '" + text + "' is out of range; it must be " + rangeEn);
        }
    }

    /** Amounts are stored as decimal(18,2) or wider: 16 digits before the point at most. */
    static void checkStorable(String zh, String name, BigDecimal value, String text) {
        if (value.abs().compareTo(MAX_AMOUNT) >= 0) {
            throw new OutOfRangeException(zh + "「" + text + "」数额过大（不能超过16位整数），请核对单位与数值",
                    name + " '" + text + "' is too large (more than 16 digits before the decimal point); check the value and its unit");
        }
    }

    private String creditCode(SourceColumn column, String text) {
        String code = text.strip().toUpperCase(java.util.Locale.ROOT);
        CreditCode.problem(code).ifPresent(problem -> {
            throw fail(column.zh() + "「" + code + "」无效：" + problem, column.name() + " '" + code + "' is invalid: " + problem);
        });
        return code;
    }

    private String knownCompetition(SourceColumn column, String text, ReferenceCodes refs) {
        String id = text.strip();
        if (!refs.competitionIds().contains(id)) {
            throw fail(column.zh() + "「" + id + "」不是已知的竞赛：请先（或在同一批次中）报送 competitions（劳动和技能竞赛）",
                    column.name() + " '" + id + "' is not a known competition: declare it in competitions first (or in the same batch)");
        }
        return id;
    }

    private static ValueFormatException fail(String zh, String en) {
        return new ValueFormatException(zh, en);
    }
}
