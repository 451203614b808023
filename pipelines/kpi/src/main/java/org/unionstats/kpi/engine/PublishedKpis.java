package org.unionstats.kpi.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * WarehouseLayout#KPI_REGIONAL_WIDE}, {@link KpiProjections#regionalWide}; by family, as {@code kpi_values}), the
 * basic-level unions' from the family tables ({@link KpiProjections#family}). Rows have the wide frame's columns: {@code org_code, period, breakdown,
 * org_level, period_type} and the {@link WideColumns} of each KPI read: value, qualifier rank, and numerator and
 * denominator where it has them (null for the basic-level unions, which publish none). A catalogue change rewrites every
 * period, so what is read back always has the catalogue's KPIs.
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
     * The published KPIs of these periods (all of them published: {@link #publishedAmong}), read where used.
     *
     * @param familyTables the family tables' folders by family ({@code membership} → {@code kpi_membership}, ...)
     */
    public Rows read(SparkSession spark, List<Period> periods, Map<String, String> familyTables) {
        return new Rows(spark, List.copyOf(periods), Map.copyOf(familyTables));
    }

    /**
     * The published KPIs of some periods. Each use reads only the KPIs it needs ({@link #of}): the basic-level unions'
     * are in one family table per family, and a use of one family's KPIs reads that table alone.
     */
    public final class Rows {

        private final SparkSession spark;
        private final List<Period> periods;
        private final Map<String, String> familyTables;

        private Rows(SparkSession spark, List<Period> periods, Map<String, String> familyTables) {
            this.spark = spark;
            this.periods = periods;
            this.familyTables = familyTables;
        }

        /**
         * Every KPI of the catalogue, for every regional federation and those basic-level unions a use reads: the unions
         * of {@code basicOrgs} ({@code org_code}), and every union in {@code everyBasicIn}.
         */
        public Dataset<Row> every(Dataset<Row> basicOrgs, List<Period> everyBasicIn) {
            return read(catalogue.all(), Optional.of(basicOrgs), everyBasicIn);
        }

        /**
         * These KPIs of every org: {@code org_code, period, breakdown, org_level, period_type} and the {@link WideColumns}
         * for each of them, in catalogue order.
         */
        public Dataset<Row> of(java.util.Collection<String> kpiIds) {
            return read(catalogue.all().stream().filter(k -> kpiIds.contains(k.id())).toList(), Optional.empty(), List.of());
        }

        private Dataset<Row> read(List<KpiDefinition> kpis, Optional<Dataset<Row>> basicOrgs, List<Period> everyBasicIn) {
            String quoted = SqlStage.quoteAll(periods.stream().map(Period::canonical).toList());
            Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
            // Each family's files hold its own KPIs' columns: read with every KPI's, the others' are null.
            tables.put("kpi_regional_wide", spark.read().schema(new KpiProjections(catalogue).regionalWideSchema())
                    .parquet(warehouse.table(REGIONAL)));
            // Only the unions read, before their families' rows are made one.
            String basicRead = "";
            if (basicOrgs.isPresent()) {
                tables.put("basic_orgs_read", basicOrgs.get().select("org_code"));
                basicRead = " AND (org_code IN (SELECT org_code FROM basic_orgs_read)" + (everyBasicIn.isEmpty() ? ""
                        : " OR period IN (" + SqlStage.quoteAll(everyBasicIn.stream().map(Period::canonical).toList()) + ")") + ")";
            }
            // One query per family table of these KPIs, each with its own KPIs and NULL for the others; with several, a
            // union's rows of the families are then made one (no KPI has a value in two of them).
            List<String> familyRows = new ArrayList<>();
            for (Map.Entry<String, String> family : familyTables.entrySet()) {
                Path folder = new Path(warehouse.table(family.getValue()));
                if (kpis.stream().noneMatch(k -> family.getKey().equals(catalogue.familyOf(k.id()))) || !hasData(spark, folder)) {
                    continue;
                }
                Dataset<Row> table = spark.read().parquet(folder.toString());
                tables.put(family.getValue(), table);
                Set<String> columns = Set.of(table.columns());
                StringBuilder select = new StringBuilder("SELECT org_code, period, period_type");
                for (KpiDefinition k : kpis) {
                    String id = k.id();
                    boolean own = family.getKey().equals(catalogue.familyOf(id)) && columns.contains(id);
                    String qualifier = id + TableCatalog.QUALIFIER_SUFFIX;
                    select.append(own ? ", CAST(" + id + " AS DOUBLE)" : ", CAST(NULL AS DOUBLE)").append(" AS v_").append(id)
                            .append(own && columns.contains(qualifier) ? ", " + rank(qualifier) : ", CAST(NULL AS INT)").append(" AS q_").append(id);
                }
                familyRows.add(select + " FROM " + family.getValue() + " WHERE org_level = 'basic' AND period IN (" + quoted + ")"
                        + basicRead);
            }
            if (familyRows.isEmpty()) {
                // No family table holds these KPIs yet: no basic-level union has a value of them.
                StringBuilder none = new StringBuilder("SELECT CAST(NULL AS STRING) AS org_code, CAST(NULL AS STRING) AS period,"
                        + " CAST(NULL AS STRING) AS period_type");
                kpis.forEach(k -> none.append(", CAST(NULL AS DOUBLE) AS v_").append(k.id()).append(", CAST(NULL AS INT) AS q_").append(k.id()));
                familyRows.add(none + " WHERE FALSE");
            }
            boolean grouped = familyRows.size() > 1;
            // The regional rows are kept by family: only those of the families read, a union's rows of several made one.
            List<String> families = KpiCatalogue.FAMILIES.stream()
                    .filter(f -> kpis.stream().anyMatch(k -> f.equals(catalogue.familyOf(k.id())))).toList();
            boolean regionalGrouped = families.size() > 1;
            StringBuilder regionalColumns = new StringBuilder();
            StringBuilder basicColumns = new StringBuilder();
            for (KpiDefinition k : kpis) {
                for (WideColumns.Column column : WideColumns.of(k)) {
                    String c = column.name();
                    regionalColumns.append(regionalGrouped ? ", MAX(" + c + ") AS " + c : ", " + c);
                    // The family tables hold a basic-level union's value and qualifier, not a numerator or denominator.
                    boolean held = column.role() == WideColumns.Role.VALUE || column.role() == WideColumns.Role.QUALIFIER;
                    basicColumns.append(!held ? ", CAST(NULL AS DOUBLE) AS " + c : grouped ? ", MAX(" + c + ") AS " + c : ", " + c);
                }
            }
            return SqlStage.run("published_kpis", tables, Map.of(
                    "periods", quoted,
                    "regional_columns", regionalColumns.toString(),
                    "families", SqlStage.quoteAll(families),
                    "regional_grouping", regionalGrouped ? "GROUP BY org_code, period, breakdown, org_level, period_type" : "",
                    "basic_columns", basicColumns.toString(),
                    "basic_family_rows", String.join("\n  UNION ALL\n  ", familyRows),
                    "basic_grouping", grouped ? "GROUP BY org_code, period, period_type" : ""));
        }
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
