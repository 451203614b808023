package org.unionstats.kpi;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.contract.RecordType;
import org.unionstats.errors.ExitCode;
import org.unionstats.kpi.engine.ConcurrentWrites;
import org.unionstats.kpi.engine.CurrentReceipts;
import org.unionstats.kpi.engine.IngestedTables;
import org.unionstats.kpi.engine.KpiDerivation;
import org.unionstats.kpi.engine.KpiOutputs;
import org.unionstats.kpi.engine.KpiProjections;
import org.unionstats.kpi.engine.PosixLocalFileSystem;
import org.unionstats.kpi.engine.PublishedKpis;
import org.unionstats.kpi.engine.RecomputedFamilies;
import org.unionstats.kpi.engine.ReportingCalendar;
import org.unionstats.kpi.engine.RollUp;
import org.unionstats.kpi.engine.ScratchFrames;
import org.unionstats.kpi.hierarchy.OrgHierarchy;
import org.unionstats.kpi.measures.CompetitionMeasures;
import org.unionstats.kpi.measures.HardshipMeasures;
import org.unionstats.kpi.measures.HardshipRegister;
import org.unionstats.kpi.measures.IndicatorMeasures;
import org.unionstats.kpi.measures.KeptHardshipRegister;
import org.unionstats.kpi.measures.MeasureFamily;
import org.unionstats.kpi.measures.MembershipMeasures;
import org.unionstats.kpi.measures.ReportedBalances;
import org.unionstats.kpi.measures.Restatements;
import org.unionstats.kpi.quality.CountyScorecard;
import org.unionstats.kpi.quality.DataQualityFindings;
import org.unionstats.kpi.quality.ReportingCompleteness;
import org.unionstats.kpi.targets.TargetAttainment;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.regions.RegionDirectory;
import org.unionstats.warehouse.receipts.KpiState;
import org.unionstats.warehouse.receipts.ReceiptStatus;
import org.unionstats.warehouse.runs.KpiJobResult;
import org.unionstats.warehouse.tables.TableCatalog;
import org.unionstats.warehouse.tables.TableSpec;
import org.unionstats.warehouse.tables.Writer;

/**
 * The KPI job: ingested tables in, KPI tables out, rolled up the union hierarchy. Runs embedded on
 * {@link org.unionstats.environment.Environment#LOCAL_SPARK_MASTER} by default, or on a cluster through spark-submit
 * with this class as main. Every stage gets its inputs as Datasets and returns its output; the tables it writes are
 * the table catalogue's KPI tables.
 */
public final class KpiJob {

    private static final Logger LOG = LoggerFactory.getLogger(KpiJob.class);

    private static final List<MeasureFamily> FAMILIES = List.of(new MembershipMeasures(), new HardshipMeasures(),
            new CompetitionMeasures(), new IndicatorMeasures());

    /**
     * Raised when the KPI tables change form without a catalogue change. 2: a breakdown row of kpi_values carries only
     * the KPIs the catalogue breaks down by its dimension. 3: the basic-level unions' KPIs are in the family tables, with
     * a qualifier column per KPI, and no longer in kpi_basic_unions. 4: kpi_values and the regional wide rows kept for
     * later runs are partitioned by family within each period. 5: a family's regional wide rows hold its own KPIs'
     * columns only.
     */
    static final int TABLES_FORM = 5;

    /**
     * How many table writes run at once. Two on the embedded default's two cores: a write's driver-side work (planning,
     * code generation) on one while the other's tasks run.
     */
    private static final int CONCURRENT_WRITES = 2;

    private final SparkSession spark;
    private final KpiConfig config;
    private final KpiCatalogue catalogue = KpiCatalogue.load();
    private final TableCatalog tables = TableCatalog.load(catalogue);

    KpiJob(SparkSession spark, KpiConfig config) {
        this.spark = spark;
        this.config = config;
        List<String> ingestFolders = tables.foldersWrittenBy(Writer.INGEST);
        List<String> unknown = IngestedTables.COLUMNS.keySet().stream().filter(f -> !ingestFolders.contains(f)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("the KPI job reads " + unknown
                    + ", which the table catalogue (schemas/trino/tables.yaml) does not list as written by the ingest");
        }
    }

    /** The JVM's edge: the only place that reads arguments and system properties. */
    public static void main(String[] args) {
        KpiConfig config;
        try {
            // spark-submit passes the master it chose as the system property spark.master.
            config = KpiConfig.parse(args, System.getProperty("spark.master") != null);
        } catch (IllegalArgumentException e) {
            System.err.println("unionstats kpi: " + e.getMessage());
            System.exit(ExitCode.BAD_ARGUMENTS.code());
            return;
        }
        SparkSession spark = session(config.master());
        try {
            System.out.println(new KpiJob(spark, config).run().toJson());
        } finally {
            spark.stop();
        }
    }

    /** @param master Spark's master; empty = the one spark-submit chose */
    static SparkSession session(Optional<String> master) {
        SparkSession.Builder builder = SparkSession.builder().appName("unionstats-kpi")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .config("spark.sql.session.timeZone", "Asia/Shanghai")
                .config("spark.sql.parquet.compression.codec", "snappy")
                // Constraint propagation over the wide KPI frame (a column per KPI, each an expression of earlier ones)
                // costs minutes of planning and buys no filter here.
                .config("spark.sql.constraintPropagation.enabled", "false")
                // Whole-stage code generation for the wide KPI frame too (Spark's default stops at 100 columns and
                // interprets the rest, three times the CPU of the derivation).
                .config("spark.sql.codegen.maxFields", "4000")
                // Generated classes are cached by their source, which by default names the query stage, so the same
                // code in two queries was compiled twice; and at Spark's default of 100 entries a run compiled some of
                // its classes again. A new quarter on the small sample compiled 960 classes in 39.5 s; 733 in 30.3 s.
                .config("spark.sql.codegen.useIdInClassName", "false")
                .config("spark.sql.codegen.cache.maxEntries", "4000")
                // Hadoop's local file system starts a chmod process per file and directory it writes (no native library).
                .config("spark.hadoop.fs.file.impl", PosixLocalFileSystem.class.getName());
        master.ifPresent(builder::master);
        if (master.filter(m -> m.startsWith("local")).isPresent()) {
            builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8");
        }
        return builder.getOrCreate();
    }

    KpiJobResult run() {
        try (ScratchFrames scratch = new ScratchFrames(spark, config.warehouse())) {
            return compute(scratch);
        } finally {
            // A later run in the same session reads the same paths, and Spark would serve it this run's cached frames
            // (the hardship register, the totals) however the files under them changed.
            spark.catalog().clearCache();
        }
    }

    private KpiJobResult compute(ScratchFrames scratch) {
        long start = System.nanoTime();
        IngestedTables ingested = IngestedTables.read(spark, config.warehouse());
        Optional<ReportingCalendar> spanned = ReportingCalendar.spanning(ingested);
        if (spanned.isEmpty()) {
            LOG.info("nothing ingested yet: no KPIs to compute");
            return new KpiJobResult(List.of(), 0, 0);
        }
        ReportingCalendar calendar = spanned.get();
        // The calendar stays a local relation (a few dozen rows): a query broadcasts it from the driver without a Spark job.
        Dataset<Row> calendarRows = calendar.toDataFrame(spark);

        KpiState state = new KpiState(config.warehouse());
        Set<String> receipts = CurrentReceipts.stateKeys(ingested.ingestReceipts());
        KeptHardshipRegister keptRegister = new KeptHardshipRegister(spark, config.warehouse());
        Planned planned = plan(calendar, state, receipts, ingested, calendarRows, keptRegister);
        RecomputePlan plan = planned.plan();
        stage("plan", start);
        List<Period> toWrite = plan.written();
        if (toWrite.isEmpty()) {
            LOG.info("no submission changed since the last KPI run: nothing to write");
            return new KpiJobResult(List.of(), 0, seconds(start));
        }
        // Only the written periods are computed; the periods they are compared with (the quarter before, a year ago)
        // are read back from the published tables where an earlier run wrote them, else computed too. Every month is
        // still read for the stocks.
        PublishedKpis published = new PublishedKpis(config.warehouse(), catalogue);
        List<Period> comparedWith = calendar.comparedWith(toWrite);
        List<Period> comparedReadBack = published.publishedAmong(spark, comparedWith);
        List<Period> computed = calendar.periods().stream()
                .filter(p -> plan.everyFamily().contains(p) || comparedWith.contains(p) && !comparedReadBack.contains(p)).toList();
        List<Period> readBack = calendar.periods().stream()
                .filter(p -> comparedReadBack.contains(p) || plan.familyAlonePeriods().contains(p)).toList();
        LOG.info("computing KPIs over {} of {} periods ({} more for {} alone); writing {}; reading {} periods back from the published tables",
                computed.size(), calendar.periods().size(), plan.familyAlonePeriods().size(), plan.familyAlone().keySet(),
                toWrite.size(), readBack.size());
        // Scanned where used, each use reading its own columns and periods, rather than copied whole as scratch. The
        // periods this run rewrites are read only into the wide frame, which is kept before any table is written; after
        // that, only the periods compared with are read, and no run rewrites them.
        Optional<PublishedKpis.Rows> publishedRows = readBack.isEmpty() ? Optional.empty() : Optional.of(published.read(spark, readBack,
                familyTables().stream().collect(Collectors.toMap(TableSpec::kpiFamily, TableSpec::folder, (a, b) -> a, java.util.LinkedHashMap::new))));
        RecomputedFamilies recomputed = new RecomputedFamilies(catalogue, plan.familyAlone());

        OrgHierarchy hierarchy = new OrgHierarchy(RegionDirectory.loadDefault(),
                OrgHierarchy.BasicUnion.declaredIn(ingested.orgUnits()));
        // The hierarchy's frames are read back from Parquet rather than kept as local relations: on the national sample
        // (857 k bridge rows) a local relation's rows cost seconds of analysis in every query, were shipped inside every
        // task, and were too big in memory for Spark to broadcast; as Parquet of a few MB they are broadcast.
        Dataset<Row> dimOrgs = scratch.keep("dim_orgs", hierarchy.dimension(spark));
        Dataset<Row> orgAncestors = scratch.keep("org_ancestors", hierarchy.bridge(spark));
        Dataset<Row> orgGrain = scratch.keep("org_grain", hierarchy.grains(spark));
        stage("hierarchy", start);

        // Spark re-analyses a frame's whole lineage in every query that reads it, and the KPI lineage is deep (a column
        // per KPI, each an expression of earlier ones): frames kept at the stage boundaries keep planning short. The large
        // ones are kept as scratch Parquet rather than checkpointed rows: columnar, they compress the wide frame's nulls
        // (most KPIs of a breakdown row) and each projection reads only its columns.
        Dataset<Row> register = planned.register().orElseGet(() -> HardshipRegister.of(ingested, calendarRows)).cache();
        // Checkpointed, not cached: the measures and the findings read it inside WITH clauses, where Spark does not
        // match a cached plan and would compute it again.
        Dataset<Row> balanceChecks = ReportedBalances.check(ingested, register, calendarRows).localCheckpoint();
        stage("hardship register, balance checks", start);
        // Kept by family, each with its own additive measures' columns; read back as one frame, by name (MeasureFamily):
        // kept as one, every row would write every family's columns, three quarters of them null.
        Dataset<Row> measures = FAMILIES.stream()
                .map(f -> scratch.keep("measures_" + f.kpiFamily(), f.measures(new MeasureFamily.Inputs(ingested, calendarRows,
                        calendar.periodMonths(spark, plan.computedFor(f.kpiFamily(), computed)), orgGrain, register, balanceChecks))))
                .reduce((a, b) -> a.unionByName(b, true)).orElseThrow();
        stage("base measures", start);
        Dataset<Row> rolled = scratch.keep("rolled", RollUp.apply(measures, orgAncestors, catalogue.measureAggregation()));
        stage("roll-up", start);
        KpiProjections project = new KpiProjections(catalogue);
        List<Period> derivedPeriods = calendar.periods().stream()
                .filter(p -> computed.contains(p) || plan.familyAlonePeriods().contains(p)).toList();
        Dataset<Row> derived = new KpiDerivation(catalogue, scratch).derive(recomputed.withBorrowed(rolled, publishedRows), calendarRows,
                derivedPeriods, publishedRows, recomputed);
        // In the periods a family alone is restated in, the findings are rewritten only if they read that family; the
        // other tables written there read the basic-level unions of every family only where a union has a target.
        List<Period> findingsWritten = plan.recomputedInAny(DataQualityFindings.KPIS_READ.stream().map(catalogue::familyOf).toList());
        RecomputedFamilies.ForTables forTables = recomputed.forTables(derived, publishedRows,
                dimOrgs.where(col("org_level").notEqual("basic")), ingested.targets(), findingsWritten, DataQualityFindings.KPIS_READ);
        Dataset<Row> wide = scratch.keepWide("kpi_wide", project.wide(forTables.rows(), dimOrgs, calendarRows));
        Map<String, Dataset<Row>> aloneWide = new LinkedHashMap<>();
        Map<String, Dataset<Row>> aloneTotals = new LinkedHashMap<>();
        forTables.aloneRows().forEach((family, rows) -> {
            aloneWide.put(family, scratch.keepWide("kpi_wide_" + family, project.wide(rows, dimOrgs, calendarRows)));
            aloneTotals.put(family, project.familyTotals(aloneWide.get(family), family));
        });
        // Kept before any table is written, as the wide frame: it reads the published rows of periods this run rewrites.
        Optional<Dataset<Row>> wholeTotals = forTables.wholeRows().map(w -> project.totals(
                scratch.keepWide("kpi_wide_whole", project.wide(w, dimOrgs, calendarRows)), DataQualityFindings.KPIS_READ));
        stage("KPI derivation", start);
        // Not cached: the wide frame is kept as Parquet, and each table reads its own columns of it. Caching the totals
        // built every KPI's columns in memory, 16 s of CPU for the 1.3 M wide rows of a new quarter on medium.
        Dataset<Row> totals = project.totals(wide);

        List<String> written = canonical(toWrite);
        KpiOutputs out = new KpiOutputs(config.warehouse(), written, tables.foldersWrittenBy(Writer.KPI));
        // The totals with those of the compared periods read back: the scorecard's change on the quarter and the year,
        // and the targets' year so far (H1 before Q3) and opening value (the previous year) read them. The totals read
        // back are cached: each table reading them would otherwise scan and project the published rows again. Only
        // those of the orgs they read are kept, the counties (the scorecard) and the unions with a target: on medium the
        // compared periods hold 1.5 M rows, nearly all basic-level unions', which took 19 s to cache. Nor is a month
        // read back: the scorecard compares quarters, the targets add up quarters, half-years and years.
        Dataset<Row> comparedOrgs = dimOrgs.where(col("org_level").equalTo("county")).select("org_code")
                .union(ingested.targets().select("org_code")).distinct();
        Object[] comparedRead = comparedReadBack.stream().filter(p -> p.type() != PeriodType.MONTH).map(Period::canonical).toArray();
        Dataset<Row> comparable = publishedRows.filter(r -> comparedRead.length > 0).map(r -> {
            Dataset<Row> compared = project.totals(r.every(ingested.targets(), List.of()).where(col("period").isin(comparedRead)));
            return totals.unionByName(compared.join(comparedOrgs, compared.col("org_code").equalTo(comparedOrgs.col("org_code")), "left_semi")
                    .cache());
        }).orElse(totals);
        long rows;
        try (ConcurrentWrites writes = new ConcurrentWrites(CONCURRENT_WRITES)) {
            // Each family's partitions of the regional KPIs only where it was recomputed: a family recomputed alone in a
            // period leaves the others' files there as they were.
            Map<String, List<String>> familiesWritten = new LinkedHashMap<>();
            KpiCatalogue.FAMILIES.forEach(f -> familiesWritten.put(f, canonical(plan.recomputedIn(f))));
            Future<Long> values = writes.submit(() -> out.writeByFamily("kpi_values", familiesWritten,
                    project.regionalValues(wide, aloneWide, familiesWritten), "org_level", "org_code", "kpi_id", "breakdown"));
            writes.submit(() -> out.writeRegionalWide(familiesWritten, project.regionalWide(wide, aloneWide, familiesWritten)));
            // A family's own table does not change in the periods another family alone is recomputed in. Its basic-level
            // rows are the basic-level unions' compact form: no other table holds them. Where it alone was recomputed,
            // most of them come from its own narrow frame.
            for (TableSpec family : familyTables()) {
                String f = family.kpiFamily();
                Dataset<Row> recomputedRows = project.family(totals, f);
                Dataset<Row> familyRows = aloneTotals.containsKey(f)
                        ? recomputedRows.unionByName(project.family(aloneTotals.get(f), f)) : recomputedRows;
                writes.submit(() -> out.writePartitioned(family.folder(), canonical(plan.recomputedIn(f)), familyRows, "org_level", "org_code"));
            }
            // Targets (目标任务): each target against the year-to-date totals, with the pace expected by each quarter's end.
            writes.submit(() -> out.writePartitioned("kpi_targets",
                    new TargetAttainment(catalogue).compute(ingested.targets(), comparable, dimOrgs, calendarRows), "org_level", "org_code", "kpi_id"));
            // Data quality: reporting completeness, rule findings, and the county scorecard (which counts the findings).
            // Completeness reads the receipts alone: it changes only from the earliest changed submission's period on,
            // where every family is recomputed.
            writes.submit(() -> out.writePartitioned("reporting_completeness", canonical(plan.everyFamily()),
                    ReportingCompleteness.compute(ingested.ingestReceipts(), calendarRows, dimOrgs, orgAncestors, config.reporting()),
                    "org_code", "record_type"));
            // Computed in every period written; the scorecard counts those of its counties, whose KPIs are whole in each.
            // Where a family they read was recomputed alone, the other basic-level unions' totals come from their own frame.
            Dataset<Row> findingsRead = wholeTotals.map(w -> DataQualityFindings.columnsRead(totals)
                    .unionByName(DataQualityFindings.columnsRead(w))).orElse(totals);
            Dataset<Row> findings = DataQualityFindings.compute(findingsRead, dimOrgs, balanceChecks, calendarRows).cache();
            writes.submit(() -> out.writePartitioned("dq_findings", canonical(findingsWritten), findings, "rule_id", "org_code"));
            writes.submit(() -> out.writePartitioned("county_scorecard", new CountyScorecard(catalogue).compute(comparable, dimOrgs,
                    calendarRows, findings), "city_code", "county_code", "kpi_order"));
            writes.submit(() -> out.writeWhole("dim_orgs", dimOrgs, "org_code"));
            writes.submit(() -> out.writeWhole("dim_kpis", dimKpis(), "kpi_id"));
            writes.submit(() -> out.writeWhole("dim_periods", calendarRows, "period"));
            writes.submit(() -> out.writeWhole("org_ancestors", orgAncestors, "org_code"));
            writes.submit(() -> keptRegister.keep(register, receipts));
            writes.awaitAll();
            rows = ConcurrentWrites.result(values);
        }
        stage("KPI, target, quality and dimension tables written", start);
        out.checkAllWritten();
        state.save(receipts, publishedForm());
        keptRegister.keepOnly(receipts);
        return new KpiJobResult(written, rows, seconds(start));
    }

    /**
     * What the published periods were computed by: the catalogue's fingerprint and {@link #TABLES_FORM}. A run that finds
     * another rewrites every period, so no table mixes periods of two forms.
     */
    private String publishedForm() {
        return catalogue.fingerprint() + "/" + TABLES_FORM;
    }

    /** The wide tables of the KPI families (kpi_membership, ...), as the table catalogue lists them. */
    private List<TableSpec> familyTables() {
        return tables.tables().stream().filter(t -> t.writer() == Writer.KPI && t.kpiFamily() != null).toList();
    }

    private Dataset<Row> dimKpis() {
        List<Row> rows = new ArrayList<>();
        catalogue.all().forEach(k -> rows.add(RowFactory.create(k.id(), catalogue.familyOf(k.id()), k.nameZh(),
                k.nameEn(), k.description(), k.unit(), k.additivity(), k.better(), k.source(), k.breakdown())));
        return spark.createDataFrame(rows, StructType.fromDDL(
                "kpi_id STRING, family STRING, name_zh STRING, name_en STRING, description STRING, unit STRING,"
                        + " additivity STRING, better STRING, source STRING, breakdown STRING"));
    }

    /**
     * What a run writes, and the hardship register of every case where the one the last run kept could be brought up to
     * date ({@link Restatements.Check#register}); else the run computes it whole.
     */
    private record Planned(RecomputePlan plan, Optional<Dataset<Row>> register) {

        Planned(RecomputePlan plan) {
            this(plan, Optional.empty());
        }
    }

    private Planned plan(ReportingCalendar calendar, KpiState state, Set<String> receipts, IngestedTables ingested,
            Dataset<Row> calendarRows, KeptHardshipRegister keptRegister) {
        if (config.full()) {
            return new Planned(RecomputePlan.everyFamily(calendar.periods()));
        }
        // A run asked for some periods would leave the others in the form an earlier catalogue or job wrote, and compare
        // with them: where an earlier run published another form, every period is rewritten.
        boolean otherForm = state.saved().isPresent() && state.catalogueChanged(publishedForm());
        if (config.periods().isPresent() && !otherForm) {
            List<Period> asked = config.periods().get();
            return new Planned(RecomputePlan.everyFamily(calendar.periods().stream()
                    .filter(p -> asked.stream().anyMatch(a -> p.overlaps(a.start(), a.end())))
                    .toList()));
        }
        // Published periods hold the old catalogue's KPIs, and an incremental run compares with them.
        if (state.catalogueChanged(publishedForm())) {
            LOG.info("the KPI catalogue or the form of the KPI tables changed since the last run: rewriting every period");
            return new Planned(RecomputePlan.everyFamily(calendar.periods()));
        }
        Set<String> changed = state.changedReceipts(receipts);
        // A balance moves the stocks back to its date (and before a union's first balance), earlier than its period.
        if (changed.stream().map(KpiState::sourceFileOf).anyMatch(KpiJob::isBalances)) {
            LOG.info("a balances submission changed: rewriting every period");
            return new Planned(RecomputePlan.everyFamily(calendar.periods()));
        }
        Optional<LocalDate> changedFrom = changed.stream()
                .map(k -> Period.parse(KpiState.periodOf(k)).start()).min(LocalDate::compareTo);
        if (changedFrom.isEmpty()) {
            return new Planned(RecomputePlan.everyFamily(List.of()));
        }
        List<Period> affected = calendar.affectedFrom(changedFrom.get());
        if (affected.size() == calendar.periods().size()) {
            return new Planned(RecomputePlan.everyFamily(affected));
        }
        // Later submissions restate earlier periods too (a case filed before the period listing it, a union's founding).
        Set<String> fresh = state.newReceipts(receipts);
        List<Restatements.Withdrawn> withdrawn = state.goneReceipts(receipts).stream()
                .filter(k -> KpiState.statusOf(k).equals(ReceiptStatus.CURRENT.code()))
                .flatMap(k -> recordTypeOf(KpiState.sourceFileOf(k)).stream()
                        .map(t -> new Restatements.Withdrawn(t.code(), Period.parse(KpiState.periodOf(k)).start())))
                .toList();
        // The kept register holds the rows of a hardship submission gone since, which the cases' records no longer say.
        boolean hardshipGone = state.goneReceipts(receipts).stream()
                .anyMatch(k -> recordTypeOf(KpiState.sourceFileOf(k)).filter(t -> t == RecordType.HARDSHIP_CASES).isPresent());
        Optional<Dataset<Row>> kept = hardshipGone ? Optional.empty() : state.saved().flatMap(keptRegister::covering);
        Restatements.Check check = Restatements.of(ingested, calendarRows,
                fresh.stream().map(KpiState::submissionIdOf).collect(Collectors.toSet()),
                fresh.stream().map(KpiState::periodOf).collect(Collectors.toSet()), withdrawn, kept);
        List<Restatements.Restated> restated = check.restated();
        if (check.register().isPresent()) {
            LOG.info("the hardship register kept by the last run, with the cases the new submissions touch computed anew");
        }
        RecomputePlan plan = RecomputePlan.of(calendar, changedFrom.get(), restated, familiesReadingAlone());
        if (!restated.isEmpty()) {
            LOG.info("new submissions restate earlier periods ({}): rewriting {} of {} periods, {} of them for {} alone",
                    restated.stream().map(Restatements.Restated::reason).collect(Collectors.joining(", ")), plan.written().size(),
                    calendar.periods().size(), plan.familyAlonePeriods().size(), plan.familyAlone().keySet());
        }
        // The other families' KPIs of a period recomputed for one family alone are read back: an earlier run must have
        // published it.
        List<Period> alone = plan.familyAlonePeriods();
        if (!new PublishedKpis(config.warehouse(), catalogue).publishedAmong(spark, alone).equals(alone)) {
            LOG.info("some earlier periods a family alone is restated in were never published: recomputing every family in them");
            return new Planned(RecomputePlan.everyFamily(plan.written()), check.register());
        }
        return new Planned(plan, check.register());
    }

    /** The record types only one family reads, with that family, where the catalogue lets it be recomputed alone. */
    private Map<String, String> familiesReadingAlone() {
        Map<String, String> families = new HashMap<>();
        for (MeasureFamily f : FAMILIES) {
            if (catalogue.recomputableAlone(f.kpiFamily())) {
                f.recordTypesReadAlone().forEach(t -> families.put(t.code(), f.kpiFamily()));
            }
        }
        return families;
    }

    private static Optional<RecordType> recordTypeOf(String sourceFile) {
        return RecordType.fromFileName(sourceFile.substring(sourceFile.lastIndexOf('/') + 1));
    }

    private static boolean isBalances(String sourceFile) {
        return recordTypeOf(sourceFile).filter(t -> t == RecordType.BALANCES).isPresent();
    }

    private static List<String> canonical(List<Period> periods) {
        return periods.stream().map(Period::canonical).toList();
    }

    private static void stage(String name, long start) {
        LOG.info("{} ({} s)", name, String.format("%.1f", seconds(start)));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
