package org.unionstats.runs;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.receipts.KpiState;
import org.unionstats.warehouse.receipts.Receipt;

/**
 * Whether the KPI tables already reflect the receipts, read from the KPI job's own state
 * ({@link KpiState}), so an unchanged run does not even start Spark. When the state cannot be read,
 * the KPI job decides.
 */
public final class KpiFreshness {

    private KpiFreshness() {}

    /**
     * The submission periods whose receipts differ from what the KPI tables reflect; every receipt
     * period when the KPI job never completed; empty when the KPI tables are up to date.
     */
    public static Set<String> changedPeriods(Path warehouse, Collection<Receipt> receipts) {
        Set<String> now = new HashSet<>();
        for (Receipt r : receipts) {
            if (!WarehouseLayout.UNKNOWN_PERIOD.equals(r.period())) {
                now.add(r.kpiStateKey());
            }
        }
        return new KpiState(WarehouseLayout.of(warehouse)).changedPeriods(now, KpiFreshness::order);
    }

    private static String order(String period) {
        try {
            Period p = Period.parse(period);
            return p.start() + "|" + (10 + p.type().months());
        } catch (IllegalArgumentException e) {
            return "~" + period;
        }
    }
}
