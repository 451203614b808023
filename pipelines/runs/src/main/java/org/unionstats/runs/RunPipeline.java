package org.unionstats.runs;
import org.unionstats.warehouse.runs.RunRecord;
import org.unionstats.warehouse.runs.RunStatus;


import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.LoggerFactory;
import org.unionstats.ingest.IngestConfig;
import org.unionstats.ingest.IngestRunner;
import org.unionstats.ingest.IngestSummary;
import org.unionstats.letters.delivery.DeliveryReport;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.receipts.Receipt;
import org.unionstats.warehouse.receipts.ReceiptsTable;
import org.unionstats.warehouse.runs.KpiJobResult;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.Writer;

/**
 * One run over a period selection: ingest the selected submissions, find what the KPI tables do
 * not reflect yet, pass the data-quality gate, compute the KPIs, publish. Nothing changed → nothing
 * done beyond finding that out. Never throws for a failed stage: the outcome says how it ended.
 */
public final class RunPipeline {

    /** The stages a run can be limited to (a scheduler may give each its own task). */
    public enum Stage {
        INGEST, KPI, PUBLISH;

        public static Stage parse(String text) {
            try {
                return valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--stages: '" + text + "' is not a stage (ingest, kpi, publish)");
            }
        }
    }

    private final RunSettings settings;
    private final KpiJobLauncher kpiJob;
    private final RunProgress progress;
    private final PublishStep publish;
    private final LineageEvents lineage;

    public RunPipeline(RunSettings settings, KpiJobLauncher kpiJob, RunProgress progress, PublishStep publish, LineageEvents lineage) {
        this.settings = settings;
        this.kpiJob = kpiJob;
        this.progress = progress;
        this.publish = publish;
        this.lineage = lineage;
    }

    public RunOutcome run(RunContext run) {
        progress.runId(run.runId());
        try {
            lineage.start(run);
        } catch (RuntimeException e) {
            progress.warn("could not send the lineage event: " + message(e));
        }
        Builder record = new Builder(run);
        IngestSummary summary = null;
        try {
            PeriodSelection selection = run.selection();
            Set<Stage> stages = settings.stages();
            if (stages.contains(Stage.INGEST)) {
                progress.stage("ingest", "ingesting " + selection.describe() + " from " + settings.inbox());
                summary = IngestRunner.reportingTo(progress).run(new IngestConfig(settings.inbox(), settings.warehouse().toString(),
                        settings.pseudonymKey(), 1, settings.beamArgs(), selection.from(), selection.to(), settings.limits()));
                record.ingest(summary);
                if (!summary.reconciles()) {
                    throw new IllegalStateException("some receipts do not reconcile (rows_read != accepted + duplicates + quarantined)");
                }
            }

            progress.stage("check", "comparing the receipts with what the KPI tables reflect");
            List<Receipt> receipts = ReceiptsTable.read(WarehouseLayout.of(settings.warehouse()));
            Set<String> changed = KpiFreshness.changedPeriods(settings.warehouse(), receipts);
            boolean nothingNew = summary == null || summary.totals().files() == 0;
            boolean kpiPending = stages.contains(Stage.KPI) && !changed.isEmpty();
            // A publish-only stage always publishes (it is idempotent); otherwise no new file and no KPI to redo is "unchanged".
            boolean publishOnly = stages.equals(Set.of(Stage.PUBLISH));
            if (!publishOnly && nothingNew && !kpiPending) {
                String headline = "nothing changed for " + selection.describe() + ": "
                        + (summary == null ? "" : summary.unchangedFiles() + " file(s) already ingested with the same content, and ")
                        + (changed.isEmpty() ? "the KPI tables reflect them" : "the KPIs are left to the kpi stage");
                progress.info(headline);
                return finish(run, record.end(RunStatus.UNCHANGED, null), summary, headline);
            }

            if (settings.gate().isOn()) {
                progress.stage("gate", "data-quality gate over " + String.join(", ", changed));
                List<QualityGate.Breach> breaches = settings.gate().breaches(receipts, changed, RegionDirectory.loadDefault());
                if (!breaches.isEmpty()) {
                    String message = settings.gate().refusal(breaches);
                    progress.warn(message + "; KPIs and publishing held back until corrected files arrive");
                    return finish(run, record.end(RunStatus.REFUSED, message), summary, message);
                }
            }

            List<String> written = new ArrayList<>();
            if (kpiPending) {
                progress.stage("kpi", "computing KPIs for the submission periods that changed: " + String.join(", ", changed));
                KpiJobResult kpi = settings.kpi().run(kpiJob, settings.warehouse(), progress, settings.structuredLog());
                written.addAll(kpi.periodsWritten());
                record.kpi(written);
                progress.info("KPI periods written: " + (written.isEmpty() ? "none" : String.join(", ", written)));
            } else if (stages.contains(Stage.KPI)) {
                record.kpi(List.of());
            }

            if (stages.contains(Stage.PUBLISH)) {
                progress.stage("publish", "publishing");
                Optional<String> published = publish.publish(settings.warehouse(), progress);
                record.published(published.isPresent());
                progress.info(published.orElse("no serving layer running: the Parquet tables are the published form"));
            }
            List<String> undelivered = deliverLetters(written);
            String headline = String.format("%s: %d new file(s), %d KPI period(s) written", selection.describe(),
                    summary == null ? 0 : summary.totals().files(), written.size());
            // The tables are written and published: letters not delivered leave the run a success, said in its history row.
            String letters = undelivered.isEmpty() ? null : "letters not all delivered: " + String.join("; ", undelivered);
            return finish(run, record.end(RunStatus.SUCCESS, letters), summary, letters == null ? headline : headline + "; " + letters);
        } catch (Exception e) {
            String message = message(e);
            progress.warn("failed: " + message);
            LoggerFactory.getLogger(RunPipeline.class).debug("run failed", e);
            return finish(run, record.end(RunStatus.FAILED, message), summary, "failed: " + message);
        }
    }

    /**
     * The letters step: each quarter whose KPIs the run wrote is delivered (docs/letters.md, "Delivery").
     *
     * @return what was not delivered, one entry per quarter with a problem; empty when everything was
     */
    private List<String> deliverLetters(List<String> written) {
        List<String> quarters = DeliveryStep.quarters(written);
        if (quarters.isEmpty()) {
            return List.of();
        }
        progress.stage("letters", "delivering the guidance letters of " + String.join(", ", quarters) + " into " + settings.delivery().outbox());
        List<String> undelivered = new ArrayList<>();
        for (String quarter : quarters) {
            try {
                DeliveryReport report = settings.delivery().deliver(settings.warehouse(), quarter, LocalDate.now());
                if (report.complete()) {
                    progress.info("letters " + report.summary());
                } else {
                    progress.warn("letters " + report.summary());
                    undelivered.add(report.summary());
                }
            } catch (RuntimeException e) {
                String problem = quarter + ": " + message(e);
                progress.warn("letters not delivered: " + problem);
                LoggerFactory.getLogger(RunPipeline.class).debug("letters not delivered", e);
                undelivered.add(problem);
            }
        }
        return undelivered;
    }

    private RunOutcome finish(RunContext run, RunRecord record, IngestSummary summary, String headline) {
        try {
            lineage.end(run, record, outputTables(summary, record));
        } catch (RuntimeException e) {
            progress.warn("could not send the lineage event: " + message(e));
        }
        return new RunOutcome(record, summary, headline);
    }

    /** The warehouse tables a run wrote: the record tables its receipts name, receipts, quarantine, and the KPI tables. */
    static List<String> outputTables(IngestSummary summary, RunRecord record) {
        Set<String> tables = new TreeSet<>();
        if (summary != null && summary.totals().files() > 0) {
            summary.files().stream().map(IngestSummary.FileReceipt::recordType).filter(Objects::nonNull).forEach(tables::add);
            tables.add(WarehouseLayout.RECEIPTS);
            tables.add(WarehouseLayout.QUARANTINE);
        }
        if (record.kpiPeriodsWritten() != null && !record.kpiPeriodsWritten().isEmpty()) {
            tables.addAll(KpiTables.FOLDERS);
        }
        return List.copyOf(tables);
    }

    /** The folders the KPI job writes, from the table catalogue; read once, when a run first writes KPIs. */
    private static final class KpiTables {
        static final List<String> FOLDERS = TableCatalog.load().foldersWrittenBy(Writer.KPI);
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Collects a run's history row as the stages go. */
    private static final class Builder {
        private final RunContext run;
        private IngestSummary ingest;
        private List<String> kpi;
        private Boolean published;

        Builder(RunContext run) {
            this.run = run;
        }

        void ingest(IngestSummary summary) {
            this.ingest = summary;
        }

        void kpi(List<String> periods) {
            this.kpi = List.copyOf(periods);
        }

        void published(boolean published) {
            this.published = published;
        }

        RunRecord end(RunStatus status, String error) {
            IngestSummary.Totals t = ingest == null ? null : ingest.totals();
            return new RunRecord(run.runId(), run.command(), run.arguments(), run.selection().label(), run.parentRunId(),
                    run.startedAt(), Instant.now(), status, status.exitCode(), ingest == null ? null : ingest.runId(),
                    t == null ? null : (long) t.files(), ingest == null ? null : (long) ingest.unchangedFiles(),
                    t == null ? null : t.rowsRead(), t == null ? null : t.accepted(), t == null ? null : t.duplicates(),
                    t == null ? null : t.quarantined(), kpi == null ? null : kpi.size(), kpi, published, error,
                    LockHolder.hostName(), ProcessHandle.current().pid());
        }
    }
}
