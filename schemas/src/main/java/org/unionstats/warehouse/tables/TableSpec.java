package org.unionstats.warehouse.tables;

import java.util.Map;

/**
 * One warehouse folder to publish, from schemas/trino/tables.yaml.
 *
 * @param writer the job that writes it
 * @param avro the Avro schema whose docs describe it, or null
 * @param kpiFamily the KPI family whose catalogue describes its KPI columns, or null
 * @param columns documented columns (name → comment), in order
 * @param columnTypes the type of each documented column ({@link ColumnTypes}), in the same order: from the Avro schema,
 *     the KPI catalogue or {@code column_types:}
 * @param partitioned whether its files are in {@code period=…} folders (a dimension written whole is not)
 */
public record TableSpec(String folder, Writer writer, String schema, String name, String comment, String avro, String kpiFamily,
        Map<String, String> columns, Map<String, String> columnTypes, boolean partitioned) {}
