package org.unionstats.ingest;
import org.unionstats.warehouse.receipts.ReceiptStatus;

import org.unionstats.ingest.warehouse.WarehouseFiles;


import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.unionstats.contract.ContractCatalog;
import org.unionstats.ingest.pipeline.IngestOptions;
import org.unionstats.ingest.pipeline.IngestPipeline;
import org.unionstats.ingest.plan.IngestPlan;
import org.unionstats.ingest.plan.IngestPlanner;
import org.unionstats.ingest.warehouse.Publisher;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.regions.RegionDirectory;

/** One ingest run: plan, run the Beam pipeline into staging, publish, report. */
public final class IngestRunner {

    private static final DateTimeFormatter RUN_ID = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final IngestProgress progress;

    public IngestRunner(Consumer<String> progress) {
        this.progress = progress::accept;
    }

    private IngestRunner(IngestProgress progress) {
        this.progress = progress;
    }

    /** A runner that reports counts as numbers (for progress bars and structured logs), not only as text. */
    public static IngestRunner reportingTo(IngestProgress progress) {
        return new IngestRunner(progress);
    }

    /** The pipeline's options from the command line's Beam words: the runner's and {@link IngestOptions}. */
    public static PipelineOptions pipelineOptions(List<String> beamArgs) {
        PipelineOptionsFactory.register(IngestOptions.class);
        PipelineOptions options = PipelineOptionsFactory.fromArgs(beamArgs.toArray(String[]::new)).withValidation().create();
        if (options.as(IngestOptions.class).getWinnerJoinShards() < 1) {
            throw new IllegalArgumentException("--winnerJoinShards must be at least 1");
        }
        return options;
    }

    public IngestSummary run(IngestConfig config) {
        PipelineOptions options = pipelineOptions(config.beamArgs());
        options.setJobName("unionstats-ingest");
        FileSystems.setDefaultPipelineOptions(options);
        WarehouseLayout layout = new WarehouseLayout(config.warehouse());
        Publisher publisher = new Publisher(layout);
        if (publisher.recover() > 0) {
            progress.message("completed an earlier run's interrupted publish");
        }

        RegionDirectory regions = RegionDirectory.loadDefault();
        ContractCatalog catalog = ContractCatalog.load();
        Instant started = Instant.now();
        String runId = RUN_ID.format(started);
        progress.message("planning: listing and hashing " + config.inbox());
        IngestPlan plan = new IngestPlanner(regions, layout, config.limits())
                .plan(config.inbox(), runId, started.toEpochMilli(), config::selects, config.arrivals());
        progress.message(String.format("plan: %d new file(s), %d unchanged (already ingested), %d table partition(s) to rewrite",
                plan.newFiles().size(), plan.unchangedFiles(),
                plan.touched().values().stream().mapToInt(java.util.Map::size).sum()));
        if (plan.isEmpty()) {
            return new IngestSummary(runId, List.of(), plan.unchangedFiles(), IngestSummary.Totals.of(List.of()));
        }

        Pipeline pipeline = Pipeline.create(options);
        IngestPipeline.build(pipeline, plan, catalog, config.pseudonymKey(), layout, config.shardsPerPartition(), config.limits());
        // Poll progress while the runner works instead of blocking inside run().
        DirectOptions direct = options.as(DirectOptions.class);
        direct.setBlockOnRun(false);
        // The DirectRunner's immutability and encodability checks are test aids (TestPipeline keeps
        // them); on real runs they cost more than the work. --enforceImmutability=true restores them.
        if (!config.beamArgs().stream().anyMatch(a -> a.startsWith("--enforceImmutability"))) {
            direct.setEnforceImmutability(false);
        }
        if (!config.beamArgs().stream().anyMatch(a -> a.startsWith("--enforceEncodability"))) {
            direct.setEnforceEncodability(false);
        }
        PipelineResult.State state;
        try {
            PipelineResult result = pipeline.run();
            state = waitWithProgress(result, plan.newFiles().size(), started);
        } catch (RuntimeException e) {
            throw new IngestFailedException("the ingest pipeline failed (published tables unchanged): " + rootMessage(e), e);
        }
        if (state != PipelineResult.State.DONE) {
            throw new IngestFailedException("the ingest pipeline ended " + state + " (published tables unchanged)", null);
        }

        List<String[]> replaced = new ArrayList<>();
        plan.touched().forEach((type, periods) -> periods.keySet().forEach(p -> replaced.add(new String[] {type.code(), p})));
        plan.receiptPeriods().forEach(p -> replaced.add(new String[] {WarehouseLayout.RECEIPTS, p}));
        progress.message("publishing " + replaced.size() + " partition(s)");
        publisher.publish(publisher.plan(runId, replaced, List.of(WarehouseLayout.QUARANTINE)));

        List<IngestSummary.FileReceipt> receipts = receiptsOf(layout, plan);
        return new IngestSummary(runId, receipts, plan.unchangedFiles(), IngestSummary.Totals.of(receipts));
    }

    private PipelineResult.State waitWithProgress(PipelineResult result, int files, Instant started) {
        PipelineResult.State state = result.waitUntilFinish(org.joda.time.Duration.standardSeconds(5));
        while (state == null || !state.isTerminal()) {
            long done = counter(result, "files");
            long rows = counter(result, "rows_read");
            progress.checking(done, files, rows, Duration.between(started, Instant.now()).toSeconds());
            state = result.waitUntilFinish(org.joda.time.Duration.standardSeconds(5));
        }
        return state;
    }

    private static long counter(PipelineResult result, String name) {
        try {
            long total = 0;
            for (MetricResult<Long> c : result.metrics().queryMetrics(MetricsFilter.builder()
                    .addNameFilter(MetricNameFilter.named("unionstats.ingest", name)).build()).getCounters()) {
                total += c.getAttempted();
            }
            return total;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static List<IngestSummary.FileReceipt> receiptsOf(WarehouseLayout layout, IngestPlan plan) {
        List<IngestSummary.FileReceipt> out = new ArrayList<>();
        for (String period : plan.receiptPeriods()) {
            List<GenericRecord> records = WarehouseFiles.read(
                    WarehouseFiles.files(layout.partition(WarehouseLayout.RECEIPTS, period)),
                    ContractCatalog.tableSchema(WarehouseLayout.RECEIPTS));
            for (GenericRecord r : records) {
                if (plan.runId().equals(r.get("run_id").toString())) {
                    out.add(new IngestSummary.FileReceipt(str(r, "source_file"), str(r, "submitter"),
                            WarehouseLayout.UNKNOWN_PERIOD.equals(period) ? null : period, str(r, "record_type"),
                            str(r, "format"), (Long) r.get("rows_read"), (Long) r.get("accepted"), (Long) r.get("duplicates"),
                            (Long) r.get("quarantined"), ReceiptStatus.fromCode(str(r, "status")), str(r, "replaced_by")));
                }
            }
        }
        out.sort(Comparator.comparing(IngestSummary.FileReceipt::path));
        return out;
    }

    private static String str(GenericRecord r, String field) {
        Object v = r.get(field);
        return v == null ? null : v.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

}
