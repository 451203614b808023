package org.unionstats.contract;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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

    /** The column's bilingual name for messages: {@code 变动类型 (event_type)}. */
    public String displayName() {
        return zh + " (" + name + ")";
    }
}
