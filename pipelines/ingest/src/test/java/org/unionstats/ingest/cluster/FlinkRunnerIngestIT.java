package org.unionstats.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unionstats.testing.WarehouseComparison.assertSameTables;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestRunner;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.samples.GeneratorConfig;
import org.unionstats.samples.SampleInboxGenerator;
import org.unionstats.samples.Scale;
import org.unionstats.testing.WarehouseComparison;

/**
 * The ingest pipeline on a distributed Beam runner: Flink in its embedded cluster mode
 * ({@code --runner=FlinkRunner --flinkMaster=[local]}, parallelism 2) writes exactly the tables the
 * DirectRunner writes from the same inbox, read back and compared with DuckDB.
 */
class FlinkRunnerIngestIT {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    /** Columns that name the run, which differ between two runs of the same input by design. */

    @TempDir
    Path tmp;

    @Test
    void theFlinkRunnerWritesTheTablesOfTheDirectRunner() throws Exception {
        Path inbox = tmp.resolve("inbox");
        new SampleInboxGenerator(new GeneratorConfig(inbox, Scale.parse("tiny"), GeneratorConfig.DEFAULT_SEED,
                List.of(Period.parse("2024Q3")), GeneratorConfig.DEFAULT_MISTAKE_RATE, Optional.empty()),
                RegionDirectory.loadDefault()).generate();

        IngestSummary direct = ingest(inbox, tmp.resolve("direct"), List.of());
        IngestSummary flink = ingest(inbox, tmp.resolve("flink"),
                List.of("--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));

        assertThat(flink.totals()).isEqualTo(direct.totals());
        assertThat(flink.totals().files()).isGreaterThan(30);
        assertThat(flink.reconciles()).isTrue();
        List<String> tables = WarehouseComparison.tables(tmp.resolve("direct"), Set.of());
        assertThat(tables).contains("member_events", "ingest_receipts", "quarantine");
        for (String table : tables) {
            assertThat(WarehouseComparison.rows(tmp.resolve("direct"), table)).as(table + ": rows").isPositive();
        }
        assertSameTables(tmp.resolve("direct"), tmp.resolve("flink"), Set.of());
    }

    private static IngestSummary ingest(Path inbox, Path warehouse, List<String> beamArgs) {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, beamArgs));
    }
}
