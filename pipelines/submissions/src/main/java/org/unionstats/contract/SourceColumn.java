package org.unionstats.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.unionstats.values.Unit;

/**
 * One column of the submission contract, as the {@code x-source} property of a warehouse
 * schema field declares it.
 *
 * @param name the English header (also the JSON Lines key)
 * @param zh the Chinese header
 * @param field the warehouse field it fills (differs from {@code name} for pseudonymised ids)
 * @param labels Chinese label to English code, for enumerations; empty otherwise
 * @param periodRule how a date relates to the submission's period: {@code inside}, {@code not_after_end},
 *     {@code month_end_not_after_end} (the last day of a month, not after the period's end); for a period column,
 *     {@code ends_on_or_after_start} (not ended before the submission's period begins) or {@code quarter_not_before}
 *     (a quarter, the submission's or a later one); or null
 * @param unitBy for a count whose unit depends on another column of the row (the value of a balance counts
 *     persons or households by its {@code balance_type}), that column and the unit of each of its codes; null
 *     otherwise
 */
public record SourceColumn(
        String name,
        String zh,
        String field,
        ColumnKind kind,
        boolean required,
        List<String> aliases,
        Map<String, String> labels,
        String defaultValue,
        BigDecimal min,
        BigDecimal max,
        String periodRule,
        boolean personal,
        UnitBy unitBy)
        implements Serializable {

    /** The period rules a date column may declare. */
    public static final List<String> PERIOD_RULES = List.of("inside", "not_after_end", "month_end_not_after_end",
            "ends_on_or_after_start", "quarter_not_before");

    public SourceColumn {
        aliases = List.copyOf(aliases);
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        if (periodRule != null && !PERIOD_RULES.contains(periodRule)) {
            throw new IllegalArgumentException("column " + name + ": unknown period_rule '" + periodRule + "', expected one of " + PERIOD_RULES);
        }
    }

    /** A column without a unit that depends on another column. */
    public SourceColumn(String name, String zh, String field, ColumnKind kind, boolean required, List<String> aliases,
            Map<String, String> labels, String defaultValue, BigDecimal min, BigDecimal max, String periodRule, boolean personal) {
        this(name, zh, field, kind, required, aliases, labels, defaultValue, min, max, periodRule, personal, null);
    }

    /**
     * The unit of a count that another column of the row decides ({@code x-source.unit_by}).
     *
     * @param field the warehouse field of the deciding column (an enumeration)
     * @param units the deciding column's code to the unit the count is in
     */
    public record UnitBy(String field, Map<String, Unit> units) implements Serializable {

        public UnitBy {
            units = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(units));
        }

        /** The unit for the deciding column's code, or null when the code has none (or is unknown). */
        public Unit unitFor(Object code) {
            return code == null ? null : units.get(code.toString());
        }
    }

    private static final Unit PERSONS = Unit.of("persons", "人");
    private static final Unit ITEMS = Unit.of("items", "项");
    private static final Unit CNY = Unit.of("CNY", "元");

    /**
     * What the column counts in, so that its values may carry the unit ({@code 5000余人}, {@code 1.2万元}):
     * an amount in 元 (its field ends in {@code _cny} or its header says 元), a count of people (the header
     * says 人数 or 人口), a count of items (项目数). Null for every other column: a birth year, and the value
     * of an indicator report, whose unit is the indicator's. The {@code x-source} declares no unit, so it is
     * read from the names the contract gives the column. A count whose unit another column decides
     * ({@link #unitBy}) has none here: its unit is known once the row is read.
     */
    public Unit unit() {
        if (kind == ColumnKind.AMOUNT && (field.endsWith("_cny") || zh.contains("元"))) {
            return CNY;
        }
        if (kind == ColumnKind.COUNT) {
            if (zh.contains("人数") || zh.contains("人口")) {
                return PERSONS;
            }
            if (zh.contains("项目数") || zh.endsWith("项数")) {
                return ITEMS;
            }
        }
        return null;
    }

    /** The column's bilingual name for messages: {@code 变动类型 (event_type)}. */
    public String displayName() {
        return zh + " (" + name + ")";
    }
}
