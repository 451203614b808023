package org.unionstats.warehouse.receipts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.warehouse.WarehouseLayout;

class KpiStateTest {

    @TempDir
    Path warehouse;

    @Test
    void everyPeriodIsChangedBeforeTheFirstRun() {
        KpiState state = new KpiState(WarehouseLayout.of(warehouse));
        assertThat(state.saved()).isEmpty();
        assertThat(state.changedPeriods(Set.of(KpiState.key("2024Q3", "a", "f.csv", "current")), Function.identity()))
                .containsExactly("2024Q3");
    }

    @Test
    void aReplacedOrRemovedReceiptMarksItsPeriod() throws Exception {
        KpiState state = new KpiState(WarehouseLayout.of(warehouse));
        String q2 = KpiState.key("2024Q2", "b", "g.csv", ReceiptStatus.CURRENT.code());
        String q3 = KpiState.key("2024Q3", "a", "f.csv", ReceiptStatus.CURRENT.code());
        state.save(Set.of(q2, q3), "c1");
        assertThat(Files.readString(warehouse.resolve("_kpi_state.json"))).contains("2024Q2|b|g.csv|current");
        String q3Replaced = KpiState.key("2024Q3", "a", "f.csv", ReceiptStatus.REPLACED.code());
        assertThat(state.changedPeriods(Set.of(q2, q3Replaced), Function.identity())).containsExactly("2024Q3");
        assertThat(state.changedPeriods(Set.of(q3), Function.identity())).containsExactly("2024Q2");
        assertThat(state.changedPeriods(Set.of(q2, q3), Function.identity())).isEmpty();
    }

    @Test
    void aReplacementIsANewReceiptAndTheOneItReplacesIsGone() {
        KpiState state = new KpiState(WarehouseLayout.of(warehouse));
        String q2 = KpiState.key("2024Q2", "b", "130306/2024Q2/hardship_cases.csv", ReceiptStatus.CURRENT.code());
        String q3 = KpiState.key("2024Q3", "a", "130306/2024Q3/hardship_cases.csv", ReceiptStatus.CURRENT.code());
        state.save(Set.of(q2, q3), "c1");
        // 2024Q3 corrected: the first file is now replaced, and a second one (submission c) is current.
        String q3Replaced = KpiState.key("2024Q3", "a", "130306/2024Q3/hardship_cases.csv", ReceiptStatus.REPLACED.code());
        String q3Corrected = KpiState.key("2024Q3", "c", "130306/2024Q3/困难职工家庭档案.xlsx", ReceiptStatus.CURRENT.code());
        Set<String> now = Set.of(q2, q3Replaced, q3Corrected);
        assertThat(state.newReceipts(now)).containsExactlyInAnyOrder(q3Replaced, q3Corrected);
        assertThat(state.goneReceipts(now)).containsExactly(q3);
        assertThat(state.changedReceipts(now)).containsExactlyInAnyOrder(q3, q3Replaced, q3Corrected);
        assertThat(KpiState.submissionIdOf(q3Corrected)).isEqualTo("c");
        assertThat(KpiState.periodOf(q3Corrected)).isEqualTo("2024Q3");
        assertThat(KpiState.statusOf(q3Replaced)).isEqualTo("replaced");
        assertThat(KpiState.sourceFileOf(q3Corrected)).isEqualTo("130306/2024Q3/困难职工家庭档案.xlsx");
    }

    @Test
    void theCatalogueTheTablesWereComputedWithIsKept() {
        KpiState state = new KpiState(WarehouseLayout.of(warehouse));
        assertThat(state.catalogueChanged("c1")).as("nothing saved yet").isTrue();
        state.save(Set.of(KpiState.key("2024Q3", "a", "f.csv", "current")), "c1");
        assertThat(state.catalogueChanged("c1")).isFalse();
        assertThat(state.catalogueChanged("c2")).isTrue();
    }

    @Test
    void aStateWithoutACatalogueCountsAsAnotherCatalogue() throws Exception {
        Files.writeString(warehouse.resolve("_kpi_state.json"), "{\"receipts\":[\"2024Q3|a|f.csv|current\"]}");
        KpiState state = new KpiState(WarehouseLayout.of(warehouse));
        assertThat(state.saved()).hasValue(Set.of("2024Q3|a|f.csv|current"));
        assertThat(state.catalogueChanged("c1")).isTrue();
    }

    @Test
    void anUnreadableStateIsTreatedAsNone() throws Exception {
        Files.writeString(warehouse.resolve("_kpi_state.json"), "{not json");
        assertThat(new KpiState(WarehouseLayout.of(warehouse)).saved()).isEmpty();
    }
}
