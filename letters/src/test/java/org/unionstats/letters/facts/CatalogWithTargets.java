package org.unionstats.letters.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;
import org.unionstats.warehouse.tables.Writer;

/**
 * The table catalogue with kpi_targets declared, as the KPI job's targets declare it, for the fixture's targets; and
 * without it, as a warehouse of a catalogue before targets.
 */
public final class CatalogWithTargets {

    private CatalogWithTargets() {}

    public static TableCatalog withoutTargets() {
        TableCatalog base = TableCatalog.load();
        List<TableSpec> tables = base.tables().stream().filter(t -> !t.folder().equals(WarehouseTables.TARGETS)).toList();
        return new TableCatalog(base.catalog(), base.schemas(), base.glossary(), tables, base.views());
    }

    public static TableCatalog load() {
        TableCatalog base = TableCatalog.load();
        if (base.tables().stream().anyMatch(t -> t.folder().equals(WarehouseTables.TARGETS))) {
            return base;
        }
        List<TableSpec> tables = new ArrayList<>(base.tables());
        tables.add(new TableSpec(WarehouseTables.TARGETS, Writer.KPI, "kpi", WarehouseTables.TARGETS, "目标任务与完成情况 / Targets and attainment",
                null, null, Map.of()));
        return new TableCatalog(base.catalog(), base.schemas(), base.glossary(), tables, base.views());
    }
}
