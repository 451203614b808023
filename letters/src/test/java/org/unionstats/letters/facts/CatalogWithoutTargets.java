package org.unionstats.letters.facts;

import java.util.List;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;

/** The table catalogue without kpi_targets: a deployment whose catalogue does not declare the targets table. */
public final class CatalogWithoutTargets {

    private CatalogWithoutTargets() {}

    public static TableCatalog load() {
        TableCatalog base = TableCatalog.load();
        List<TableSpec> tables = base.tables().stream().filter(t -> !t.folder().equals(WarehouseTables.TARGETS)).toList();
        return new TableCatalog(base.catalog(), base.schemas(), base.glossary(), tables, base.views());
    }
}
