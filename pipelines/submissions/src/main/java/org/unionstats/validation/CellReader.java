package org.unionstats.validation;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.unionstats.contract.ColumnKind;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.LetterItemId;
import org.unionstats.contract.SourceColumn;
import org.unionstats.contract.TargetKpi;
import org.unionstats.contract.TargetKpis;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.orgs.CreditCode;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.text.TextNormalizer;
import org.unionstats.values.ChineseNumberParser;
import org.unionstats.values.DateParser;
import org.unionstats.values.OutOfRangeException;
import org.unionstats.values.QualifiedNumber;
import org.unionstats.values.Qualifier;
import org.unionstats.values.Unit;
import org.unionstats.values.ValueFormatException;
import org.unionstats.values.WrittenNumber;

import static org.unionstats.privacy.PersonalDataMasker.echo;

/**
 * Reads one cell by its column's kind into a typed value. Checks that need no other cell or
 * other row (formats, labels, ranges, what the warehouse type holds, known codes) live here; rules
 * across cells live in {@link RecordRules}. Messages quote the cell only through
 * {@link org.unionstats.privacy.PersonalDataMasker#echo}.
 */
final class CellReader implements Serializable {

    private static final Pattern BASIC_ORG_CODE = Pattern.compile("\\d{6}-\\d{4,8}");
    private static final Pattern REGION_CODE = Pattern.compile("\\d{6}");

    private final RegionDirectory regions;
    private final Indicators indicators;
    private final TargetKpis targetKpis;
    private final Pseudonymizer pseudonymizer;
    private final int maxDigits;

    CellReader(RegionDirectory regions, Indicators indicators, TargetKpis targetKpis, Pseudonymizer pseudonymizer, int maxDigits) {
        this.regions = regions;
        this.indicators = indicators;
        this.targetKpis = targetKpis;
        this.pseudonymizer = pseudonymizer;
        this.maxDigits = maxDigits;
    }

    /** A typed value and the qualifier its text carried (余, 近...). */
    record Cell(Object value, Qualifier qualifier) {}

    /**
     * @param storage what the column's warehouse type holds, or null
     * @param orgScope the county-level code used to scope pseudonyms of union-issued ids
     * @throws ValueFormatException with the clerk's message when the text is not acceptable (an
     *     {@link OutOfRangeException}, a {@link org.unionstats.values.UnitMismatchException} or a
     *     {@link org.unionstats.values.BadQualifierException} where that is the reason)
     */
    Cell read(SourceColumn column, String text, StorageRange storage, ReferenceCodes refs, String orgScope) {
        return switch (column.kind()) {
            case TEXT -> new Cell(text, Qualifier.EXACT);
            case FREE_TEXT -> new Cell(text, Qualifier.EXACT); // read by RowValidator, which keeps its punctuation
            case LETTER_ITEM -> new Cell(letterItem(column, text, refs), Qualifier.EXACT);
            case ORG_CODE -> new Cell(knownOrg(column, text, refs), Qualifier.EXACT);
            case ORG_CODE_DECLARED -> new Cell(declaredOrg(column, text), Qualifier.EXACT);
            case REGION_CODE -> new Cell(region(column, text), Qualifier.EXACT);
            case ENUM -> new Cell(label(column, text), Qualifier.EXACT);
            case DATE -> new Cell(DateParser.parse(text), Qualifier.EXACT);
            case COUNT, BIRTH_YEAR -> count(column, text, storage);
            case AMOUNT -> amount(column, text, storage);
            case CREDIT_CODE -> new Cell(creditCode(column, text), Qualifier.EXACT);
            case PSEUDONYM -> new Cell(pseudonymizer.pseudonym(
                    column.personal() ? column.name() : column.name() + ":" + orgScope, text), Qualifier.EXACT);
            case COMPETITION_ID -> new Cell(knownCompetition(column, text, refs), Qualifier.EXACT);
            case INDICATOR -> new Cell(indicators.find(text).orElseThrow(() -> fail(
                    "未知的指标「" + echo(text) + "」，请使用指标目录中的指标代码或中文名称（如 jobs_offered 或 提供就业岗位）",
                    "unknown indicator '" + echo(text) + "'; use an id or Chinese name from the indicator catalogue (e.g. jobs_offered or 提供就业岗位)"))
                    .id(), Qualifier.EXACT);
            case KPI -> new Cell(targetKpi(column, text), Qualifier.EXACT);
            case PERIOD -> new Cell(yearOrQuarter(column, text).canonical(), Qualifier.EXACT);
            case UNIT -> new Cell(text, Qualifier.EXACT);
            case QUALIFIER -> new Cell(null, Qualifier.fromLabel(text).orElseThrow(() -> fail(
                    "无法识别的说明「" + echo(text) + "」，应为 余、多、超过（表示以上）或 近、约（表示接近），精确值请留空",
                    "cannot read the qualifier '" + echo(text) + "'; write 余, 多 or 超过 (over) or 近 or 约 (nearly), or leave it empty")));
        };
    }

    private String knownOrg(SourceColumn column, String text, ReferenceCodes refs) {
        String code = text.strip();
        boolean known = REGION_CODE.matcher(code).matches() ? regions.contains(code) : refs.orgCodes().contains(code);
        if (!known) {
            throw fail(column.zh() + "「" + echo(code) + "」不是已知的工会：基层工会须先在 org_units（工会组织）中报送，区域总工会须使用有效的6位行政区划代码",
                    column.name() + " '" + echo(code) + "' is not a known union: declare basic-level unions in org_units first; regional federations use a valid 6-digit region code");
        }
        return code;
    }

    private String declaredOrg(SourceColumn column, String text) {
        String code = text.strip();
        boolean region = REGION_CODE.matcher(code).matches() && regions.contains(code);
        boolean basic = BASIC_ORG_CODE.matcher(code).matches() && regions.contains(code.substring(0, 6));
        if (!region && !basic) {
            throw fail(column.zh() + "「" + echo(code) + "」格式不对：应为6位行政区划代码，或 6位县级代码-4至8位数字（如 130306-0042）",
                    column.name() + " '" + echo(code) + "' is malformed: use a 6-digit region code or <county code>-<4 to 8 digits> (e.g. 130306-0042)");
        }
        return code;
    }

    private String region(SourceColumn column, String text) {
        String code = text.strip();
        if (!REGION_CODE.matcher(code).matches() || !regions.contains(code)) {
            throw fail(column.zh() + "「" + echo(code) + "」不是有效的6位行政区划代码",
                    column.name() + " '" + echo(code) + "' is not a valid 6-digit region code");
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
        throw fail(column.zh() + "「" + echo(text) + "」不是可接受的取值" + hint + "，应为：" + accepted,
                column.name() + " '" + echo(text) + "' is not an accepted value" + hintEn + "; use one of " + accepted + " or " + codes);
    }

    /** A whole number, its unit allowed when the column has one (5000余人), within the column's range and its type's. */
    private Cell count(SourceColumn column, String text, StorageRange storage) {
        return count(column, text, storage, ChineseNumberParser.parse(text, column.unit(), maxDigits));
    }

    /**
     * A count whose unit another cell of the row decided ({@link SourceColumn#unitBy}): {@code 5000余人} for
     * members, {@code 300户} for households. With no unit known (the deciding cell was refused already), the
     * number is judged without its unit word.
     */
    Cell countIn(SourceColumn column, String text, StorageRange storage, Unit unit) {
        if (unit != null) {
            return count(column, text, storage, ChineseNumberParser.parse(text, unit, maxDigits));
        }
        WrittenNumber written = ChineseNumberParser.read(text, maxDigits);
        QualifiedNumber number = written.hasUnit() && Unit.isUnitWord(written.unit())
                ? new QualifiedNumber(written.value(), written.qualifier()) : written.bare();
        return count(column, text, storage, number);
    }

    private Cell count(SourceColumn column, String text, StorageRange storage, QualifiedNumber number) {
        BigDecimal value = number.value();
        if (value.scale() > 0) {
            number.longValueExact(); // throws the "not a whole number" message
        }
        checkRange(column, value, text);
        checkStorable(column.zh(), column.name(), storage, value, text);
        long whole = number.longValueExact();
        Object typed = column.kind() == ColumnKind.BIRTH_YEAR ? (Object) Math.toIntExact(whole) : (Object) whole;
        return new Cell(typed, number.qualifier());
    }

    /** An amount, rounded as it will be stored, then checked against the column's range and its type's. */
    private Cell amount(SourceColumn column, String text, StorageRange storage) {
        QualifiedNumber number = ChineseNumberParser.parse(text, column.unit(), maxDigits);
        return new Cell(storableAmount(column.zh(), column.name(), column, storage, number.value(), text), number.qualifier());
    }

    /**
     * The amount as it will be stored (rounded to the type's scale), refused when the rounded value is
     * outside the column's range ({@code column} may be null) or more than its type holds.
     */
    static BigDecimal storableAmount(String zh, String name, SourceColumn column, StorageRange storage, BigDecimal value, String text) {
        BigDecimal rounded = storage == null ? value : storage.rounded(value);
        if (column != null) {
            checkRange(column, rounded, text);
        }
        checkStorable(zh, name, storage, rounded, text);
        return rounded;
    }

    static void checkRange(SourceColumn column, BigDecimal value, String text) {
        if (column.min() != null && value.compareTo(column.min()) < 0
                || column.max() != null && value.compareTo(column.max()) > 0) {
            String range = column.max() == null ? "不小于 " + column.min().toPlainString()
                    : column.min() == null ? "不大于 " + column.max().toPlainString()
                    : column.min().toPlainString() + " 至 " + column.max().toPlainString();
            String rangeEn = column.max() == null ? "at least " + column.min().toPlainString()
                    : column.min() == null ? "at most " + column.max().toPlainString()
                    : "between " + column.min().toPlainString() + " and " + column.max().toPlainString();
            throw new OutOfRangeException(column.zh() + "「" + echo(text) + "」超出范围，应" + range,
                    column.name() + " '" + echo(text) + "' is out of range; it must be " + rangeEn);
        }
    }

    /** What the warehouse type holds: int and long ranges, and the digits before the point of a decimal. */
    static void checkStorable(String zh, String name, StorageRange storage, BigDecimal value, String text) {
        if (storage == null || storage.holds(value)) {
            return;
        }
        if (storage.integerDigits() > 0) {
            throw new OutOfRangeException(
                    zh + "「" + echo(text) + "」数额过大（不能超过" + storage.integerDigits() + "位整数），请核对单位与数值",
                    name + " '" + echo(text) + "' is too large (more than " + storage.integerDigits()
                            + " digits before the decimal point); check the value and its unit");
        }
        throw new OutOfRangeException(
                zh + "「" + echo(text) + "」超出可存储的范围（" + storage.min().toPlainString() + " 至 " + storage.max().toPlainString() + "）",
                name + " '" + echo(text) + "' is beyond what can be stored (" + storage.min().toPlainString() + " to "
                        + storage.max().toPlainString() + ")");
    }

    private String creditCode(SourceColumn column, String text) {
        String code = text.strip().toUpperCase(java.util.Locale.ROOT);
        CreditCode.problem(code).ifPresent(problem -> {
            // The explanation quotes the code too: it is masked like every quoted value.
            String shown = PersonalDataMasker.maskText(problem);
            throw fail(column.zh() + "「" + echo(code) + "」无效：" + shown, column.name() + " '" + echo(code) + "' is invalid: " + shown);
        });
        return code;
    }

    /** A KPI that may carry a target, by id, Chinese name or alias; its id. */
    private String targetKpi(SourceColumn column, String text) {
        String name = text.strip();
        Optional<TargetKpi> targetable = targetKpis.find(name);
        if (targetable.isPresent()) {
            return targetable.get().id();
        }
        String ids = targetKpis.all().stream().map(TargetKpi::id).collect(Collectors.joining(", "));
        Optional<KpiDefinition> other = targetKpis.untargetable(name);
        if (other.isPresent()) {
            throw new UntargetableKpiException(
                    column.zh() + "「" + echo(name) + "」是指标「" + other.get().nameZh() + "」(" + other.get().id() + ")，它不能设目标"
                            + "（目标只设在可累计的数量、期末存量或由它们算出的比率上）；可设目标的指标：" + targetKpis.namesZh(),
                    column.name() + " '" + echo(name) + "' is the KPI " + other.get().id() + ", which takes no target (targets are set"
                            + " on counts, stocks at the period's end and rates of them); targetable KPIs: " + ids);
        }
        throw fail(column.zh() + "「" + echo(name) + "」不在指标目录中；请使用指标代码或中文名称，可设目标的指标：" + targetKpis.namesZh(),
                column.name() + " '" + echo(name) + "' is not in the KPI catalogue; use a KPI id or Chinese name: " + ids);
    }

    /** A year or a quarter, as any period spelling of the contract writes it. */
    private Period yearOrQuarter(SourceColumn column, String text) {
        Period period;
        try {
            period = Period.parse(text);
        } catch (IllegalArgumentException e) {
            period = null;
        }
        if (period == null || period.type() != PeriodType.YEAR && period.type() != PeriodType.QUARTER) {
            throw fail(column.zh() + "「" + echo(text) + "」应为年度（如 2024、2024年）或季度（如 2024Q3、2024年第三季度）",
                    column.name() + " '" + echo(text) + "' must be a year (2024, 2024年) or a quarter (2024Q3, 2024年第三季度)");
        }
        return period;
    }

    private String knownCompetition(SourceColumn column, String text, ReferenceCodes refs) {
        String id = text.strip();
        if (!refs.competitionIds().contains(id)) {
            throw fail(column.zh() + "「" + echo(id) + "」不是已知的竞赛：请先（或在同一批次中）报送 competitions（劳动和技能竞赛）",
                    column.name() + " '" + echo(id) + "' is not a known competition: declare it in competitions first (or in the same batch)");
        }
        return id;
    }

    /** An item of a letter issued so far, canonical ({@code 2024q3-130302-3} reads as {@code 2024Q3-130302-03}). */
    private String letterItem(SourceColumn column, String text, ReferenceCodes refs) {
        Optional<LetterItemId> id = LetterItemId.parse(text);
        if (id.isEmpty()) {
            throw fail(column.zh() + "「" + echo(text) + "」格式不对：应为指导书上的事项编号，如 2024Q3-130302-03（季度-县区代码-序号）",
                    column.name() + " '" + echo(text) + "' is malformed: use the item id printed in the letter, e.g. 2024Q3-130302-03");
        }
        String canonical = id.get().toString();
        if (!refs.letterItems().contains(canonical)) {
            throw fail(column.zh() + "「" + canonical + "」不是已签发指导书中的事项：请核对指导书「" + id.get().letterId()
                            + "」上的事项编号（指导书签发后方可反馈）",
                    column.name() + " '" + canonical + "' is not an item of an issued letter: check the item ids printed in letter "
                            + id.get().letterId() + " (feedback answers letters once issued)");
        }
        return canonical;
    }

    private static ValueFormatException fail(String zh, String en) {
        return new ValueFormatException(zh, en);
    }
}
