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
 * @param periodRule how a date relates to the submission's period: inside, not_after_end, or null
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
        boolean personal)
        implements Serializable {

    public SourceColumn {
        aliases = List.copyOf(aliases);
        labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
    }

    private static final Unit PERSONS = Unit.of("persons", "人");
    private static final Unit ITEMS = Unit.of("items", "项");
    private static final Unit CNY = Unit.of("CNY", "元");

    /**
     * What the column counts in, so that its values may carry the unit ({@code 5000余人}, {@code 1.2万元}):
     * an amount in 元 (its field ends in {@code _cny} or its header says 元), a count of people (the header
     * says 人数 or 人口), a count of items (项目数). Null for every other column: a birth year, and the value
     * of an indicator report, whose unit is the indicator's. The {@code x-source} declares no unit, so it is
     * read from the names the contract gives the column.
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
