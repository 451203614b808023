package org.unionstats.cli.kpi;

import java.util.List;
import java.util.stream.Collectors;
import org.unionstats.files.FileTrees;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * Every KPI value of a local warehouse in long form, as DuckDB SQL: the regional federations' {@code kpi_values} and the
 * basic-level unions' compact {@code kpi_basic_unions} unnested (as the Trino view {@code kpi.kpi_values} does).
 * Columns {@code org_code, org_level, period_type, kpi_id, breakdown, value, qualifier, period}.
 */
public final class KpiValueRows {

    private KpiValueRows() {}

    public static String select(WarehouseLayout warehouse, KpiCatalogue catalogue) {
        String regional = "SELECT org_code, org_level, period_type, kpi_id, breakdown, value, qualifier, period FROM "
                + files(warehouse, "kpi_values");
        if (!FileTrees.hasParquetFiles(warehouse.localTable("kpi_basic_unions"))) {
            return regional;
        }
        List<String> ids = catalogue.all().stream().map(KpiDefinition::id).toList();
        String unnest = "UNNEST([" + ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(", ")) + "]) AS kpi_id, "
                + "UNNEST([" + String.join(", ", ids) + "]) AS value, "
                + "UNNEST([" + ids.stream().map(id -> id + TableCatalog.QUALIFIER_SUFFIX).collect(Collectors.joining(", ")) + "]) AS qualifier";
        return regional + " UNION ALL SELECT org_code, 'basic', period_type, kpi_id, '', value, qualifier, period FROM (SELECT org_code,"
                + " period_type, period, " + unnest + " FROM " + files(warehouse, "kpi_basic_unions") + ") WHERE value IS NOT NULL";
    }

    private static String files(WarehouseLayout warehouse, String table) {
        return "read_parquet('" + warehouse.tableFilesGlob(table).replace("'", "''")
                + "', hive_partitioning = true, hive_types = {'period': VARCHAR})";
    }
}
