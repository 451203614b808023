package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.warehouse.receipts.ReceiptStatus;

class RunPipelineTest {

    @Test
    void theKpiTablesARunWroteAreTheFoldersTheCatalogueGivesTheKpiJob() {
        RunRecord kpiRun = RunHistoryTest.record("a", RunStatus.SUCCESS, Instant.now());
        assertThat(RunPipeline.outputTables(null, kpiRun)).containsExactlyInAnyOrder("kpi_values", "kpi_membership", "kpi_hardship",
                "kpi_competitions", "kpi_indicators", "reporting_completeness", "dq_findings", "county_scorecard", "kpi_targets", "dim_orgs",
                "dim_kpis", "dim_periods", "org_ancestors");
    }

    @Test
    void anIngestWroteTheRecordTablesOfItsFilesTheReceiptsAndTheQuarantine() {
        IngestSummary.FileReceipt file = new IngestSummary.FileReceipt("130306/2024Q3/member_events.csv", "130306", "2024Q3",
                "member_events", "csv", 10, 9, 0, 1, ReceiptStatus.CURRENT, null);
        IngestSummary summary = new IngestSummary("i1", List.of(file), 0, new IngestSummary.Totals(1, 10, 9, 0, 1, 0, 0));
        RunRecord ingestOnly = new RunRecord("r", "run", "", "2024Q3", null, Instant.now(), Instant.now(), RunStatus.SUCCESS, 0, "i1",
                1L, 0L, 10L, 9L, 0L, 1L, null, null, null, null, "h", 1);
        assertThat(RunPipeline.outputTables(summary, ingestOnly)).containsExactly("ingest_receipts", "member_events", "quarantine");
        assertThat(RunPipeline.outputTables(null, ingestOnly)).isEmpty();
    }
}
