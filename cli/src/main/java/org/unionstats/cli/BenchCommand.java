package org.unionstats.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.unionstats.bench.DuckDbBaseline;
import org.unionstats.bench.DuckDbKpiBaseline;
import org.unionstats.bench.KpiTablesComparison;
import org.unionstats.bench.MeasuredProcess;
import org.unionstats.bench.NewQuarterWarehouse;
import org.unionstats.bench.TrinoQueryBenchmark;
import org.unionstats.cli.samples.SampleInboxes;
import org.unionstats.contract.RecordType;
import org.unionstats.environment.Environment;
import org.unionstats.environment.JavaRuntimes;
import org.unionstats.environment.JavaRuntimes.JavaRuntime;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.files.FileTrees;
import org.unionstats.period.Period;
import org.unionstats.runs.ClassDataArchive;
import org.unionstats.runs.KpiJobLauncher;
import org.unionstats.samples.GeneratorConfig;
import org.unionstats.samples.Scale;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.runs.KpiJobResult;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.Writer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmarks with a documented workload. 'bench ingest' times a full ingest of a generated inbox",
                "against DuckDB converting the same UTF-8 CSV files to Parquet; 'bench kpi' times the Spark KPI job against DuckDB",
                "computing the same KPI catalogue, after proving both outputs equal (exit 1 when they differ); 'bench kpi-quarter' times",
                "the KPI job's run for one new quarter against a full run, after proving their tables equal. Each run has its own JVM;",
                "both KPI benches then also time the job's run twice in one JVM, the second run being its work without the JVM's warm-up."})
final class BenchCommand implements Callable<Integer> {

    /** The KPI job run on several warehouses in one JVM (in the KPI module). */
    private static final String SAME_JVM_RUNS = "org.unionstats.kpi.SameJvmRuns";

    private final CliContext context;

    @Parameters(index = "0", description = "What to measure: ingest (generates the inbox if needed), kpi (on the warehouse ingest built), "
            + "kpi-quarter (one new quarter against a full run, on --warehouse), trino (query latency on --warehouse).")
    String what;

    @Option(names = "--scale", defaultValue = "medium", description = "Generator scale. Default: ${DEFAULT-VALUE}.")
    String scale;

    @Option(names = "--seed", defaultValue = "" + GeneratorConfig.DEFAULT_SEED, description = "Generator seed.")
    long seed;

    @Option(names = "--dir", defaultValue = "bench-data", description = "Working folder (inbox kept between runs). Default: ${DEFAULT-VALUE}.")
    Path dir;

    @Option(names = "--heap", defaultValue = Environment.JOB_HEAP, description = "Heap of each measured JVM. Default: ${DEFAULT-VALUE}.")
    String heap;

    @Option(names = "--warehouse", description = "bench trino: the warehouse to publish and query; bench kpi-quarter: the warehouse whose"
            + " ingested tables are the workload. Default: <dir>/warehouse-<scale>.")
    Path warehouse;

    @Option(names = "--runs", defaultValue = "20", description = "bench trino: timed runs of each query (after one warm-up). Default: ${DEFAULT-VALUE}.")
    int runs;

    BenchCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        return switch (what) {
            case "ingest" -> ingest();
            case "kpi" -> kpi();
            case "kpi-quarter" -> kpiQuarter();
            case "trino" -> trino();
            default -> throw UnionStatsException.badArguments("unknown benchmark '" + what + "'; try: ingest, kpi, kpi-quarter, trino");
        };
    }

    /** A full ingest of a generated inbox, against DuckDB converting its UTF-8 CSV files. */
    private int ingest() throws Exception {
        Path inbox = dir.resolve("inbox-" + scale + "-" + seed);
        if (!SampleInboxes.isGenerated(inbox)) {
            System.err.println("generating the " + scale + " inbox in " + inbox);
            SampleInboxes.withDefaultRegions().generate(new GeneratorConfig(inbox, Arguments.parse(() -> Scale.parse(scale)), seed,
                    GeneratorConfig.defaultPeriods(), GeneratorConfig.DEFAULT_MISTAKE_RATE, Optional.empty()));
        }
        Path target = dir.resolve("warehouse-" + scale);
        Path duck = dir.resolve("duckdb-" + scale);
        FileTrees.deleteRecursively(target);
        FileTrees.deleteRecursively(duck);

        MeasuredProcess ingest = measure(UnionStats.class.getName(),
                List.of("ingest", "--inbox", inbox.toString(), "--warehouse", target.toString(), "--json"));
        if (ingest.exitCode() != 0) {
            throw new UnionStatsException(org.unionstats.errors.ExitCode.FAILURE, "the measured ingest failed with exit code " + ingest.exitCode());
        }
        String out = ingest.stdout();
        JsonNode totals = new ObjectMapper().readTree(out.substring(out.indexOf('{'))).get("totals");
        long rows = totals.get("rows_read").asLong();
        MeasuredProcess baseline = measure(DuckDbBaseline.class.getName(), List.of(inbox.toString(), duck.toString()));
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

    /**
     * The KPI job on the warehouse 'bench ingest' built, against DuckDB computing the same KPI catalogue
     * ({@link DuckDbKpiBaseline}). The outputs are proved equal first; the timings are printed only when they are. Then
     * the job's full run twice in one JVM ({@code SameJvmRuns}): the second run's time is its work apart from what a
     * new JVM spends warming up.
     */
    private int kpi() throws Exception {
        WarehouseLayout target = WarehouseLayout.of(dir.resolve("warehouse-" + scale));
        Arguments.require(Files.exists(target.localTable(RecordType.MEMBER_EVENTS.code())), "no ingested " + scale + " warehouse in "
                + target.localRoot() + ": run 'bench ingest --scale " + scale + "' first");
        KpiRun measured = kpiJob(target.localRoot(), true);
        MeasuredProcess spark = measured.process();
        KpiJobResult result = KpiJobResult.fromOutput(spark.stdout());
        Path duckOut = dir.resolve("duckdb-kpi-" + scale + ".parquet").toAbsolutePath();
        Files.deleteIfExists(duckOut);
        // DuckDB reads the dimensions the KPI job just wrote (dim_orgs, org_ancestors, dim_periods) and the ingested tables.
        MeasuredProcess duck = measure(DuckDbKpiBaseline.class.getName(), List.of(target.localRoot().toString(), duckOut.toString()));
        if (duck.exitCode() != 0) {
            throw new UnionStatsException(org.unionstats.errors.ExitCode.FAILURE, "the measured DuckDB baseline failed with exit code "
                    + duck.exitCode());
        }
        long duckRows = Long.parseLong(duck.stdout().strip().split(" ")[1]);
        DuckDbKpiBaseline.Comparison comparison = DuckDbKpiBaseline.compare(target.localRoot(), duckOut);
        System.out.printf("workload: the %s warehouse, every period (%d written)%n", scale, result.periodsWritten().size());
        System.out.print(comparison.describe());
        if (!comparison.equal()) {
            System.err.println("bench kpi: DuckDB and Spark disagree (above); no timings reported");
            return org.unionstats.errors.ExitCode.FAILURE.code();
        }
        System.out.println("| engine | scope | output rows | wall s | peak RSS MiB |");
        System.out.println("|---|---|---:|---:|---:|");
        System.out.printf("| Spark KPI job (%s, %s%s) | every KPI of the catalogue, breakdowns, completeness, findings, scorecards | %,d | %.1f | %,d |%n",
                Environment.LOCAL_SPARK_MASTER, context.kpiJob().java().build(), measured.wroteArchive() ? ", first run after a build: writes its class-data archive" : "", result.kpiRows(), spark.seconds(), spark.peakRssKb() / 1024);
        System.out.printf("| DuckDB, same catalogue (%s) | every KPI of the catalogue, breakdowns; kpi_values' key and value only | %,d | %.1f | %,d |%n",
                "unionstats/bench/duckdb/*.sql", duckRows, duck.seconds(), duck.peakRssKb() / 1024);
        System.out.printf("wall-time ratio Spark / DuckDB: %.1f; peak RSS ratio: %.1f%n", spark.seconds() / duck.seconds(),
                (double) spark.peakRssKb() / Math.max(1, duck.peakRssKb()));
        // The same full run twice in one JVM: the second run's time is the job's work once the JVM has loaded and
        // compiled Spark's code, what a fresh JVM adds apart. It rewrites the same tables, compared with DuckDB's again.
        String root = target.localRoot().toString();
        MeasuredProcess sameJvm = kpiJob(SAME_JVM_RUNS, List.of(root, root, "--full")).process();
        List<KpiJobResult> runs = runResults(sameJvm);
        KpiJobResult first = runs.get(0);
        KpiJobResult second = runs.get(1);
        DuckDbKpiBaseline.Comparison again = DuckDbKpiBaseline.compare(target.localRoot(), duckOut);
        if (!again.equal()) {
            System.out.print(again.describe());
            System.err.println("bench kpi: DuckDB and the second Spark run in one JVM disagree (above)");
            return org.unionstats.errors.ExitCode.FAILURE.code();
        }
        System.out.println("| Spark KPI job, full run (its own timer) | job s | / DuckDB wall s |");
        System.out.println("|---|---:|---:|");
        System.out.printf("| in a new JVM | %.1f | %.1f |%n", result.seconds(), result.seconds() / duck.seconds());
        System.out.printf("| first run of a JVM running it twice | %.1f | %.1f |%n", first.seconds(), first.seconds() / duck.seconds());
        System.out.printf("| second run in that JVM (equal to DuckDB again) | %.1f | %.1f |%n", second.seconds(), second.seconds() / duck.seconds());
        return 0;
    }

    /**
     * One new quarter on top of the ones before: the KPI job in full over a copy without the latest quarter's partitions
     * (the warehouse before it arrived; first, so that both timed runs start from the class-data archive), in full over
     * every quarter of the warehouse's ingested tables (the reference), then, the partitions put back, the job's
     * ordinary run that finds the new submissions and writes the periods they touch. Then the same arrival on two more
     * copies, run one after the other in one JVM ({@code SameJvmRuns}): the second run's time is the new quarter's work
     * apart from what a new JVM spends loading and compiling Spark's code. Every incremental run's tables are proved
     * equal to the reference's before any time is printed.
     */
    private int kpiQuarter() throws Exception {
        Path source = (warehouse != null ? warehouse : dir.resolve("warehouse-" + scale)).toAbsolutePath();
        Arguments.require(Files.exists(WarehouseLayout.of(source).localTable(RecordType.MEMBER_EVENTS.code())),
                "no ingested warehouse in " + source + ": run 'bench ingest --scale " + scale + "' first, or give --warehouse");
        TableCatalog tables = TableCatalog.load();
        List<String> ingested = tables.foldersWrittenBy(Writer.INGEST);
        Period quarter = NewQuarterWarehouse.latestQuarter(source, ingested).orElseThrow();
        Path work = dir.resolve("kpi-quarter-" + source.getFileName()).toAbsolutePath();
        Path everyQuarter = work.resolve("every-quarter");
        NewQuarterWarehouse.copyIngested(source, everyQuarter, ingested);
        NewQuarterWarehouse incremental = NewQuarterWarehouse.withoutQuarter(source, work.resolve("new-quarter"), quarter, ingested);
        System.err.printf("workload: the ingested tables of %s; %d partition(s) of %s held back%n", source, incremental.heldPartitions(), quarter);

        // The set-up first: a run after a build writes the class-data archive, and the two timed runs should both read it.
        MeasuredProcess before = kpiJob(incremental.root(), true).process();
        MeasuredProcess reference = kpiJob(everyQuarter, true).process();
        // The same arrival twice more, run one after the other in one JVM: the second run's time is the new quarter's
        // work once the JVM has loaded and compiled Spark's code.
        Path warmUp = work.resolve("same-jvm-first");
        Path warm = work.resolve("same-jvm-second");
        incremental.copyArrived(warmUp);
        incremental.copyArrived(warm);
        incremental.arrive();
        MeasuredProcess newQuarter = kpiJob(incremental.root(), false).process();
        MeasuredProcess sameJvm = kpiJob(SAME_JVM_RUNS, List.of(warmUp.toString(), warm.toString())).process();
        List<String> folders = tables.foldersWrittenBy(Writer.KPI);
        KpiTablesComparison comparison = KpiTablesComparison.of(incremental.root(), everyQuarter, folders);
        KpiTablesComparison warmComparison = KpiTablesComparison.of(warm, everyQuarter, folders);
        System.out.printf("workload: the ingested tables of %s, %s arriving on top of the quarters before it; the job on %s%n", source,
                quarter, context.kpiJob().java().build());
        System.out.print(comparison.describe("after the new quarter", "full run"));
        System.out.print(warmComparison.describe("after the new quarter, second run in one JVM", "full run"));
        if (!comparison.equal() || !warmComparison.equal()) {
            System.err.println("bench kpi-quarter: the run for the new quarter and the full run disagree (above); no timings reported");
            return org.unionstats.errors.ExitCode.FAILURE.code();
        }
        System.out.println("| run | periods written | wall s | peak RSS MiB |");
        System.out.println("|---|---:|---:|---:|");
        printRun("full run, every quarter (`kpi --full`)", reference);
        printRun("full run before " + quarter + " arrives (`kpi --full`, set-up)", before);
        printRun(quarter + " arrives (`kpi`)", newQuarter);
        System.out.printf("wall-time ratio new quarter / full run: %.2f%n", newQuarter.seconds() / reference.seconds());
        // The job's own timer (from its first table read to its last write), without the JVM's start and stop.
        List<KpiJobResult> runs = runResults(sameJvm);
        KpiJobResult first = runs.get(0);
        KpiJobResult second = runs.get(1);
        KpiJobResult fullRun = KpiJobResult.fromOutput(reference.stdout());
        KpiJobResult freshRun = KpiJobResult.fromOutput(newQuarter.stdout());
        double full = fullRun.seconds();
        double fresh = freshRun.seconds();
        System.out.println("| run of the job (its own timer) | periods written | job s | / full run |");
        System.out.println("|---|---:|---:|---:|");
        System.out.printf("| full run, every quarter, in a new JVM | %d | %.1f | 1.00 |%n", fullRun.periodsWritten().size(), full);
        System.out.printf("| %s arrives, in a new JVM | %d | %.1f | %.2f |%n", quarter, freshRun.periodsWritten().size(), fresh, fresh / full);
        System.out.printf("| %s arrives, first run of a JVM running it twice | %d | %.1f | %.2f |%n", quarter,
                first.periodsWritten().size(), first.seconds(), first.seconds() / full);
        System.out.printf("| %s arrives, second run in that JVM | %d | %.1f | %.2f |%n", quarter, second.periodsWritten().size(),
                second.seconds(), second.seconds() / full);
        System.out.printf("the JVM warming up: %.1f s of the new quarter's %.1f s in a new JVM%n", fresh - second.seconds(), fresh);
        return 0;
    }

    /** The result line of each run of a {@code SameJvmRuns} process, in order. */
    private static List<KpiJobResult> runResults(MeasuredProcess sameJvm) {
        return sameJvm.stdout().lines().filter(l -> l.startsWith("{")).map(KpiJobResult::fromOutput).toList();
    }

    /** A measured run of the KPI job, and whether it wrote the job's class-data archive (once per build, a few seconds more). */
    private record KpiRun(MeasuredProcess process, boolean wroteArchive) {}

    /** The KPI job on a warehouse, in its own JVM; fails the benchmark when the job fails. */
    private KpiRun kpiJob(Path target, boolean full) throws InterruptedException {
        return kpiJob(KpiJobLauncher.MAIN, full ? List.of("--warehouse", target.toString(), "--full") : List.of("--warehouse", target.toString()));
    }

    /** A main class of the KPI job with its arguments, in its own JVM; fails the benchmark when the job fails. */
    private KpiRun kpiJob(String mainClass, List<String> args) throws InterruptedException {
        KpiJobLauncher job = context.kpiJob();
        ClassDataArchive.Use archive = job.classDataArchive();
        if (archive.writes()) {
            System.err.println("the KPI job's class-data archive is written by this run (once per build): the runs after it start faster");
        }
        List<String> options = new java.util.ArrayList<>(job.javaOptions());
        options.addAll(archive.options());
        MeasuredProcess run = MeasuredProcess.run(MeasuredProcess.java(job.java(), heap, options, context.environment().home(),
                job.classpath(), mainClass, args));
        if (run.exitCode() == 0) {
            archive.keep();
        } else {
            archive.discard();
        }
        if (run.exitCode() != 0) {
            throw new UnionStatsException(org.unionstats.errors.ExitCode.FAILURE, "the measured KPI job (" + String.join(" ", args)
                    + ") failed with exit code " + run.exitCode());
        }
        return new KpiRun(run, archive.writes());
    }

    private static void printRun(String name, MeasuredProcess run) {
        System.out.printf("| %s | %d | %.1f | %,d |%n", name, KpiJobResult.fromOutput(run.stdout()).periodsWritten().size(), run.seconds(),
                run.peakRssKb() / 1024);
    }

    /** Query latency through the local Trino: publishes the warehouse (starting Trino if needed), then times the workload. */
    private int trino() throws Exception {
        Path target = (warehouse != null ? warehouse : dir.resolve("warehouse-" + scale)).toAbsolutePath();
        Arguments.require(Files.isDirectory(WarehouseLayout.of(target).localTable("kpi_values")),
                "no KPI tables in " + target + ": run the kpi job on it first");
        Serving serving = context.serving();
        org.unionstats.serving.security.TrinoCredentials credentials = serving.server().start();
        System.err.println(serving.publish(credentials, target).describe());
        try (java.sql.Connection trino = org.unionstats.serving.query.TrinoConnections.open(credentials,
                org.unionstats.serving.security.TrinoUsers.ANALYST)) {
            java.util.Map<String, String> queries = TrinoQueryBenchmark.workload(trino, context.environment().root().resolve("docs/analysts.md"));
            var results = TrinoQueryBenchmark.run(trino, queries, runs);
            System.out.printf("workload: %s, Trino %s (heap %s), %d timed runs per query after one warm-up, user analyst over HTTPS/JDBC%n",
                    target, org.unionstats.serving.install.TrinoDistribution.VERSION, serving.config().heap(), runs);
            System.out.println("| query | rows | p50 ms | p95 ms | min ms | max ms |");
            System.out.println("|---|---:|---:|---:|---:|---:|");
            for (var r : results) {
                System.out.printf("| %s | %,d | %.0f | %.0f | %.0f | %.0f |%n", r.name(), r.rows(), r.p50Ms(), r.p95Ms(), r.minMs(), r.maxMs());
            }
        }
        return 0;
    }

    /** A JVM on this one's classpath. */
    private MeasuredProcess measure(String mainClass, List<String> args) throws InterruptedException {
        JavaRuntime java = JavaRuntimes.current();
        return MeasuredProcess.run(MeasuredProcess.java(java, heap, java.libraryAccessOptions(), context.environment().home(),
                context.classpath(), mainClass, args));
    }
}
