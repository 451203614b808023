package org.unionstats.kpi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;
import org.unionstats.warehouse.WarehouseLayout;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The KPIs earlier runs published, read back for the periods a run compares with but does not rewrite: the quarter
 * before and the year-ago period of each period it writes. Those periods end before anything that changed, so their
 * published values are what recomputing them would give; reading them keeps an incremental run's work to the periods it
 * writes.
 *
 * <p>They are also read back for the written periods a run recomputes some families alone in ({@code RecomputePlan}):
 * the other families' KPIs there are unchanged.
 *
 * <p>The regional federations' KPIs come from the wide rows a run keeps beside {@code kpi_values} ({@link
 * WarehouseLayout#KPI_REGIONAL_WIDE}, {@link KpiProjections#regionalWide}), the basic-level unions' from {@code
 * kpi_basic_unions}. Rows have the wide frame's columns: {@code org_code, period, breakdown, org_level, period_type} and
 * {@code v_<kpi>, n_<kpi>, d_<kpi>, q_<kpi>} (value, numerator, denominator, qualifier rank) for every KPI of the
 * catalogue (basic-level unions publish no numerators and denominators). A catalogue change rewrites every period, so
 * what is read back always has the catalogue's KPIs.
 */
public final class PublishedKpis {

    private static final String REGIONAL = WarehouseLayout.KPI_REGIONAL_WIDE;
    /** The published regional table: a period is published when it is there too. */
    private static final String VALUES = "kpi_values";
    private static final String BASIC = "kpi_basic_unions";

    private final WarehouseLayout warehouse;
    private final KpiCatalogue catalogue;

    public PublishedKpis(WarehouseLayout warehouse, KpiCatalogue catalogue) {
        this.warehouse = warehouse;
        this.catalogue = catalogue;
    }

    /**
     * Those of {@code periods} the KPI tables have a partition for: the periods that can be read back ({@code kpi_values}
     * and the wide rows kept with it, and {@code kpi_basic_unions} except for months, which basic-level unions do not
     * have).
     */
    public List<Period> publishedAmong(SparkSession spark, List<Period> periods) {
        try {
            FileSystem fs = new Path(warehouse.table(REGIONAL)).getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<Period> found = new ArrayList<>();
            for (Period p : periods) {
                if (fs.exists(new Path(warehouse.partition(REGIONAL, p.canonical())))
                        && fs.exists(new Path(warehouse.partition(VALUES, p.canonical())))
                        && (p.type() == PeriodType.MONTH || fs.exists(new Path(warehouse.partition(BASIC, p.canonical()))))) {
                    found.add(p);
                }
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the published KPI tables in " + warehouse.root(), e);
        }
    }

    /** The published KPIs of these periods (all of them published: {@link #publishedAmong}). */
    public Dataset<Row> read(SparkSession spark, List<Period> periods) {
        Dataset<Row> regional = spark.read().parquet(warehouse.table(REGIONAL));
        Dataset<Row> basic = spark.read().parquet(warehouse.table(BASIC));
        Set<String> basicColumns = Set.of(basic.columns());
        StringBuilder regionalColumns = new StringBuilder();
        StringBuilder basicSelect = new StringBuilder();
        for (KpiDefinition k : catalogue.all()) {
            String id = k.id();
            regionalColumns.append(", v_").append(id).append(", n_").append(id).append(", d_").append(id).append(", q_").append(id);
            String qualifier = id + TableCatalog.QUALIFIER_SUFFIX;
            basicSelect.append(basicColumns.contains(id) ? ", CAST(" + id + " AS DOUBLE)" : ", CAST(NULL AS DOUBLE)").append(" AS v_").append(id)
                    .append(", CAST(NULL AS DOUBLE) AS n_").append(id).append(", CAST(NULL AS DOUBLE) AS d_").append(id)
                    .append(basicColumns.contains(qualifier) ? ", " + rank(qualifier) : ", CAST(NULL AS INT)").append(" AS q_").append(id);
        }
        return SqlStage.run("published_kpis", Map.of("kpi_regional_wide", regional, "kpi_basic_unions", basic), Map.of(
                "periods", SqlStage.quoteAll(periods.stream().map(Period::canonical).toList()),
                "regional_columns", regionalColumns.toString(),
                "basic_columns", basicSelect.toString()));
    }

    /** The qualifier rank of a qualifier by name, as the measures rank it. */
    private static String rank(String qualifierColumn) {
        return "CASE " + qualifierColumn + " WHEN 'nearly' THEN 2 WHEN 'over' THEN 1 WHEN 'exact' THEN 0 END";
    }
}
