package org.unionstats.warehouse.tables;

import java.util.Map;

/**
 * A view for analysts.
 *
 * @param sql its SELECT
 * @param columns documented columns (name → comment) beyond the glossary
 */
public record ViewSpec(String schema, String name, String comment, String sql, Map<String, String> columns) {

    public String qualifiedName() {
        return schema + "." + name;
    }
}
