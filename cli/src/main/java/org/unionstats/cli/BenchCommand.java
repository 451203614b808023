package org.unionstats.cli;

import org.unionstats.runs.SparkJobLauncher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unionstats.bench.DuckDbBaseline;
import org.unionstats.bench.MeasuredProcess;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.samples.GeneratorConfig;
import org.unionstats.samples.SampleInboxGenerator;
import org.unionstats.samples.Scale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks with a documented workload. 'bench ingest' times a full ingest of a generated inbox",
                "against DuckDB converting the same UTF-8 CSV files to Parquet; each side runs in its own JVM."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "What to measure: ingest (generates the inbox if needed), kpi (on the warehouse ingest built), "
            + "trino (query latency on --warehouse).")
    String what;

    @Option(names = "--scale", defaultValue = "medium", description = "Generator scale. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--seed", defaultValue = "" + GeneratorConfig.DEFAULT_SEED, description = "Generator seed.")
    long seed;

    @Option(names = "--dir", defaultValue = "bench-data", description = "Working folder (inbox kept between runs). Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--heap", defaultValue = "6g", description = "Heap of each measured JVM. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Override
    public Integer call() throws Exception {
        if ("kpi".equals(what)) {
            return kpi();
        }
        if ("trino".equals(what)) {
            return trino();
        }
        if (!"ingest".equals(what)) {
            throw new IllegalArgumentException("unknown benchmark '" + what + "'; try: ingest, kpi, trino");
        }
        Path inbox = dir.resolve("inbox-" + scale + "-" + seed);
        if (!Files.exists(inbox.resolve("_generated.json"))) {
            System.err.println("generating the " + scale + " inbox in " + inbox);
            new SampleInboxGenerator(new GeneratorConfig(inbox, Scale.parse(scale), seed, GeneratorConfig.defaultPeriods(),
                    GeneratorConfig.DEFAULT_MISTAKE_RATE, Optional.empty()), RegionDirectory.loadDefault()).generate();
        }
        Path warehouse = dir.resolve("warehouse-" + scale);
        Path duck = dir.resolve("duckdb-" + scale);
        deleteTree(warehouse);
        deleteTree(duck);

        MeasuredProcess ingest = MeasuredProcess.run(heap, UnionStats.class.getName(),
                List.of("ingest", "--inbox", inbox.toString(), "--warehouse", warehouse.toString(), "--json"));
        if (ingest.exitCode() != 0) {
            throw new IllegalStateException("the measured ingest failed with exit code " + ingest.exitCode());
        }
        String out = ingest.stdout();
        JsonNode totals = new ObjectMapper().readTree(out.substring(out.indexOf('{'))).get("totals");
        long rows = totals.get("rows_read").asLong();
        MeasuredProcess baseline = MeasuredProcess.run(heap, DuckDbBaseline.class.getName(), List.of(inbox.toString(), duck.toString()));
        String[] base = baseline.stdout().strip().split(" ");
        long duckRows = Long.parseLong(base[1]);

        double ours = rows / ingest.seconds();
        double theirs = duckRows / baseline.seconds();
        System.out.printf("workload: %s inbox (seed %d): %,d files, %,d rows read%n", scale, seed, totals.get("files").asInt(), rows);
        System.out.println("| engine | rows | wall s | rows/s | peak RSS MiB |");
        System.out.println("|---|---:|---:|---:|---:|");
        System.out.printf("| unionstats ingest (Beam DirectRunner, all formats, full validation) | %,d | %.1f | %,.0f | %,d |%n",
                rows, ingest.seconds(), ours, ingest.peakRssKb() / 1024);
        System.out.printf("| DuckDB read_csv → Parquet (UTF-8 CSV only, no validation, %s files) | %,d | %.1f | %,.0f | %,d |%n",
                base[3], duckRows, baseline.seconds(), theirs, baseline.peakRssKb() / 1024);
        System.out.printf("throughput ratio unionstats / DuckDB: %.2f%n", ours / theirs);
        return 0;
    }

    /** The KPI job on the warehouse 'bench ingest' built, against DuckDB on the membership family. */
    private int kpi() throws Exception {
        Path warehouse = dir.resolve("warehouse-" + scale).toAbsolutePath();
        if (!Files.exists(warehouse.resolve("member_events"))) {
            throw new IllegalArgumentException("no ingested " + scale + " warehouse in " + warehouse + ": run 'bench ingest --scale "
                    + scale + "' first");
        }
        List<String> javaArgs = new java.util.ArrayList<>(List.of("--warehouse", warehouse.toString(), "--full"));
        MeasuredProcess spark = MeasuredProcess.run(heap, SparkJobLauncher.MAIN, javaArgs, SparkJobLauncher.classpath(),
                SparkJobLauncher.JAVA_OPTIONS);
        if (spark.exitCode() != 0) {
            throw new IllegalStateException("the measured KPI job failed with exit code " + spark.exitCode());
        }
        String out = spark.stdout();
        JsonNode result = new ObjectMapper().readTree(out.substring(out.indexOf('{')));
        Path duckOut = dir.resolve("duckdb-kpi-" + scale + ".parquet").toAbsolutePath();
        Files.deleteIfExists(duckOut);
        MeasuredProcess duck = MeasuredProcess.run(heap, org.unionstats.bench.DuckDbKpiBaseline.class.getName(),
                List.of(warehouse.toString(), duckOut.toString()));
        long duckRows = Long.parseLong(duck.stdout().strip().split(" ")[1]);
        System.out.printf("workload: the %s warehouse, every period (%d written)%n", scale, result.get("periods_written").size());
        System.out.println("| engine | scope | output rows | wall s | peak RSS MiB |");
        System.out.println("|---|---|---:|---:|---:|");
        System.out.printf("| Spark KPI job (local[*]) | every KPI of the catalogue, breakdowns, completeness, findings, scorecards | %,d | %.1f | %,d |%n",
                result.get("kpi_rows").asLong(), spark.seconds(), spark.peakRssKb() / 1024);
        System.out.printf("| DuckDB, equivalent SQL | membership family (7 KPIs), same periods and orgs | %,d | %.1f | %,d |%n",
                duckRows, duck.seconds(), duck.peakRssKb() / 1024);
        return 0;
    }

    @Option(names = "--warehouse", description = "bench trino: the warehouse to publish and query. Default: <dir>/warehouse-<scale>.")
    Path warehouse;

    @Option(names = "--runs", defaultValue = "20", description = "bench trino: timed runs of each query (after one warm-up). Default: ${DEFAULT-VALUE}.")
    int runs;

    /** Query latency through the local Trino: publishes the warehouse (starting Trino if needed), then times the workload. */
    private int trino() throws Exception {
        Path target = (warehouse != null ? warehouse : dir.resolve("warehouse-" + scale)).toAbsolutePath();
        if (!Files.isDirectory(target.resolve("kpi_values"))) {
            throw new IllegalArgumentException("no KPI tables in " + target + ": run the kpi job on it first");
        }
        org.unionstats.serving.security.TrinoCredentials credentials = Serving.server().start();
        System.err.println(Serving.publish(credentials, target).describe());
        try (java.sql.Connection trino = org.unionstats.serving.query.TrinoConnections.open(credentials,
                org.unionstats.serving.security.TrinoUsers.ANALYST)) {
            java.util.Map<String, String> queries = org.unionstats.bench.TrinoQueryBenchmark.workload(trino,
                    Path.of(System.getProperty("unionstats.root", "."), "docs/analysts.md"));
            var results = org.unionstats.bench.TrinoQueryBenchmark.run(trino, queries, runs);
            System.out.printf("workload: %s, Trino %s (heap %s), %d timed runs per query after one warm-up, user analyst over HTTPS/JDBC%n",
                    target, org.unionstats.serving.install.TrinoDistribution.VERSION, Serving.server().config().heap(), runs);
            System.out.println("| query | rows | p50 ms | p95 ms | min ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (var r : results) {
                System.out.printf("| %s | %,d | %.0f | %.0f | %.0f | %.0f |%n", r.name(), r.rows(), r.p50Ms(), r.p95Ms(), r.minMs(), r.maxMs());
            }
        }
        return 0;
    }

    private static void deleteTree(Path path) throws java.io.IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
