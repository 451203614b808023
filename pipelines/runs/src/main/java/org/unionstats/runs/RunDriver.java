package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.unionstats.errors.ExitCode;
import org.unionstats.errors.UnionStatsException;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.period.Period;
import org.unionstats.warehouse.WarehouseLayout;

/**
 * Runs {@code run} and {@code backfill} under the warehouse lock: records a killed predecessor,
 * runs one period selection (run) or each period in order (backfill), appends every outcome to
 * the run history, and answers with the exit code a scheduler acts on. A backfill stops at the
 * first failed or refused period; running it again resumes there, as finished periods are found
 * unchanged.
 */
public final class RunDriver {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final RunSettings settings;
    private final KpiJobLauncher kpiJob;
    private final PublishStep publish;
    private final PrintStream out;

    public RunDriver(RunSettings settings, KpiJobLauncher kpiJob, PublishStep publish, PrintStream out) {
        this.settings = settings;
        this.kpiJob = kpiJob;
        this.publish = publish;
        this.out = out;
    }

    /**
     * @param command {@code run} or {@code backfill}
     * @param arguments the command line as given, for the history (which keeps it redacted: {@link RunArguments})
     */
    public ExitCode execute(String command, List<String> arguments, boolean backfill) {
        PeriodSelection selection = settings.selection();
        if (backfill && selection.isAll()) {
            throw UnionStatsException.badArguments("a backfill needs --from and --to");
        }
        List<Period> steps = backfill ? selection.steps() : null;
        LineageEvents lineage = settings.lineage().events();

        Path warehouse = settings.warehouse();
        Instant started = Instant.now();
        String runId = RUN_ID.format(started);
        // Kept in the lock file and the run history, which others read: without secrets (RunArguments).
        List<String> recorded = RunArguments.redact(arguments);
        String commandLine = command + " " + String.join(" ", recorded);
        RunProgress progress = new RunProgress(settings.liveProgress(), System.err);
        progress.runId(runId);
        progress.stage("lock", "taking the warehouse " + warehouse);
        RunHistory history = new RunHistory(warehouse);
        try (WarehouseLock lock = WarehouseLock.acquire(warehouse, LockHolder.thisProcess(runId, commandLine, started),
                settings.lockWait(), progress::info)) {
            lock.abandoned().ifPresent(killed -> {
                progress.warn("the previous " + killed.describe() + " did not finish: recording it as abandoned and recovering");
                history.append(killed.abandoned(Instant.now()));
                Recovery.clearSparkLeftovers(WarehouseLayout.of(warehouse));
            });
            RunPipeline pipeline = new RunPipeline(settings, kpiJob, progress, publish, lineage);
            String joined = String.join(" ", recorded);
            if (!backfill) {
                RunOutcome outcome = pipeline.run(new RunContext(runId, null, command, joined, selection, settings.inbox(), warehouse,
                        started));
                history.append(outcome.record());
                print(outcome);
                return outcome.record().status().exit();
            }
            out.printf("backfill %s: %d period(s), %s to %s%n", runId, steps.size(), steps.get(0), steps.get(steps.size() - 1));
            for (Period p : steps) {
                RunContext context = new RunContext(runId + "-" + p.canonical(), runId, command, joined, new PeriodSelection(p, p),
                        settings.inbox(), warehouse, Instant.now());
                RunOutcome outcome = pipeline.run(context);
                history.append(outcome.record());
                print(outcome);
                if (outcome.record().status() == RunStatus.FAILED || outcome.record().status() == RunStatus.REFUSED) {
                    out.printf("backfill stopped at %s; periods before it are done. Run the same command again to resume:"
                            + " finished periods are found unchanged and skipped.%n", p);
                    return outcome.record().status().exit();
                }
            }
            out.printf("backfill %s done: %s to %s%n", runId, steps.get(0), steps.get(steps.size() - 1));
            return ExitCode.SUCCESS;
        }
    }

    private void print(RunOutcome outcome) {
        RunRecord r = outcome.record();
        out.printf("run %s %s: %s (%.1f s)%n", r.runId(), r.periods() == null ? "every period" : r.periods(), r.status().code(),
                r.seconds());
        IngestSummary s = outcome.ingest();
        if (s != null && s.totals().files() > 0) {
            IngestSummary.Totals t = s.totals();
            out.printf("  ingest %s: %,d new file(s) (%d unchanged skipped): %,d rows read = %,d accepted + %,d duplicates + %,d quarantined%n",
                    s.runId(), t.files(), s.unchangedFiles(), t.rowsRead(), t.accepted(), t.duplicates(), t.quarantined());
        }
        if (r.kpiPeriodsWritten() != null && !r.kpiPeriodsWritten().isEmpty()) {
            out.printf("  KPI periods written: %s%n", String.join(", ", r.kpiPeriodsWritten()));
        }
        out.println("  " + outcome.headline());
    }
}
