package org.unionstats.warehouse.tables;

import java.util.List;
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
 * @param partitionedBy the columns of its Hive-style partition folders, outermost first: {@code period}, then any
 *     within it ({@code period=…/family=…}); none for a table written whole (a dimension)
 */
public record TableSpec(String folder, Writer writer, String schema, String name, String comment, String avro, String kpiFamily,
        Map<String, String> columns, Map<String, String> columnTypes, List<String> partitionedBy) {

    public TableSpec {
        partitionedBy = List.copyOf(partitionedBy);
        if (!partitionedBy.isEmpty() && !partitionedBy.get(0).equals("period")) {
            throw new IllegalStateException("schemas/trino/tables.yaml: table " + schema + "." + name + " is partitioned by "
                    + partitionedBy + "; a partitioned table's outermost partition is period");
        }
    }

    /** Whether its files are in {@code period=…} folders (a dimension written whole is not). */
    public boolean partitioned() {
        return !partitionedBy.isEmpty();
    }
}
