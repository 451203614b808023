package org.unionstats.validation;

import org.unionstats.warehouse.quarantine.QuarantineCode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.unionstats.contract.ColumnKind;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.contract.HeaderMapper;
import org.unionstats.contract.Indicator;
import org.unionstats.contract.Indicators;
import org.unionstats.contract.RecordType;
import org.unionstats.contract.SourceColumn;
import org.unionstats.privacy.PersonalDataMasker;
import org.unionstats.privacy.Pseudonymizer;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.submission.SubmissionPath;
import org.unionstats.text.TextNormalizer;
import org.unionstats.values.Qualifier;
import org.unionstats.values.ValueFormatException;

/**
 * Checks one row of a submission against the contract and turns it into typed warehouse
 * values, pseudonymising personal ids on the way. Every problem in the row is reported, not
 * just the first, so a clerk can fix the row in one pass.
 */
public final class RowValidator implements Serializable {

    private final ContractCatalog catalog;
    private final Indicators indicators;
    private final CellReader cells;
    private final RecordRules rules;

    public RowValidator(ContractCatalog catalog, RegionDirectory regions, Indicators indicators, Pseudonymizer pseudonymizer) {
        this.catalog = catalog;
        this.indicators = indicators;
        this.cells = new CellReader(regions, indicators, pseudonymizer);
        this.rules = new RecordRules(regions);
    }

    /** Required columns the header row lacks; a file missing one is refused as a whole. */
    public List<SourceColumn> missingColumns(RecordType type, HeaderMapper.Mapping mapping) {
        return catalog.columns(type).stream().filter(c -> c.required() && !mapping.has(c)).toList();
    }

    public RowResult validate(SubmissionPath sub, HeaderMapper.Mapping mapping, List<String> row, ReferenceCodes refs) {
        List<Violation> violations = new ArrayList<>();
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> extras = new LinkedHashMap<>();
        Qualifier qualifier = Qualifier.EXACT;
        String orgScope = orgScope(mapping, row);
        String unitText = null;

        for (int i = 0; i < mapping.columns().size(); i++) {
            SourceColumn column = mapping.columns().get(i);
            String text = i < row.size() ? TextNormalizer.normalize(row.get(i)) : null;
            if (column == null) {
                if (text != null && !text.isEmpty()) {
                    extras.put(mapping.headers().get(i), PersonalDataMasker.maskCell(mapping.headers().get(i), text, false));
                }
                continue;
            }
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (column.kind() == ColumnKind.UNIT) {
                unitText = text;
            }
            try {
                CellReader.Cell cell = cells.read(column, text, refs, orgScope);
                qualifier = qualifier.weakest(cell.qualifier());
                if (cell.value() != null) {
                    values.put(column.field(), cell.value());
                }
                if (cell.value() instanceof LocalDate date) {
                    RecordRules.checkPeriodRule(column.periodRule(), column.name(), date, sub.period(), violations);
                }
            } catch (OutOfRangeException e) {
                violations.add(Violation.detail(QuarantineCode.OUT_OF_RANGE, column.name(), e.messageZh(), e.messageEn()));
            } catch (ValueFormatException e) {
                violations.add(Violation.detail(errorCode(column), column.name(), e.messageZh(), e.messageEn()));
            } catch (ArithmeticException e) {
                violations.add(Violation.of(QuarantineCode.WHOLE_NUMBER_REQUIRED, column.name(),
                        Map.of("column_zh", column.zh(), "column", column.name(), "value", text)));
            }
        }
        for (SourceColumn column : catalog.columns(sub.recordType())) {
            if (values.containsKey(column.field()) || column.kind() == ColumnKind.QUALIFIER || column.kind() == ColumnKind.UNIT) {
                continue;
            }
            if (column.defaultValue() != null) {
                values.put(column.field(), column.defaultValue());
            } else if (column.required() && violations.stream().noneMatch(v -> column.name().equals(v.column()))) {
                violations.add(Violation.of(QuarantineCode.MISSING_VALUE, column.name(), Map.of("column_zh", column.zh(), "column", column.name())));
            }
        }
        if (sub.recordType() == RecordType.INDICATOR_REPORTS && values.containsKey("indicator_id")) {
            unit(values, unitText, violations);
        }
        java.util.Set<String> failed = new java.util.HashSet<>();
        for (Violation v : violations) {
            catalog.columns(sub.recordType()).stream().filter(c -> c.name().equals(v.column())).forEach(c -> failed.add(c.field()));
        }
        rules.check(sub, values, failed, violations);
        if (!violations.isEmpty()) {
            return new RowResult.Rejected(violations);
        }
        return new RowResult.Accepted(new ValidatedRow(values, qualifier, extras));
    }

    /** Reads the unit against the catalogue, scales 万元 to 元, and stores the catalogue's unit code. */
    private void unit(Map<String, Object> values, String unitText, List<Violation> violations) {
        Indicator indicator = indicators.find((String) values.get("indicator_id")).orElseThrow();
        if (unitText == null) {
            values.put("unit", indicator.unit());
            return;
        }
        Indicators.unitFactor(indicator, unitText).ifPresentOrElse(factor -> {
            values.put("unit", indicator.unit());
            if (values.get("value") instanceof BigDecimal v && factor.compareTo(BigDecimal.ONE) != 0) {
                BigDecimal scaled = v.multiply(factor);
                try {
                    CellReader.checkStorable("数值", "value", scaled, v.toPlainString() + " " + unitText);
                    values.put("value", scaled);
                } catch (OutOfRangeException e) {
                    violations.add(Violation.detail(QuarantineCode.OUT_OF_RANGE, "value", e.messageZh(), e.messageEn()));
                }
            }
        }, () -> violations.add(Violation.of(QuarantineCode.UNIT_MISMATCH, "unit", Map.of("unit", String.valueOf(unitText), "indicator_zh", String.valueOf(indicator.zhName()),
                "indicator_unit_zh", String.valueOf(indicator.unitZh()), "indicator", indicator.id(), "indicator_unit", String.valueOf(indicator.unit())))));
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
            case QUALIFIER -> QuarantineCode.BAD_QUALIFIER;
            default -> QuarantineCode.BAD_VALUE;
        };
    }
}
