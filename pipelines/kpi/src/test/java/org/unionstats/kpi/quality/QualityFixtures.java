package org.unionstats.kpi.quality;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.unionstats.kpi.engine.ReportingCalendar;
import org.unionstats.kpi.hierarchy.OrgHierarchy;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.period.Period;
import org.unionstats.regions.RegionDirectory;

/** Shared test helpers: one small Spark session, the dimensions, hand-built kpi_values and findings. */
final class QualityFixtures {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static final String KPI_VALUES = "org_code STRING, org_level STRING, period_type STRING, kpi_id STRING, breakdown STRING,"
            + " value DOUBLE, numerator DOUBLE, denominator DOUBLE, qualifier STRING, period STRING";

    static final String FINDINGS = "rule_id STRING, severity STRING, org_code STRING, org_level STRING, kpi_id STRING,"
            + " value DOUBLE, reference DOUBLE, message_zh STRING, message_en STRING, period STRING";

    private QualityFixtures() {}

    /** Local, small and in the warehouse's time zone, like {@code KpiJob.session} for tests. */
    static SparkSession spark() {
        return SparkSession.builder().appName("unionstats-kpi-quality-test").master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "Asia/Shanghai")
                .config("spark.sql.sources.partitionColumnTypeInference.enabled", "false")
                .getOrCreate();
    }

    /** {@code dim_orgs} and {@code org_ancestors} from the real region dimension (no basic unions). */
    record Orgs(Dataset<Row> dimOrgs, Dataset<Row> orgAncestors) {}

    static Orgs orgs(SparkSession spark) {
        OrgHierarchy hierarchy = new OrgHierarchy(RegionDirectory.loadDefault(), List.of());
        return new Orgs(hierarchy.dimension(spark).cache(), hierarchy.bridge(spark).cache());
    }

    /** The calendar from the first to the last quarter, as the job builds it. */
    static Dataset<Row> calendar(SparkSession spark, String firstQuarter, String lastQuarter) {
        return new ReportingCalendar(Period.parse(firstQuarter), Period.parse(lastQuarter)).toDataFrame(spark).cache();
    }

    /** Collects KPI values (totals, quarters, exact), given as {@code kpi_values} rows, read as the job's KPI totals. */
    static final class KpiValues {
        private final List<Row> rows = new ArrayList<>();

        KpiValues add(String orgCode, String orgLevel, String period, String kpiId, Double value) {
            return add(orgCode, orgLevel, period, kpiId, "", value);
        }

        KpiValues add(String orgCode, String orgLevel, String period, String kpiId, String breakdown, Double value) {
            String type = Period.parse(period).type().code();
            rows.add(RowFactory.create(orgCode, orgLevel, type, kpiId, breakdown, value, null, null, "exact", period));
            return this;
        }

        /**
         * The values as {@link org.unionstats.kpi.engine.KpiProjections#totals} gives them: a column per catalogue KPI,
         * breakdowns left out (an org and period with breakdowns only has a row of empty totals).
         */
        Dataset<Row> totals(SparkSession spark) {
            List<Object> ids = new ArrayList<>(KpiCatalogue.load().all().stream().map(KpiDefinition::id).toList());
            return spark.createDataFrame(rows, StructType.fromDDL(KPI_VALUES))
                    .groupBy("org_code", "org_level", "period_type", "period").pivot("kpi_id", ids)
                    .agg(first(when(col("breakdown").equalTo(""), col("value")), true))
                    .cache();
        }
    }

    /** {@code balance_checks} when no union reported a balance. */
    static Dataset<Row> noBalanceChecks(SparkSession spark) {
        return spark.createDataFrame(List.of(), StructType.fromDDL("org_code STRING, balance_type STRING, as_of DATE,"
                + " reported DOUBLE, previous_as_of DATE, previous_value DOUBLE, flows_between DOUBLE, expected DOUBLE,"
                + " difference DOUBLE, adjustment DOUBLE, adjustment_month DATE, qualifier_rank INT"));
    }

    static Dataset<Row> findings(SparkSession spark, List<Row> rows) {
        return spark.createDataFrame(rows, StructType.fromDDL(FINDINGS));
    }
}
