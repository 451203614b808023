package org.unionstats.kpi.engine;

import static org.apache.spark.sql.functions.col;

import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.receipts.KpiState;
import org.unionstats.warehouse.receipts.ReceiptStatus;

/** The receipts of the ingest as the KPI state remembers them, to tell which submission periods changed. */
public final class CurrentReceipts {

    private CurrentReceipts() {}

    /** The {@link KpiState#key} of every receipt of a valid submission period. */
    public static Set<String> stateKeys(Dataset<Row> ingestReceipts) {
        Set<String> keys = new TreeSet<>();
        for (Row r : ingestReceipts.filter(col("period").notEqual(WarehouseLayout.UNKNOWN_PERIOD))
                .select("period", "submission_id", "source_file", "status").collectAsList()) {
            keys.add(KpiState.key(r.getString(0), r.getString(1), r.getString(2), ReceiptStatus.fromCode(r.getString(3)).code()));
        }
        return keys;
    }
}
