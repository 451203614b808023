package org.unionstats.warehouse.tables;

import java.util.List;
import java.util.Map;

/**
 * A view for analysts.
 *
 * @param sql its SELECT
 * @param requires the tables (schema.name) it reads
 * @param columns documented columns (name → comment) beyond the glossary
 */
public record ViewSpec(String schema, String name, String comment, String sql, List<String> requires, Map<String, String> columns) {

    public String qualifiedName() {
        return schema + "." + name;
    }
}
