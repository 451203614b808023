package org.unionstats.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.unionstats.warehouse.tables.TableCatalog;

class WarehouseLayoutTest {

    private final WarehouseLayout layout = new WarehouseLayout("/data/warehouse/");

    @Test
    void tablesArePartitionedByPeriodHiveStyle() {
        assertThat(layout.root()).isEqualTo("/data/warehouse");
        assertThat(layout.partition("member_events", "2024Q3")).isEqualTo("/data/warehouse/member_events/period=2024Q3");
        assertThat(layout.tableFilesGlob("quarantine")).isEqualTo("/data/warehouse/quarantine/period=*/*.parquet");
        assertThat(WarehouseLayout.partitionFile("2024Q3", "part")).isEqualTo("period=2024Q3/part");
        assertThat(layout.localPartition("kpi_values", "2024")).isEqualTo(Path.of("/data/warehouse/kpi_values/period=2024"));
    }

    @Test
    void aTablesFilesAreGlobbedOneLevelPerPartitionColumn() {
        TableCatalog catalog = TableCatalog.load();
        assertThat(layout.tableFilesGlob(catalog.table("kpi_values"))).isEqualTo("/data/warehouse/kpi_values/period=*/family=*/*.parquet");
        assertThat(layout.tableFilesGlob(catalog.table("quarantine"))).isEqualTo(layout.tableFilesGlob("quarantine"));
        assertThat(layout.tableFilesGlob(catalog.table("dim_orgs"))).isEqualTo("/data/warehouse/dim_orgs/*.parquet");
    }

    @Test
    void partitionFolderNamesGiveTheirPeriodBack() {
        assertThat(WarehouseLayout.periodOf(WarehouseLayout.partitionName("2024-07"))).contains("2024-07");
        assertThat(WarehouseLayout.periodOf("_staging")).isEmpty();
    }

    @Test
    void stagingAndBookkeepingAreHiddenFromReaders() {
        assertThat(layout.stagedPartition("r1", "member_events", "2024Q3"))
                .isEqualTo("/data/warehouse/_staging/r1/member_events/period=2024Q3");
        assertThat(layout.journal("r1")).isEqualTo("/data/warehouse/_publish/r1.json");
        assertThat(layout.kpiState().getFileName().toString()).startsWith("_");
        assertThat(layout.lock().getFileName().toString()).startsWith("_");
        assertThat(layout.kpiScratch("measures")).isEqualTo("/data/warehouse/_kpi_scratch/measures");
        assertThat(layout.noData()).isEqualTo(Path.of("/data/warehouse/_no_data"));
        assertThat(WarehouseLayout.isHidden(layout.noData().getFileName().toString())).isTrue();
        assertThat(WarehouseLayout.isHidden("_staging")).isTrue();
        assertThat(WarehouseLayout.isHidden("member_events")).isFalse();
    }

    @Test
    void issuedLettersAreArchivedByCodesAndEditionOutOfTheReadersWay() {
        assertThat(layout.archivedLetter("130300", "2024Q3", "2024Q3-130302", 2))
                .isEqualTo(Path.of("/data/warehouse/_letters/130300/2024Q3/2024Q3-130302-2.pdf"));
        assertThat(WarehouseLayout.isHidden(layout.letterArchive().getFileName().toString())).isTrue();
        assertThat(WarehouseLayout.archivedLetterPath("' || city_code || '", "2024Q3", "x", "1")).isEqualTo("' || city_code || '/2024Q3/x-1.pdf");
    }

    @Test
    void objectStoreRootsKeepTheirScheme() {
        assertThat(new WarehouseLayout("gs://bucket/wh").partition("quarantine", "unknown"))
                .isEqualTo("gs://bucket/wh/quarantine/period=unknown");
    }
}
