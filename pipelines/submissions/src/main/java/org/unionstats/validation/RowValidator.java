package org.unionstats.validation;

import org.unionstats.warehouse.quarantine.QuarantineCode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.Schema;
import org.unionstats.contract.CatalogueMeasure;
import org.unionstats.contract.ColumnKind;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.period.Period;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.text.TextHazards;
import org.unionstats.text.TextNormalizer;
import org.unionstats.values.BadQualifierException;
import org.unionstats.values.ChineseNumberParser;
import org.unionstats.values.OutOfRangeException;
import org.unionstats.values.QualifiedNumber;
import org.unionstats.values.Qualifier;
import org.unionstats.values.Unit;
import org.unionstats.values.UnitMismatchException;
import org.unionstats.values.ValueFormatException;
import org.unionstats.values.WrittenNumber;

import static org.unionstats.privacy.PersonalDataMasker.echo;

/**
 * Checks one row of a submission against the contract and turns it into typed warehouse
 * values, pseudonymising personal ids on the way. Every problem in the row is reported, not
 * just the first, so a clerk can fix the row in one pass; nothing a cell holds makes it throw.
 *
 * <p>Before a cell is read: a cell longer than {@link CellLimits#maxCellLength} is refused
 * ({@code VALUE_TOO_LONG}), one with control, direction or zero-width characters
 * ({@link TextHazards}) too ({@code CONTROL_CHARACTER}), and one with characters that were not valid
 * text ({@code BAD_ENCODING}); extra columns included. An identifier kept as written (the
 * {@code case_id} of a hardship case, a {@code competition_id}: text columns of the natural key)
 * that holds an ID-card number is refused ({@code PERSONAL_ID_IN_IDENTIFIER}): the warehouse keeps it
 * in clear and shows it, so it must be the union's own number. Identifiers that are pseudonymised
 * ({@code member_id}, {@code worker_id}) never reach the warehouse as written, ID number or not.
 */
public final class RowValidator implements Serializable {

    private final ContractCatalog catalog;
    private final Indicators indicators;
    private final CellReader cells;
    private final RecordRules rules;
    private final CellLimits limits;
    /** Per record type, what each numeric field's warehouse type can hold. */
    private final Map<RecordType, Map<String, StorageRange>> storage = new EnumMap<>(RecordType.class);
    /** Per record type, the text fields that identify a row and are stored as written. */
    private final Map<RecordType, Set<String>> clearIdentifiers = new EnumMap<>(RecordType.class);

    public RowValidator(ContractCatalog catalog, RegionDirectory regions, Indicators indicators, Pseudonymizer pseudonymizer) {
        this(catalog, regions, indicators, pseudonymizer, CellLimits.DEFAULTS);
    }

    /** A validator with the ingest's limits on cell length and digits. */
    public RowValidator(ContractCatalog catalog, RegionDirectory regions, Indicators indicators, Pseudonymizer pseudonymizer,
            CellLimits limits) {
        this.catalog = catalog;
        this.indicators = indicators;
        this.limits = limits;
        this.cells = new CellReader(regions, indicators, catalog.targetKpis(), pseudonymizer, limits.maxDigits());
        this.rules = new RecordRules(regions, catalog.targetKpis());
        for (RecordType type : RecordType.values()) {
            Schema schema = catalog.schema(type);
            Map<String, StorageRange> ranges = new HashMap<>();
            Set<String> identifiers = new HashSet<>();
            for (SourceColumn column : catalog.columns(type)) {
                Schema.Field field = schema.getField(column.field());
                StorageRange range = field == null ? null : StorageRange.of(field.schema());
                if (range != null) {
                    ranges.put(column.field(), range);
                }
                if (column.kind() == ColumnKind.TEXT && catalog.naturalKey(type).contains(column.field())) {
                    identifiers.add(column.field());
                }
            }
            storage.put(type, Map.copyOf(ranges));
            clearIdentifiers.put(type, Set.copyOf(identifiers));
        }
    }

    public CellLimits limits() {
        return limits;
    }

    /** Required columns the header row lacks; a file missing one is refused as a whole. */
    public List<SourceColumn> missingColumns(RecordType type, HeaderMapper.Mapping mapping) {
        return catalog.columns(type).stream().filter(c -> c.required() && !mapping.has(c)).toList();
    }

    public RowResult validate(SubmissionPath sub, HeaderMapper.Mapping mapping, List<String> row, ReferenceCodes refs) {
        RecordType type = sub.recordType();
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> extras = new LinkedHashMap<>();
        Qualifier qualifier = Qualifier.EXACT;
        String orgScope = orgScope(mapping, row);
        String unitText = null;
        SourceColumn valueColumn = null;
        String valueText = null;
        // The value of an indicator report or a target counts in the unit of the indicator or KPI the row names
        // (an opinion names a KPI and counts nothing).
        SourceColumn measureColumn = catalog.schema(type).getField("unit") == null ? null : catalog.columns(type).stream()
                .filter(c -> c.kind() == ColumnKind.INDICATOR || c.kind() == ColumnKind.KPI).findFirst().orElse(null);
        // Counts whose unit another cell decides (the value of a balance): read once that cell is.
        Map<SourceColumn, String> unitLater = new LinkedHashMap<>();

        for (int i = 0; i < mapping.columns().size(); i++) {
            SourceColumn column = mapping.columns().get(i);
            String raw = i < row.size() ? row.get(i) : null;
            String header = mapping.headers().get(i);
            if (raw != null && !raw.isEmpty() && !safe(column, header, raw, violations)) {
                continue;
            }
            String text = TextNormalizer.normalize(raw);
            if (column == null) {
                if (text != null && !text.isEmpty()) {
                    extras.put(header, PersonalDataMasker.maskCell(header, text, false));
                }
                continue;
            }
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (column.kind() == ColumnKind.UNIT) {
                unitText = text;
            }
            if (column.kind() == ColumnKind.AMOUNT && measureColumn != null && column.unit() == null) {
                // Its unit is the indicator's or the KPI's, known once the row is read.
                valueColumn = column;
                valueText = text;
                continue;
            }
            if (column.unitBy() != null) {
                unitLater.put(column, text);
                continue;
            }
            if (column.kind() == ColumnKind.TEXT && clearIdentifiers.get(type).contains(column.field())
                    && PersonalDataMasker.containsIdNumber(text)) {
                violations.add(Violation.of(QuarantineCode.PERSONAL_ID_IN_IDENTIFIER, column.name(),
                        Map.of("column_zh", column.zh(), "column", column.name())));
                continue;
            }
            if (column.kind() == ColumnKind.FREE_TEXT) {
                if (freeText(column, text, violations)) {
                    // Written to be read by people: kept with its Chinese punctuation, only its spaces tidied.
                    values.put(column.field(), raw.strip().replaceAll("\\s+", " "));
                }
                continue;
            }
            try {
                CellReader.Cell cell = cells.read(column, text, storage.get(type).get(column.field()), refs, orgScope);
                qualifier = qualifier.weakest(cell.qualifier());
                if (cell.value() != null) {
                    values.put(column.field(), cell.value());
                }
                if (cell.value() instanceof LocalDate date) {
                    RecordRules.checkPeriodRule(column, date, sub.period(), violations);
                } else if (column.kind() == ColumnKind.PERIOD) {
                    RecordRules.checkPeriodRule(column, Period.parse((String) cell.value()), sub.period(), violations);
                    RecordRules.checkDueQuarter(column, Period.parse((String) cell.value()), sub.period(), violations);
                }
            } catch (RuntimeException e) {
                violations.add(refusal(column, text, e, null));
            }
        }
        for (Map.Entry<SourceColumn, String> later : unitLater.entrySet()) {
            SourceColumn column = later.getKey();
            try {
                CellReader.Cell cell = cells.countIn(column, later.getValue(), storage.get(type).get(column.field()),
                        column.unitBy().unitFor(values.get(column.unitBy().field())));
                qualifier = qualifier.weakest(cell.qualifier());
                values.put(column.field(), cell.value());
            } catch (RuntimeException e) {
                violations.add(refusal(column, later.getValue(), e, null));
            }
        }
        if (measureColumn != null) {
            CatalogueMeasure measure = values.get(measureColumn.field()) instanceof String id
                    ? (measureColumn.kind() == ColumnKind.INDICATOR ? indicators.find(id).orElse(null)
                            : catalog.targetKpis().find(id).orElse(null))
                    : null;
            qualifier = qualifier.weakest(measuredValue(type, measure, values, valueColumn, valueText, unitText, violations));
        }
        for (SourceColumn column : catalog.columns(type)) {
            if (values.containsKey(column.field()) || column.kind() == ColumnKind.QUALIFIER || column.kind() == ColumnKind.UNIT) {
                continue;
            }
            if (column.defaultValue() != null) {
                values.put(column.field(), column.defaultValue());
            } else if (column.required() && violations.stream().noneMatch(v -> column.name().equals(v.column()))) {
                violations.add(Violation.of(QuarantineCode.MISSING_VALUE, column.name(), Map.of("column_zh", column.zh(), "column", column.name())));
            }
        }
        Set<String> failed = new HashSet<>();
        for (Violation v : violations) {
            catalog.columns(type).stream().filter(c -> c.name().equals(v.column())).forEach(c -> failed.add(c.field()));
        }
        rules.check(sub, values, failed, refs, violations);
        if (!violations.isEmpty()) {
            return new RowResult.Rejected(violations);
        }
        return new RowResult.Accepted(new ValidatedRow(values, qualifier, extras));
    }

    /**
     * Free text is kept as written and shown to others: it is refused when longer than its column's {@code max}
     * characters, or when it holds what looks like an ID-card or mobile phone number (the message never quotes it).
     */
    private static boolean freeText(SourceColumn column, String text, List<Violation> violations) {
        int length = text.codePointCount(0, text.length());
        if (column.max() != null && length > column.max().intValue()) {
            violations.add(Violation.of(QuarantineCode.VALUE_TOO_LONG, column.name(),
                    Map.of("column_zh", column.zh(), "column", column.name(), "length", length, "limit", column.max().intValue())));
            return false;
        }
        if (PersonalDataMasker.containsIdOrMobileNumber(text)) {
            violations.add(Violation.of(QuarantineCode.PERSONAL_DATA_IN_TEXT, column.name(),
                    Map.of("column_zh", column.zh(), "column", column.name())));
            return false;
        }
        return true;
    }

    /**
     * A cell is read only when it is short enough and holds no control characters and nothing that was not
     * valid text; otherwise its refusal is added.
     */
    private boolean safe(SourceColumn column, String header, String raw, List<Violation> violations) {
        String name = column != null ? column.name() : echo(header);
        String zh = column != null ? column.zh() : echo(header);
        if (raw.length() > limits.maxCellLength()) {
            int length = raw.codePointCount(0, raw.length());
            if (length > limits.maxCellLength()) {
                violations.add(Violation.of(QuarantineCode.VALUE_TOO_LONG, name,
                        Map.of("column_zh", zh, "column", name, "length", length, "limit", limits.maxCellLength())));
                return false;
            }
        }
        if (TextHazards.firstControl(raw) >= 0) {
            violations.add(Violation.of(QuarantineCode.CONTROL_CHARACTER, name, Map.of("column_zh", zh, "column", name)));
            return false;
        }
        if (TextHazards.isDamaged(raw)) {
            violations.add(Violation.of(QuarantineCode.BAD_ENCODING, name, Map.of()));
            return false;
        }
        return true;
    }

    /**
     * Reads the value of an indicator report (or a target) against its indicator's (or KPI's) unit and the row's
     * 单位: a unit written with the value must be the indicator's ({@code 5000余名} for persons), a scaled unit column
     * (万元, 亿元) scales a bare number, and a row that states its scale twice ({@code 1.5万} with 万元) is
     * refused rather than guessed. A rate written as a percentage ({@code 92%}, or 单位 %) is stored as a fraction.
     * Stores the catalogue's unit code.
     *
     * @param indicator the indicator or KPI the row names, or null when it names none that is known (already reported)
     * @return the qualifier the value carried
     */
    private Qualifier measuredValue(RecordType type, CatalogueMeasure indicator, Map<String, Object> values, SourceColumn valueColumn,
            String valueText, String unitText, List<Violation> violations) {
        BigDecimal factor = BigDecimal.ONE;
        if (indicator != null) {
            values.put("unit", indicator.unit());
            if (unitText != null) {
                BigDecimal f = Indicators.unitFactor(indicator, unitText).orElse(null);
                if (f == null) {
                    violations.add(unitMismatch("unit", unitText, indicator));
                } else {
                    factor = f;
                }
            }
        }
        if (valueColumn == null) {
            return Qualifier.EXACT;
        }
        StorageRange range = storage.get(type).get(valueColumn.field());
        try {
            WrittenNumber written = ChineseNumberParser.read(valueText, limits.maxDigits());
            if (indicator == null) {
                // Unknown or missing indicator (already reported): the unit cannot be judged, the number can.
                if (written.hasUnit() && !Unit.isUnitWord(written.unit())) {
                    written.bare();
                }
                values.put(valueColumn.field(), CellReader.storableAmount(valueColumn.zh(), valueColumn.name(), valueColumn,
                        range, written.value(), valueText));
                return written.qualifier();
            }
            QualifiedNumber number = written.in(indicator.measure());
            BigDecimal value = number.value();
            if (factor.compareTo(BigDecimal.ONE) != 0) {
                if (written.hasUnit() || written.scaled()) {
                    violations.add(Violation.of(QuarantineCode.UNIT_MISMATCH, valueColumn.name(), Map.of(
                            "unit", written.writtenUnit(), "indicator_zh", indicator.zhName(), "indicator_unit_zh", unitText,
                            "indicator", indicator.id(), "indicator_unit", unitText)));
                    return number.qualifier();
                }
                value = value.multiply(factor);
            }
            if (indicator.percent() && (written.hasUnit() || unitText != null)) {
                value = value.movePointLeft(2);
            }
            values.put(valueColumn.field(), CellReader.storableAmount(valueColumn.zh(), valueColumn.name(), valueColumn,
                    range, value, valueText + (factor.compareTo(BigDecimal.ONE) != 0 ? " " + unitText : "")));
            return number.qualifier();
        } catch (UnitMismatchException e) {
            violations.add(unitMismatch(valueColumn.name(), e.written(), indicator));
        } catch (RuntimeException e) {
            violations.add(refusal(valueColumn, valueText, e, indicator));
        }
        return Qualifier.EXACT;
    }

    private static Violation unitMismatch(String column, String written, CatalogueMeasure indicator) {
        return Violation.of(QuarantineCode.UNIT_MISMATCH, column, Map.of("unit", echo(written),
                "indicator_zh", String.valueOf(indicator.zhName()), "indicator_unit_zh", String.valueOf(indicator.unitZh()),
                "indicator", indicator.id(), "indicator_unit", String.valueOf(indicator.unit())));
    }

    /** The violation for a cell its reader refused; anything unexpected is a refusal of the row, never of the file. */
    private static Violation refusal(SourceColumn column, String text, RuntimeException e, CatalogueMeasure indicator) {
        if (e instanceof UnitMismatchException u) {
            if (indicator != null) {
                return unitMismatch(column.name(), u.written(), indicator);
            }
            return Violation.of(QuarantineCode.UNIT_MISMATCH, column.name(), Map.of("unit", echo(u.written()),
                    "indicator_zh", column.zh(), "indicator_unit_zh", u.expected().zh(), "indicator", column.name(),
                    "indicator_unit", u.expected().code()));
        }
        if (e instanceof BadQualifierException q) {
            return Violation.detail(QuarantineCode.BAD_QUALIFIER, column.name(), q.messageZh(), q.messageEn());
        }
        if (e instanceof UntargetableKpiException k) {
            return Violation.detail(QuarantineCode.KPI_NOT_TARGETABLE, column.name(), k.messageZh(), k.messageEn());
        }
        if (e instanceof OutOfRangeException r) {
            return Violation.detail(QuarantineCode.OUT_OF_RANGE, column.name(), r.messageZh(), r.messageEn());
        }
        if (e instanceof ValueFormatException f) {
            return Violation.detail(errorCode(column), column.name(), f.messageZh(), f.messageEn());
        }
        if (e instanceof ArithmeticException) {
            return Violation.of(QuarantineCode.WHOLE_NUMBER_REQUIRED, column.name(),
                    Map.of("column_zh", column.zh(), "column", column.name(), "value", echo(text)));
        }
        return Violation.detail(QuarantineCode.BAD_VALUE, column.name(),
                column.zh() + "「" + echo(text) + "」无法读取（" + e.getClass().getSimpleName() + "）",
                column.name() + " '" + echo(text) + "' could not be read (" + e.getClass().getSimpleName() + ")");
    }

    /** Pseudonyms of union-issued ids are scoped by county: two counties may both have a member M0001. */
    private static String orgScope(HeaderMapper.Mapping mapping, List<String> row) {
        for (int i = 0; i < mapping.columns().size(); i++) {
            SourceColumn c = mapping.columns().get(i);
            if (c != null && (c.kind() == ColumnKind.ORG_CODE || c.kind() == ColumnKind.ORG_CODE_DECLARED) && i < row.size()) {
                String code = TextNormalizer.normalize(row.get(i));
                if (code != null && code.length() >= 6) {
                    return code.substring(0, 6);
                }
            }
        }
        return "";
    }

    private static QuarantineCode errorCode(SourceColumn column) {
        return switch (column.kind()) {
            case DATE -> QuarantineCode.BAD_DATE;
            case COUNT, AMOUNT, BIRTH_YEAR -> QuarantineCode.BAD_NUMBER;
            case ENUM -> QuarantineCode.BAD_LABEL;
            case ORG_CODE -> QuarantineCode.UNKNOWN_ORG;
            case ORG_CODE_DECLARED -> QuarantineCode.BAD_ORG_CODE;
            case REGION_CODE -> QuarantineCode.UNKNOWN_REGION;
            case CREDIT_CODE -> QuarantineCode.BAD_CREDIT_CODE;
            case COMPETITION_ID -> QuarantineCode.UNKNOWN_COMPETITION;
            case INDICATOR -> QuarantineCode.UNKNOWN_INDICATOR;
            case KPI -> QuarantineCode.UNKNOWN_KPI;
            case PERIOD -> QuarantineCode.BAD_PERIOD;
            case LETTER_ITEM -> QuarantineCode.UNKNOWN_LETTER_ITEM;
            case QUALIFIER -> QuarantineCode.BAD_QUALIFIER;
            default -> QuarantineCode.BAD_VALUE;
        };
    }
}
