package org.unionstats.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionstats.runs.RunHistory;
import org.unionstats.testing.WarehouseComparison;

/**
 * The cluster path of the KPI job: the same jar through spark-submit (the Spark 4.2.0 distribution
 * of PyPI's pyspark) against a {@code local-cluster} master, whose executors are JVMs of their own
 * under a standalone master and workers, writes the same tables as the embedded run.
 */
class SparkSubmitKpiIT {

    static final Path ROOT = Path.of(System.getProperty("unionstats.root", ".")).toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    void spark_submitOnALocalClusterWritesTheTablesOfTheEmbeddedRun() throws Exception {
        AirflowDagIT.ProcessResult install = AirflowDagIT.exec(
                List.of("bash", ROOT.resolve("pipelines/runs/spark-submit/install-pyspark.sh").toString()), Map.of(), 1200);
        assertThat(install.code()).as(install.output()).isZero();
        List<String> lines = install.output().lines().toList();
        String sparkHome = lines.get(lines.size() - 1).strip();

        Path state = tmp.resolve("state");
        Path base = tmp.resolve("base");
        try (CliProcess generate = CliProcess.start(state, "generate", "--out", tmp.resolve("inbox").toString(), "--scale", "tiny",
                "--periods", "2024Q3")) {
            assertThat(generate.waitFor(Duration.ofMinutes(5))).as(generate.err()).isZero();
        }
        try (CliProcess ingest = CliProcess.start(state, "ingest", "--inbox", tmp.resolve("inbox").toString(), "--warehouse",
                base.toString())) {
            assertThat(ingest.waitFor(Duration.ofMinutes(10))).as(ingest.err()).isZero();
        }
        Path embedded = copy(base, tmp.resolve("embedded"));
        Path cluster = copy(base, tmp.resolve("cluster"));

        try (CliProcess kpi = CliProcess.start(state, "kpi", "--warehouse", embedded.toString(), "--full", "--heap", "2g",
                "--master", "local[2]")) {
            assertThat(kpi.waitFor(Duration.ofMinutes(15))).as(kpi.err()).isZero();
        }
        String master = "local-cluster[2,1,1024]";
        AirflowDagIT.ProcessResult submit = AirflowDagIT.exec(List.of("bash", ROOT.resolve("pipelines/runs/spark-submit/submit-kpi.sh").toString(),
                        master, "--warehouse", cluster.toString(), "--full"),
                Map.of("SPARK_HOME", sparkHome, "UNIONSTATS_KPI_TARGET", CliProcess.snapshot(ROOT).resolve("kpi").toString()), 1800);
        assertThat(submit.code()).as(submit.output()).isZero();
        assertThat(submit.output()).as("executors ran in worker JVMs of a standalone cluster")
                .contains("StandaloneSchedulerBackend", "Granted executor ID").contains("\"periods_written\"");

        assertThat(WarehouseComparison.rows(cluster, "kpi_values")).isPositive();
        WarehouseComparison.assertSameTables(embedded, cluster, Set.of(RunHistory.TABLE));
    }

    private static Path copy(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }
}
