package org.unionstats.letters.ledger;

import java.util.Optional;
import org.unionstats.letters.facts.WarehouseTables;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * The latest feedback on each item, as a DuckDB query ({@code item_id, status, text, period}): the feedback whose
 * submission was received last ({@code ingest_receipts.received_at}; a replaced submission's rows are gone, so its
 * replacement counts), then the later period and row. {@code kpi.ledger_items} decides the same way in Trino.
 */
public final class LatestFeedback {

    private LatestFeedback() {}

    public static String query(WarehouseTables tables) {
        Optional<String> feedback = tables.read(LedgerReader.FEEDBACK);
        if (feedback.isEmpty()) {
            return "SELECT NULL::VARCHAR AS item_id, NULL::VARCHAR AS status, NULL::VARCHAR AS text, NULL::VARCHAR AS period LIMIT 0";
        }
        String received = tables.read(WarehouseLayout.RECEIPTS)
                .map(r -> "(SELECT submission_id, max(received_at) AS received_at FROM " + r + " GROUP BY 1)")
                .orElse("(SELECT NULL::VARCHAR AS submission_id, NULL::TIMESTAMP AS received_at LIMIT 0)");
        return "SELECT f.item_id, f.status, f.text, f.period FROM " + feedback.get() + " f LEFT JOIN " + received + " r USING (submission_id)"
                + " QUALIFY row_number() OVER (PARTITION BY f.item_id ORDER BY r.received_at DESC NULLS LAST, f.period DESC,"
                + " f.source_row DESC) = 1";
    }
}
