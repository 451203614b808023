package org.unionstats.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.warehouse.WarehouseLayout;

class RecoveryTest {

    @TempDir
    Path root;

    @Test
    void removesWhatAKilledKpiWriteLeftInTheTablesAndInTheRegionalKpisKeptForLaterRuns() throws Exception {
        Path published = Files.createDirectories(root.resolve("kpi_values/period=2024Q1"));
        Files.writeString(published.resolve("part-0.parquet"), "rows");
        Path tableStaging = Files.createDirectories(root.resolve("kpi_values/.spark-staging-1/period=2024Q2"));
        Path tableTemporary = Files.createDirectories(root.resolve("kpi_hardship/_temporary/0"));
        Path keptStaging = Files.createDirectories(root.resolve(WarehouseLayout.KPI_REGIONAL_WIDE + "/.spark-staging-2/period=2024Q2"));
        Path kept = Files.createDirectories(root.resolve(WarehouseLayout.KPI_REGIONAL_WIDE + "/period=2024Q1"));
        // The ingest's staging is the ingest's own to recover: left as it is.
        Path ingestStaging = Files.createDirectories(root.resolve("_staging/run-1/member_events/.spark-staging-3"));

        Recovery.clearSparkLeftovers(WarehouseLayout.of(root));

        assertThat(tableStaging.getParent()).doesNotExist();
        assertThat(tableTemporary.getParent()).doesNotExist();
        assertThat(keptStaging.getParent()).doesNotExist();
        assertThat(published.resolve("part-0.parquet")).exists();
        assertThat(kept).exists();
        assertThat(ingestStaging).exists();
    }
}
