package org.unionstats.kpi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.period.Period;
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
 * WarehouseLayout#KPI_REGIONAL_WIDE}, {@link KpiProjections#regionalWide}), the basic-level unions' from the family
 * tables ({@link KpiProjections#family}). Rows have the wide frame's columns: {@code org_code, period, breakdown, org_level, period_type} and
 * {@code v_<kpi>, n_<kpi>, d_<kpi>, q_<kpi>} (value, numerator, denominator, qualifier rank) for every KPI of the
 * catalogue (basic-level unions publish no numerators and denominators). A catalogue change rewrites every period, so
 * what is read back always has the catalogue's KPIs.
 */
public final class PublishedKpis {

    private static final String REGIONAL = WarehouseLayout.KPI_REGIONAL_WIDE;
    /** The published regional table: a period is published when it is there too. */
    private static final String VALUES = "kpi_values";

    private final WarehouseLayout warehouse;
    private final KpiCatalogue catalogue;

    public PublishedKpis(WarehouseLayout warehouse, KpiCatalogue catalogue) {
        this.warehouse = warehouse;
        this.catalogue = catalogue;
    }

    /**
     * Those of {@code periods} the KPI tables have a partition for: the periods that can be read back ({@code kpi_values}
     * and the wide rows kept with it). A run writes every KPI table of its periods, the family tables included, where
     * a family with no value in a period leaves no partition.
     */
    public List<Period> publishedAmong(SparkSession spark, List<Period> periods) {
        try {
            FileSystem fs = new Path(warehouse.table(REGIONAL)).getFileSystem(spark.sparkContext().hadoopConfiguration());
            List<Period> found = new ArrayList<>();
            for (Period p : periods) {
                if (fs.exists(new Path(warehouse.partition(REGIONAL, p.canonical())))
                        && fs.exists(new Path(warehouse.partition(VALUES, p.canonical())))) {
                    found.add(p);
                }
            }
            return List.copyOf(found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the published KPI tables in " + warehouse.root(), e);
        }
    }

    /**
     * The published KPIs of these periods (all of them published: {@link #publishedAmong}).
     *
     * @param familyTables the family tables' folders by family ({@code membership} → {@code kpi_membership}, ...)
     */
    public Dataset<Row> read(SparkSession spark, List<Period> periods, Map<String, String> familyTables) {
        String quoted = SqlStage.quoteAll(periods.stream().map(Period::canonical).toList());
        Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
        tables.put("kpi_regional_wide", spark.read().parquet(warehouse.table(REGIONAL)));
        StringBuilder regionalColumns = new StringBuilder();
        StringBuilder basicColumns = new StringBuilder();
        for (KpiDefinition k : catalogue.all()) {
            String id = k.id();
            regionalColumns.append(", v_").append(id).append(", n_").append(id).append(", d_").append(id).append(", q_").append(id);
            basicColumns.append(", MAX(v_").append(id).append(") AS v_").append(id).append(", CAST(NULL AS DOUBLE) AS n_").append(id)
                    .append(", CAST(NULL AS DOUBLE) AS d_").append(id).append(", MAX(q_").append(id).append(") AS q_").append(id);
        }
        // One query per family table, each with its own KPIs and NULL for the others; a union's rows of the families are
        // then one row (no KPI has a value in two of them).
        List<String> familyRows = new ArrayList<>();
        for (Map.Entry<String, String> family : familyTables.entrySet()) {
            Path folder = new Path(warehouse.table(family.getValue()));
            if (!hasData(spark, folder)) {
                continue;
            }
            Dataset<Row> table = spark.read().parquet(folder.toString());
            tables.put(family.getValue(), table);
            Set<String> columns = Set.of(table.columns());
            StringBuilder select = new StringBuilder("SELECT org_code, period, period_type");
            for (KpiDefinition k : catalogue.all()) {
                String id = k.id();
                boolean own = family.getKey().equals(catalogue.familyOf(id)) && columns.contains(id);
                String qualifier = id + TableCatalog.QUALIFIER_SUFFIX;
                select.append(own ? ", CAST(" + id + " AS DOUBLE)" : ", CAST(NULL AS DOUBLE)").append(" AS v_").append(id)
                        .append(own && columns.contains(qualifier) ? ", " + rank(qualifier) : ", CAST(NULL AS INT)").append(" AS q_").append(id);
            }
            familyRows.add(select + " FROM " + family.getValue() + " WHERE org_level = 'basic' AND period IN (" + quoted + ")");
        }
        if (familyRows.isEmpty()) {
            throw new IllegalStateException("no family table to read the basic-level unions' published KPIs from in " + warehouse.root());
        }
        return SqlStage.run("published_kpis", tables, Map.of(
                "periods", quoted,
                "regional_columns", regionalColumns.toString(),
                "basic_columns", basicColumns.toString(),
                "basic_family_rows", String.join("\n  UNION ALL\n  ", familyRows)));
    }

    /** Whether a family table has a partition with a data file (a family with no value anywhere has none). */
    private static boolean hasData(SparkSession spark, Path folder) {
        try {
            FileStatus[] files = folder.getFileSystem(spark.sparkContext().hadoopConfiguration())
                    .globStatus(new Path(folder, WarehouseLayout.partitionName("*") + "/*.parquet"));
            return files != null && files.length > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    /** The qualifier rank of a qualifier by name, as the measures rank it. */
    private static String rank(String qualifierColumn) {
        return "CASE " + qualifierColumn + " WHEN 'nearly' THEN 2 WHEN 'over' THEN 1 WHEN 'exact' THEN 0 END";
    }
}
