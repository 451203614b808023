package org.unionstats.serving.publish;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A table exactly as it is registered in Trino: external Parquet at a location, optionally partitioned (by period, and
 * within it by the catalogue's further partition columns).
 *
 * @param partitionedBy its partition columns, outermost first; none when written whole
 */
public record TableDefinition(String catalog, String schema, String name, String comment, String location, List<Column> columns,
        List<String> partitionedBy) {

    public TableDefinition {
        partitionedBy = List.copyOf(partitionedBy);
    }

    public boolean partitioned() {
        return !partitionedBy.isEmpty();
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    /** CREATE TABLE in the layout SHOW CREATE TABLE prints, so an unchanged table can be recognised. */
    public String ddl(String tableName) {
        String cols = columns.stream()
                .map(c -> "   " + quote(c.name()) + " " + c.type() + (c.comment() == null ? "" : " COMMENT " + literal(c.comment())))
                .collect(Collectors.joining(",\n"));
        return "CREATE TABLE " + catalog + "." + schema + "." + tableName + " (\n" + cols + "\n)\n"
                + "COMMENT " + literal(comment) + "\n"
                + "WITH (\n"
                + "   external_location = " + literal(location) + ",\n"
                + "   format = 'PARQUET'" + (partitioned() ? ",\n   partitioned_by = ARRAY[" + partitionedBy.stream().map(TableDefinition::literal)
                        .collect(Collectors.joining(",")) + "]" : "") + "\n"
                + ")";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** Identifiers as Trino prints them: plain when they can be, double-quoted otherwise. */
    static String quote(String identifier) {
        return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
