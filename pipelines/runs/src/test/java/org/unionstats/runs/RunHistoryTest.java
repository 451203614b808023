package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunHistoryTest {

    @TempDir
    Path warehouse;

    static RunRecord record(String id, RunStatus status, Instant start) {
        return new RunRecord(id, "run", "--period 2024Q3", "2024Q3", null, start, start.plusSeconds(42), status, status.exitCode(),
                "ingest-" + id, 3L, 5L, 100L, 90L, 2L, 8L, 4, List.of("2024Q3", "2024H2", "2024", "2024-07"), false,
                status == RunStatus.FAILED ? "the KPI job failed" : null, "host", 123);
    }

    @Test
    void appendsOneParquetFilePerRunAndReadsThemBackInOrder() throws Exception {
        RunHistory history = new RunHistory(warehouse);
        Instant t = Instant.parse("2026-11-21T10:00:00Z");
        history.append(record("b", RunStatus.FAILED, t.plusSeconds(60)));
        history.append(record("a", RunStatus.SUCCESS, t));
        history.append(new LockHolder("c", 99, "h", "backfill --from 2024Q1 --to 2024Q2", t.plusSeconds(120).toString()).abandoned(
                t.plusSeconds(300)));

        List<RunRecord> runs = history.all();
        assertThat(runs).extracting(RunRecord::runId).containsExactly("a", "b", "c");
        assertThat(runs.get(0)).isEqualTo(record("a", RunStatus.SUCCESS, t));
        assertThat(runs.get(2).status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(runs.get(2).command()).isEqualTo("backfill");
        assertThat(runs.get(2).rowsRead()).isNull();
        assertThat(history.last(1)).extracting(RunRecord::runId).containsExactly("c");
        try (var files = Files.list(warehouse.resolve(RunHistory.TABLE))) {
            assertThat(files.map(f -> f.getFileName().toString())).allMatch(n -> n.startsWith("run-") && n.endsWith(".parquet"));
        }
    }

    @Test
    void anyParquetReaderSeesTheTable() throws Exception {
        new RunHistory(warehouse).append(record("a", RunStatus.SUCCESS, Instant.parse("2026-11-21T10:00:00Z")));
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select status, rows_quarantined, kpi_periods_written, started_at from read_parquet('"
                        + warehouse.resolve("pipeline_runs") + "/*.parquet')")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("success");
            assertThat(rs.getLong(2)).isEqualTo(8);
            assertThat(rs.getString(3)).isEqualTo("2024Q3,2024H2,2024,2024-07");
            assertThat(rs.getString(4)).startsWith("2026-11-21");
        }
    }

    @Test
    void anEmptyWarehouseHasNoHistory() {
        assertThat(new RunHistory(warehouse).all()).isEmpty();
    }
}
