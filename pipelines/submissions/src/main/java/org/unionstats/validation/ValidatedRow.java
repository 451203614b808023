package org.unionstats.validation;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.unionstats.values.Qualifier;

/**
 * A row that passed every rule: warehouse field name to typed value (String, Long, Integer,
 * BigDecimal or LocalDate; absent optional values are missing from the map).
 *
 * @param extras unknown extra columns, header to masked value
 */
public record ValidatedRow(Map<String, Object> values, Qualifier qualifier, Map<String, String> extras)
        implements Serializable {

    public ValidatedRow {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        extras = Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    }
}
