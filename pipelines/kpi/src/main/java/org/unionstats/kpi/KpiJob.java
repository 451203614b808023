package org.unionstats.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpi.engine.KpiDerivation;
import org.unionstats.kpi.engine.KpiOutputs;
import org.unionstats.kpi.engine.KpiState;
import org.unionstats.kpi.engine.ReportingCalendar;
import org.unionstats.kpi.engine.RollUp;
import org.unionstats.kpi.engine.WarehouseTables;
import org.unionstats.kpi.hierarchy.OrgHierarchy;
import org.unionstats.kpi.measures.CompetitionMeasures;
import org.unionstats.kpi.measures.HardshipMeasures;
import org.unionstats.kpi.measures.IndicatorMeasures;
import org.unionstats.kpi.measures.MeasureFamily;
import org.unionstats.kpi.measures.MembershipMeasures;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;

/**
 * The KPI job: ingested tables in, KPI tables out, rolled up the union hierarchy. Runs on
 * {@code local[*]} by default, or on a cluster through spark-submit with this class as main.
 */
public final class KpiJob {

    private static final Logger LOG = LoggerFactory.getLogger(KpiJob.class);

    private final SparkSession spark;
    private final KpiConfig config;
    private final KpiCatalogue catalogue = KpiCatalogue.load();

    KpiJob(SparkSession spark, KpiConfig config) {
        this.spark = spark;
        this.config = config;
    }

    public static void main(String[] args) {
        KpiConfig config;
        try {
            config = KpiConfig.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("unionstats kpi: " + e.getMessage());
            System.exit(2);
            return;
        }
        SparkSession spark = session(config.master());
        try {
            KpiRunResult result = new KpiJob(spark, config).run();
            System.out.println(result.toJson());
        } finally {
            spark.stop();
        }
    }

    static SparkSession session(String master) {
        SparkSession.Builder builder = SparkSession.builder().appName("unionstats-kpi")
                .config("spark.sql.sources.partitionOverwriteMode", "dynamic")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .config("spark.sql.session.timeZone", "Asia/Shanghai")
                .config("spark.sql.parquet.compression.codec", "snappy");
        if (master != null) {
            builder.master(master);
        }
        if (master != null && master.startsWith("local")) {
            builder.config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "8");
        }
        return builder.getOrCreate();
    }

    KpiRunResult run() {
        long start = System.nanoTime();
        WarehouseTables.register(spark, config.warehouse());
        List<Period> quarters = dataQuarters();
        if (quarters.isEmpty()) {
            LOG.info("nothing ingested yet: no KPIs to compute");
            return new KpiRunResult(List.of(), 0, 0);
        }
        ReportingCalendar calendar = new ReportingCalendar(quarters.get(0), quarters.get(quarters.size() - 1));
        calendar.toDataFrame(spark).cache().createOrReplaceTempView("calendar");

        KpiState state = new KpiState(config.warehouse());
        Set<String> receipts = KpiState.currentReceipts(spark);
        List<Period> toWrite = periodsToWrite(calendar, state, receipts);
        if (toWrite.isEmpty()) {
            LOG.info("no submission changed since the last KPI run: nothing to write");
            return new KpiRunResult(List.of(), 0, seconds(start));
        }
        LOG.info("computing KPIs over {} periods; writing {}", calendar.periods().size(), toWrite.size());

        OrgHierarchy hierarchy = new OrgHierarchy(RegionDirectory.loadDefault(), basicUnions());
        Dataset<Row> dimOrgs = hierarchy.dimension(spark).cache();
        dimOrgs.createOrReplaceTempView("dim_orgs");
        Dataset<Row> bridge = hierarchy.bridge(spark).cache();
        bridge.createOrReplaceTempView("org_ancestors");
        hierarchy.grains(spark).cache().createOrReplaceTempView("org_grain");

        List<MeasureFamily> families = List.of(new MembershipMeasures(), new HardshipMeasures(), new CompetitionMeasures(),
                new IndicatorMeasures());
        // Checkpoints cut the lineage between stages, so each stage's plan stays small.
        families.stream().map(f -> f.measures(spark)).reduce(Dataset::unionAll).orElseThrow()
                .localCheckpoint().createOrReplaceTempView("measures");
        stage("base measures", start);
        RollUp.apply(spark, catalogue.measureAggregation()).localCheckpoint().createOrReplaceTempView("rolled");
        stage("roll-up", start);
        new KpiDerivation(spark, catalogue).derive().createOrReplaceTempView("kpi_raw");
        Dataset<Row> kpiValues = spark.sql("""
                SELECT k.org_code, o.org_level, c.period_type, k.kpi_id, k.breakdown, k.value, k.numerator, k.denominator,
                       CASE k.qualifier_rank WHEN 2 THEN 'nearly' WHEN 1 THEN 'over' ELSE 'exact' END AS qualifier, k.period
                FROM kpi_raw k
                JOIN dim_orgs o ON o.org_code = k.org_code
                JOIN calendar c ON c.period = k.period
                WHERE k.value IS NOT NULL
                """).localCheckpoint();
        kpiValues.createOrReplaceTempView("kpi_values");
        stage("KPI derivation", start);

        List<String> written = toWrite.stream().map(Period::canonical).toList();
        KpiOutputs out = new KpiOutputs(config.warehouse(), written);
        out.writePartitioned("kpi_values", kpiValues, "org_code", "kpi_id", "breakdown");
        stage("kpi_values written", start);
        // Data quality: reporting completeness, rule findings, and the county scorecard (which counts the findings).
        Dataset<Row> findings = new org.unionstats.kpi.quality.DataQualityFindings().compute(spark).cache();
        out.writePartitioned("reporting_completeness",
                new org.unionstats.kpi.quality.ReportingCompleteness().compute(spark, config.deadlineDays()), "org_code", "record_type");
        out.writePartitioned("dq_findings", findings, "rule_id", "org_code");
        out.writePartitioned("county_scorecard", new org.unionstats.kpi.quality.CountyScorecard(catalogue).compute(spark, findings),
                "county_code", "kpi_id");
        stage("completeness, findings, scorecards written", start);
        for (String family : KpiCatalogue.FAMILIES) {
            out.writePartitioned("kpi_" + family, wide(family), "org_code");
        }
        out.writeWhole("dim_orgs", dimOrgs, "org_code");
        out.writeWhole("dim_kpis", dimKpis(), "kpi_id");
        out.writeWhole("dim_periods", spark.table("calendar"), "period");
        out.writeWhole("org_ancestors", bridge, "org_code");
        long rows = kpiValues.filter(org.apache.spark.sql.functions.col("period").isin(written.toArray())).count();
        state.save(receipts);
        return new KpiRunResult(written, rows, seconds(start));
    }

    /** One row per org and period, one column per KPI of the family (totals, not breakdowns). */
    private Dataset<Row> wide(String family) {
        List<String> ids = catalogue.all().stream().filter(k -> catalogue.familyOf(k.id()).equals(family)).map(k -> k.id()).toList();
        StringBuilder sql = new StringBuilder("SELECT org_code, org_level, period_type");
        for (String id : ids) {
            sql.append(", MAX(IF(kpi_id = '").append(id).append("', value, NULL)) AS ").append(id);
        }
        sql.append(", period FROM kpi_values WHERE breakdown = '' GROUP BY org_code, org_level, period_type, period");
        return spark.sql(sql.toString());
    }

    private Dataset<Row> dimKpis() {
        List<Row> rows = new ArrayList<>();
        catalogue.all().forEach(k -> rows.add(org.apache.spark.sql.RowFactory.create(k.id(), catalogue.familyOf(k.id()), k.nameZh(),
                k.nameEn(), k.description(), k.unit(), k.additivity(), k.better(), k.source(), k.breakdown())));
        return spark.createDataFrame(rows, org.apache.spark.sql.types.StructType.fromDDL(
                "kpi_id STRING, family STRING, name_zh STRING, name_en STRING, description STRING, unit STRING,"
                        + " additivity STRING, better STRING, source STRING, breakdown STRING"));
    }

    private List<Period> periodsToWrite(ReportingCalendar calendar, KpiState state, Set<String> receipts) {
        if (config.full()) {
            return calendar.periods();
        }
        if (config.periods().isPresent()) {
            List<Period> asked = config.periods().get();
            return calendar.periods().stream()
                    .filter(p -> asked.stream().anyMatch(a -> p.overlaps(a.start(), a.end())))
                    .toList();
        }
        List<Period> changed = state.changedPeriods(receipts);
        return changed.isEmpty() ? List.of() : calendar.affectedBy(changed);
    }

    /** The quarters the ingested data spans, from the submission periods of the record tables. */
    private List<Period> dataQuarters() {
        List<Period> quarters = new ArrayList<>();
        for (Row r : spark.sql("""
                SELECT DISTINCT period FROM (
                  SELECT period FROM member_events UNION SELECT period FROM hardship_cases
                  UNION SELECT period FROM indicator_reports UNION SELECT period FROM competitions
                  UNION SELECT period FROM org_units)
                """).collectAsList()) {
            Period p = Period.parse(r.getString(0));
            quarters.add(Period.containing(org.unionstats.period.PeriodType.QUARTER, p.start()));
            quarters.add(Period.containing(org.unionstats.period.PeriodType.QUARTER, p.end()));
        }
        return quarters.stream().distinct().sorted().toList();
    }

    private List<OrgHierarchy.BasicUnion> basicUnions() {
        List<OrgHierarchy.BasicUnion> unions = new ArrayList<>();
        for (Row r : spark.sql("""
                SELECT org_code, name, level, parent_org_code, region_code FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY org_code ORDER BY period DESC, submitter) AS rn FROM org_units)
                WHERE rn = 1 AND org_code LIKE '%-%'
                """).collectAsList()) {
            unions.add(new OrgHierarchy.BasicUnion(r.getString(0), r.getString(1), r.getString(2), r.getString(3), r.getString(4)));
        }
        return unions;
    }

    private static void stage(String name, long start) {
        LOG.info("{} ({} s)", name, String.format("%.1f", seconds(start)));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** What a run wrote, printed as JSON for the CLI. */
    record KpiRunResult(List<String> periodsWritten, long kpiRows, double seconds) {
        String toJson() {
            return "{\"periods_written\":" + periodsWritten.stream().map(p -> "\"" + p + "\"").toList()
                    + ",\"kpi_rows\":" + kpiRows + ",\"seconds\":" + String.format("%.1f", seconds) + "}";
        }
    }

}
