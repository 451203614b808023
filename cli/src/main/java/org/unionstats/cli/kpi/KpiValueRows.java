package org.unionstats.cli.kpi;

import java.util.List;
import java.util.stream.Collectors;
import org.unionstats.files.FileTrees;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;

/**
 * Every KPI value of a local warehouse in long form, as DuckDB SQL: the regional federations' {@code kpi_values} and the
 * basic-level unions' rows of the family tables ({@code kpi_membership}, ...) unnested (as the Trino view
 * {@code kpi.kpi_values} does). Columns {@code org_code, org_level, period_type, kpi_id, breakdown, value, qualifier, period}.
 */
public final class KpiValueRows {

    private KpiValueRows() {}

    public static String select(WarehouseLayout warehouse, KpiCatalogue catalogue) {
        TableCatalog tables = TableCatalog.load(catalogue);
        StringBuilder sql = new StringBuilder("SELECT org_code, org_level, period_type, kpi_id, breakdown, value, qualifier, period FROM ")
                .append(files(warehouse, tables.table("kpi_values")));
        for (TableSpec table : tables.tables()) {
            if (table.kpiFamily() == null || !FileTrees.hasParquetFiles(warehouse.localTable(table.folder()))) {
                continue;
            }
            List<String> ids = catalogue.family(table.kpiFamily()).kpis().stream().map(KpiDefinition::id).toList();
            String unnest = "UNNEST([" + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + "]) AS kpi_id, "
                    + "UNNEST([" + String.join(", ", ids) + "]) AS value, "
                    + "UNNEST([" + ids.stream().map(id -> id + TableCatalog.QUALIFIER_SUFFIX).collect(Collectors.joining(", ")) + "]) AS qualifier";
            sql.append(" UNION ALL SELECT org_code, 'basic', period_type, kpi_id, '', value, qualifier, period FROM (SELECT org_code,")
                    .append(" period_type, period, ").append(unnest).append(" FROM ").append(files(warehouse, table))
                    .append(" WHERE org_level = 'basic') WHERE value IS NOT NULL");
        }
        return sql.toString();
    }

    private static String files(WarehouseLayout warehouse, TableSpec table) {
        return "read_parquet('" + warehouse.tableFilesGlob(table).replace("'", "''")
                + "', hive_partitioning = true, hive_types = {'period': VARCHAR})";
    }
}
