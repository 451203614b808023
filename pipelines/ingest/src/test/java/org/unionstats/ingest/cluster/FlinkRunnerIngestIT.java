package org.unionstats.ingest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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

/**
 * The ingest pipeline on a distributed Beam runner: Flink in its embedded cluster mode
 * ({@code --runner=FlinkRunner --flinkMaster=[local]}, parallelism 2) writes exactly the tables the
 * DirectRunner writes from the same inbox, read back and compared with DuckDB.
 */
class FlinkRunnerIngestIT {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    /** Columns that name the run, which differ between two runs of the same input by design. */
    private static final List<String> RUN_COLUMNS = List.of("run_id", "ingested_at");

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
        assertSameTables(tmp.resolve("direct"), tmp.resolve("flink"));
    }

    private static IngestSummary ingest(Path inbox, Path warehouse, List<String> beamArgs) {
        return new IngestRunner(m -> { }).run(new IngestConfig(inbox.toString(), warehouse.toString(), KEY, 1, beamArgs));
    }

    private static void assertSameTables(Path expected, Path actual) throws Exception {
        List<String> tables = tables(expected);
        assertThat(tables(actual)).isEqualTo(tables).contains("member_events", "ingest_receipts", "quarantine");
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            for (String table : tables) {
                List<String> exclude = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("describe select * from " + scan(expected, table))) {
                    while (rs.next()) {
                        if (RUN_COLUMNS.contains(rs.getString(1))) {
                            exclude.add(rs.getString(1));
                        }
                    }
                }
                String cols = exclude.isEmpty() ? "*" : "* exclude (" + String.join(", ", exclude) + ")";
                String a = "select " + cols + " from " + scan(expected, table);
                String b = "select " + cols + " from " + scan(actual, table);
                try (ResultSet rs = st.executeQuery("select (select count(*) from (" + a + ")), (select count(*) from (" + b + ")),"
                        + " (select count(*) from (" + a + " except all " + b + ")), (select count(*) from (" + b + " except all " + a + "))")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(table + ": rows").isPositive();
                    assertThat(rs.getLong(2)).as(table + ": rows").isEqualTo(rs.getLong(1));
                    assertThat(rs.getLong(3) + rs.getLong(4)).as(table + ": rows that differ").isZero();
                }
            }
        }
    }

    private static List<String> tables(Path warehouse) throws Exception {
        try (Stream<Path> s = Files.list(warehouse)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted().toList();
        }
    }

    private static String scan(Path warehouse, String table) {
        return "read_parquet('" + warehouse.resolve(table) + "/**/*.parquet', hive_partitioning = true, hive_types_autocast = false,"
                + " union_by_name = true)";
    }
}
