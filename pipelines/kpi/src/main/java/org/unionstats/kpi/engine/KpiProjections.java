package org.unionstats.kpi.engine;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.warehouse.tables.TableCatalog;

/**
 * The KPI tables people read, each a projection of one wide frame ({@link #wide}: every KPI of an org, period and
 * breakdown in one row), so no table is a re-pivot of another:
 *
 * <ul>
 *   <li>{@link #regionalValues}: {@code kpi_values}, the regional federations' KPIs in long form with breakdowns,
 *       numerators and denominators;
 *   <li>{@link #totals}: one row per org and period, a column per KPI and one per KPI's qualifier; the family tables
 *       (which hold the basic-level unions' KPIs too), the findings and the scorecard select from it.
 * </ul>
 */
public final class KpiProjections {

    private final KpiCatalogue catalogue;

    public KpiProjections(KpiCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param derived the derived KPIs ({@link KpiDerivation#derive})
     * @return {@code derived} with {@code org_level} and {@code period_type}
     */
    public Dataset<Row> wide(Dataset<Row> derived, Dataset<Row> dimOrgs, Dataset<Row> calendar) {
        return SqlStage.run("kpi_wide", Map.of("kpi_derived", derived, "dim_orgs", dimOrgs, "calendar", calendar));
    }

    /**
     * {@code kpi_values}: the regional federations' KPIs, one row per org, period, breakdown and KPI with a value, and
     * the KPI's family (its partition within the period), in the periods each family is written in.
     *
     * @param aloneWide per family recomputed alone somewhere, its own wide frame ({@link #wide} of {@link
     *     RecomputedFamilies.ForTables#aloneRows}): its breakdown rows in those periods are there, not in {@code wide}
     * @param written per family, the periods its partitions are rewritten in (canonical); a family with none is not read
     */
    public Dataset<Row> regionalValues(Dataset<Row> wide, Map<String, Dataset<Row>> aloneWide, Map<String, List<String>> written) {
        return byFamily(wide, aloneWide, written, family -> {
            List<KpiDefinition> kpis = catalogue.family(family).kpis();
            String stack = kpis.stream()
                    .map(k -> "'" + k.id() + "', v_" + k.id() + ", " + WideColumns.numerator(k) + ", " + WideColumns.denominator(k) + ", q_" + k.id())
                    .collect(Collectors.joining(", "));
            return Map.of("kpi_count", Integer.toString(kpis.size()), "kpi_stack", stack,
                    "broken_down", SqlStage.quoteAll(catalogue.brokenDown()));
        }, "kpi_values").values().stream().reduce(Dataset::unionAll).orElseThrow();
    }

    /**
     * The rows of {@link #regionalValues} as wide rows, in the shape {@link PublishedKpis} reads back: per family written
     * somewhere, one row per org, period and breakdown with the {@link WideColumns} of every KPI of that family, null
     * where {@code kpi_values} has no row, the qualifier rank as {@code kpi_values} names it. A later run reads them back
     * with a scan of the periods and families it needs, where reading {@code kpi_values} would pivot the long table.
     * Each family's rows carry its own columns only: with every KPI's, three quarters of a row were nulls of the other
     * families, and shuffling them before the write took most of it.
     *
     * @param aloneWide as for {@link #regionalValues}
     * @return the rows by family, each read with {@link #regionalWideSchema}
     */
    public Map<String, Dataset<Row>> regionalWide(Dataset<Row> wide, Map<String, Dataset<Row>> aloneWide, Map<String, List<String>> written) {
        return byFamily(wide, aloneWide, written, family -> {
            StringBuilder columns = new StringBuilder();
            List<String> kept = new ArrayList<>();
            for (KpiDefinition k : catalogue.family(family).kpis()) {
                String id = k.id();
                // As kpi_values.sql: a value, and on a breakdown row only a KPI broken down by that dimension.
                String keep = "(v_" + id + " IS NOT NULL AND (breakdown = ''"
                        + (k.breakdown() == null ? "" : " OR SUBSTRING_INDEX(breakdown, '=', 1) = " + SqlStage.quote(k.breakdown())) + "))";
                kept.add(keep);
                for (WideColumns.Column c : WideColumns.of(k)) {
                    String value = c.role() == WideColumns.Role.QUALIFIER ? "CASE " + c.name() + " WHEN 2 THEN 2 WHEN 1 THEN 1 ELSE 0 END"
                            : "CAST(" + c.name() + " AS DOUBLE)";
                    columns.append(", IF(").append(keep).append(", ").append(value).append(", NULL) AS ").append(c.name());
                }
            }
            return Map.of("kpi_columns", columns.toString(), "any_kept", String.join(" OR ", kept));
        }, "kpi_regional_wide");
    }

    /**
     * The regional wide rows of every family as one table: every KPI's {@code v_/n_/d_/q_} columns, which a family's
     * files lack for the other families' KPIs and for the numerators and denominators a KPI does not have
     * ({@link WideColumns}): read as null. Then the {@code period} and {@code family} partitions.
     */
    public StructType regionalWideSchema() {
        StringBuilder ddl = new StringBuilder("org_code STRING, breakdown STRING, org_level STRING, period_type STRING");
        for (KpiDefinition k : catalogue.all()) {
            ddl.append(", v_").append(k.id()).append(" DOUBLE, n_").append(k.id()).append(" DOUBLE, d_").append(k.id())
                    .append(" DOUBLE, q_").append(k.id()).append(" INT");
        }
        return StructType.fromDDL(ddl.append(", period STRING, family STRING").toString());
    }

    /**
     * The rows a family's regional projections read: the wide frame, and the family's own frame where it alone was
     * recomputed ({@link RecomputedFamilies.ForTables#aloneRows}, which holds its breakdown rows there), with the
     * family's columns.
     */
    private Dataset<Row> familyRows(Dataset<Row> wide, Map<String, Dataset<Row>> aloneWide, String family) {
        if (!aloneWide.containsKey(family)) {
            return wide;
        }
        Dataset<Row> alone = aloneWide.get(family);
        return wide.select(Stream.of(alone.columns()).map(functions::col).toArray(Column[]::new)).unionByName(alone);
    }

    /** One stage per family written somewhere, each reading the wide frame's columns of that family alone, by family. */
    private Map<String, Dataset<Row>> byFamily(Dataset<Row> wide, Map<String, Dataset<Row>> aloneWide, Map<String, List<String>> written,
            Function<String, Map<String, String>> params, String stage) {
        Map<String, Dataset<Row>> families = new LinkedHashMap<>();
        for (String family : KpiCatalogue.FAMILIES) {
            List<String> periods = written.getOrDefault(family, List.of());
            if (periods.isEmpty()) {
                continue;
            }
            Map<String, String> filled = new HashMap<>(params.apply(family));
            filled.put("family", SqlStage.quote(family));
            filled.put("periods", SqlStage.quoteAll(periods));
            families.put(family, SqlStage.run(stage, Map.of("kpi_wide", familyRows(wide, aloneWide, family)), filled));
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException(stage + ": no family is written in any period");
        }
        return families;
    }

    /** Columns {@code org_code, org_level, period_type, <kpi>..., <kpi>_qualifier..., period}, totals only. */
    public Dataset<Row> totals(Dataset<Row> wide) {
        return totals(wide, catalogue.all());
    }

    /**
     * As {@link #totals(Dataset)}, of a family's KPIs alone, from a wide frame with that family's KPI columns only
     * ({@link RecomputedFamilies.ForTables#aloneRows}): what {@link #family} reads.
     */
    public Dataset<Row> familyTotals(Dataset<Row> wide, String family) {
        return totals(wide, catalogue.family(family).kpis());
    }

    /**
     * As {@link #totals(Dataset)}, of these KPIs alone, from a wide frame with their columns
     * ({@link RecomputedFamilies.ForTables#wholeRows}).
     */
    public Dataset<Row> totals(Dataset<Row> wide, Collection<String> kpiIds) {
        return totals(wide, kpiIds.stream().map(catalogue::get).toList());
    }

    private Dataset<Row> totals(Dataset<Row> wide, List<KpiDefinition> kpis) {
        StringBuilder columns = new StringBuilder();
        for (KpiDefinition k : kpis) {
            columns.append(", v_").append(k.id()).append(" AS ").append(k.id());
        }
        for (KpiDefinition k : kpis) {
            columns.append(", IF(v_").append(k.id()).append(" IS NULL, NULL, CASE q_").append(k.id())
                    .append(" WHEN 2 THEN 'nearly' WHEN 1 THEN 'over' ELSE 'exact' END) AS ").append(k.id()).append(TableCatalog.QUALIFIER_SUFFIX);
        }
        String anyValue = "COALESCE(" + kpis.stream().map(k -> "v_" + k.id()).collect(Collectors.joining(", ")) + ")";
        return SqlStage.run("kpi_totals", Map.of("kpi_wide", wide), Map.of("kpi_columns", columns.toString(), "any_value", anyValue));
    }

    /**
     * A family's wide table ({@code kpi_membership}, ...): every org with a KPI of the family, a value and a qualifier
     * column per KPI of the family.
     * Its basic-level rows are the basic-level unions' KPIs: the Trino view {@code kpi.kpi_values} unnests them.
     */
    public Dataset<Row> family(Dataset<Row> totals, String family) {
        List<Column> columns = new ArrayList<>(List.of(col("org_code"), col("org_level"), col("period_type")));
        catalogue.family(family).kpis().forEach(k -> {
            columns.add(col(k.id()));
            columns.add(col(k.id() + TableCatalog.QUALIFIER_SUFFIX));
        });
        columns.add(col("period"));
        // An org with no KPI of the family in a period has no row: a family recomputed alone writes the same rows as a full run.
        Column anyValue = coalesce(catalogue.family(family).kpis().stream().map(k -> col(k.id())).toArray(Column[]::new));
        return totals.where(anyValue.isNotNull()).select(columns.toArray(Column[]::new));
    }
}
