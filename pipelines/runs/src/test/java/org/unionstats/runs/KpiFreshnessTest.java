package org.unionstats.runs;
import org.unionstats.warehouse.WarehouseLayout;

import org.unionstats.warehouse.receipts.Receipt;
import org.unionstats.warehouse.receipts.ReceiptStatus;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiFreshnessTest {

    @TempDir
    Path warehouse;

    private final List<Receipt> receipts = List.of(
            new Receipt("2024Q3", "a1", "130306/2024Q3/member_events.csv", "130306", ReceiptStatus.CURRENT, 10, 0),
            new Receipt("2024Q2", "b1", "130306/2024Q2/member_events.csv", "130306", ReceiptStatus.CURRENT, 10, 0),
            new Receipt("unknown", "c1", "130306/member_events.csv", null, ReceiptStatus.REFUSED, 1, 1));

    @Test
    void everyPeriodIsChangedBeforeTheFirstKpiRun() {
        assertThat(KpiFreshness.changedPeriods(warehouse, receipts)).containsExactly("2024Q2", "2024Q3");
    }

    @Test
    void upToDateWhenTheKpiStateHoldsTheSameReceipts() throws Exception {
        state("2024Q3|a1|130306/2024Q3/member_events.csv|current", "2024Q2|b1|130306/2024Q2/member_events.csv|current");
        assertThat(KpiFreshness.changedPeriods(warehouse, receipts)).isEmpty();
    }

    @Test
    void aNewReplacedOrRemovedReceiptMarksItsPeriod() throws Exception {
        state("2024Q3|a1|130306/2024Q3/member_events.csv|current", "2024Q2|b1|130306/2024Q2/member_events.csv|replaced",
                "2024Q1|z9|130306/2024Q1/member_events.csv|current");
        assertThat(KpiFreshness.changedPeriods(warehouse, receipts)).containsExactly("2024Q1", "2024Q2");
    }

    @Test
    void anUnreadableStateMeansTheKpiJobDecides() throws Exception {
        Files.writeString(WarehouseLayout.of(warehouse).kpiState(), "{not json");
        assertThat(KpiFreshness.changedPeriods(warehouse, receipts)).containsExactly("2024Q2", "2024Q3");
    }

    private void state(String... keys) throws Exception {
        StringBuilder json = new StringBuilder("{\"receipts\":[");
        for (int i = 0; i < keys.length; i++) {
            json.append(i == 0 ? "" : ",").append('"').append(keys[i]).append('"');
        }
        Files.writeString(WarehouseLayout.of(warehouse).kpiState(), json.append("]}"));
    }
}
