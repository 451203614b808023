package org.unionstats.kpi.engine;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;
import org.unionstats.period.Period;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Merges the KPIs a run recomputed with those it read back from the published tables, where it recomputed some
 * families alone ({@code RecomputePlan}): in those periods, a family's KPI columns come from the recomputed rows if
 * the family was recomputed there, else from the published ones ({@code kpi_merged.sql}); the KPIs such a family
 * borrows from others enter its derivation from the published ones too ({@link #withBorrowed}). Elsewhere a period is
 * either recomputed whole or read back whole, and nothing is merged.
 */
public final class RecomputedFamilies {

    private static final List<String> KEY = List.of("org_code", "period", "breakdown");

    private final KpiCatalogue catalogue;
    private final Map<String, List<Period>> familyAlone;
    private final Object[] mergedPeriods;

    /** @param familyAlone per family, the periods it alone was recomputed in */
    public RecomputedFamilies(KpiCatalogue catalogue, Map<String, List<Period>> familyAlone) {
        this.catalogue = catalogue;
        this.familyAlone = Map.copyOf(familyAlone);
        this.mergedPeriods = familyAlone.values().stream().flatMap(List::stream).distinct().map(Period::canonical).toArray();
    }

    /**
     * The rolled-up measures with, in the periods a family borrowing other families' KPIs was recomputed alone in, those
     * KPIs' published values as their measures ({@link KpiCatalogue#borrowedBy}: competitions' participation per 100
     * members reads members_end). Their families were not recomputed there, so the measures are absent, and the values
     * published are what recomputing them would give. Keys only published (an org with members and no competition)
     * join too, as in a full run, where every family's measures give the rows.
     */
    public Dataset<Row> withBorrowed(Dataset<Row> rolled, Optional<PublishedKpis.Rows> published) {
        List<String> borrowing = familyAlone.keySet().stream().filter(f -> !catalogue.borrowedBy(f).isEmpty()).sorted().toList();
        if (borrowing.isEmpty()) {
            return rolled;
        }
        Object[] periods = borrowing.stream().flatMap(f -> familyAlone.get(f).stream()).distinct().map(Period::canonical).toArray();
        List<String> kpis = borrowing.stream().flatMap(f -> catalogue.borrowedBy(f).stream()).distinct().sorted().toList();
        Map<String, String> types = Stream.of(rolled.schema().fields())
                .collect(Collectors.toMap(StructField::name, f -> f.dataType().sql()));
        List<String> lent = new ArrayList<>(KEY);
        List<String> replaced = new ArrayList<>();
        for (String kpi : kpis) {
            String measure = RollUp.column(catalogue.get(kpi).measure());
            lent.add("CAST(v_" + kpi + " AS " + types.get("m_" + measure) + ") AS m_" + measure);
            lent.add("CAST(q_" + kpi + " AS " + types.get("mq_" + measure) + ") AS mq_" + measure);
            replaced.addAll(List.of("m_" + measure, "mq_" + measure));
        }
        Column in = col("period").isin(periods);
        String anyLent = kpis.stream().map(k -> "v_" + k + " IS NOT NULL").collect(Collectors.joining(" OR "));
        Dataset<Row> borrowed = published.orElseThrow().of(kpis).where(in).where(anyLent).selectExpr(lent.toArray(String[]::new));
        Dataset<Row> joined = rolled.where(in).drop(replaced.toArray(String[]::new))
                .join(borrowed, CollectionConverters.asScala(KEY).toSeq(), "full_outer");
        return rolled.where(not(in)).unionByName(joined);
    }

    /**
     * The rows of the tables: {@link ForTables#rows}, the recomputed wide KPI rows ({@code org_code, period, breakdown}
     * and KPI columns), with, in the periods some family alone was recomputed in, the published totals of the other
     * families, merging only the rows the tables written in those periods read of them: every regional federation's
     * totals (kpi_values, the scorecard's counties, the targets), and of the basic-level unions only those of {@code
     * basicRead} (the unions with a target). Breakdown rows are the recomputed family's alone: {@code kpi_values} and the
     * wide rows kept with it rewrite only that family's partitions there, and read them from {@link ForTables#aloneRows}.
     *
     * <p>Elsewhere in those periods a basic-level union's row is read by the recomputed family's own table, and, in
     * {@code whole}, by a table reading a few KPIs of every union (the findings): those rows are {@link
     * ForTables#aloneRows}, per family with its own KPI columns only, and {@link ForTables#wholeRows}, every such union's
     * {@code wholeKpis} merged with the published ones. On medium a new quarter restates competitions alone in 12
     * periods, where every union with members has a row; with the generator's mistakes, hardship alone in every period
     * too (cases filed before the calendar and listed in it late, in unions with no opening balance). Merging every
     * union's every KPI there would be 160 columns of millions of rows, where the family table reads 20 and the
     * findings 13.
     *
     * @param regionalOrgs {@code org_code} of the regional federations: all of their rows are merged
     * @param basicRead {@code org_code} of the basic-level unions whose KPIs of every family the tables read
     * @param whole the periods a table reading {@code wholeKpis} of every union is rewritten in
     */
    public ForTables forTables(Dataset<Row> recomputed, Optional<PublishedKpis.Rows> published, Dataset<Row> regionalOrgs,
            Dataset<Row> basicRead, List<Period> whole, List<String> wholeKpis) {
        if (mergedPeriods.length == 0) {
            return new ForTables(recomputed, Map.of(), Optional.empty());
        }
        Column merged = col("period").isin(mergedPeriods);
        // The totals alone: a breakdown row is read by kpi_values and the wide rows kept with it, where those periods
        // rewrite only the recomputed family's partitions, from its recomputed rows.
        Dataset<Row> read = published.orElseThrow().every(basicRead, List.of()).where(merged).where(col("breakdown").equalTo(""));
        List<String> columns = Stream.of(recomputed.columns()).filter(c -> !KEY.contains(c)).toList();
        // Only the orgs read go through the join: the regional federations (with a published row or not) and the unions
        // with a target, a few thousand, where the recomputed rows are every union of the restated family (on medium 1 M
        // wide rows, whose shuffle cost more than the rest of the merge).
        Dataset<Row> readOrgs = broadcast(read.select("org_code").union(regionalOrgs.select("org_code")).distinct());
        // A breakdown row is the recomputed family's alone, and only kpi_values and the wide rows kept with it read it:
        // it goes to the family's own frame, with its columns. With the generator's mistakes, hardship's breakdown by
        // cause of the regional federations in every period was 840 k of the merged frame's 1.5 M rows on medium.
        Dataset<Row> restated = recomputed.where(merged).where(col("breakdown").equalTo(""));
        Column isRead = restated.col("org_code").equalTo(readOrgs.col("org_code"));
        Dataset<Row> joined = merge(restated.join(readOrgs, isRead, "left_semi"), read, columns);
        Dataset<Row> unread = restated.join(readOrgs, isRead, "left_anti")
                .unionByName(recomputed.where(merged).where(col("breakdown").notEqual("")));
        Dataset<Row> rows = recomputed.where(not(merged)).unionByName(joined);
        Map<String, Dataset<Row>> alone = new LinkedHashMap<>();
        familyAlone.forEach((family, periods) -> {
            // Typed as the merged rows, so that the family's table reads both alike.
            List<String> selected = new ArrayList<>(KEY);
            for (KpiDefinition k : catalogue.family(family).kpis()) {
                for (WideColumns.Column c : WideColumns.of(k)) {
                    selected.add("CAST(" + c.name() + " AS " + joined.schema().apply(c.name()).dataType().sql() + ") AS " + c.name());
                }
            }
            Object[] in = periods.stream().map(Period::canonical).toArray();
            // A breakdown row of another family recomputed alone in the same period has no value of this one.
            String anyValue = catalogue.family(family).kpis().stream().map(k -> "v_" + k.id() + " IS NOT NULL")
                    .collect(Collectors.joining(" OR ", "breakdown = '' OR ", ""));
            alone.put(family, unread.where(col("period").isin(in)).where(anyValue).selectExpr(selected.toArray(String[]::new)));
        });
        Object[] wholeMerged = whole.stream().map(Period::canonical).filter(List.of(mergedPeriods)::contains).toArray();
        if (wholeMerged.length == 0) {
            return new ForTables(rows, alone, Optional.empty());
        }
        // Every other basic-level union's totals of those KPIs: its recomputed row, or its published one alone (a union
        // with members and no hardship case), merged column by column as the wide rows are.
        Column inWhole = col("period").isin(wholeMerged).and(col("breakdown").equalTo(""));
        Dataset<Row> others = published.get().of(wholeKpis).where(inWhole.and(col("org_level").equalTo("basic")));
        Dataset<Row> othersUnread = others.join(readOrgs, others.col("org_code").equalTo(readOrgs.col("org_code")), "left_anti");
        List<String> wholeColumns = wholeKpis.stream().flatMap(k -> Stream.of("v_" + k, "q_" + k)).toList();
        return new ForTables(rows, alone, Optional.of(merge(unread.where(inWhole), othersUnread, wholeColumns)));
    }

    /**
     * The rows of the tables ({@link #forTables}).
     *
     * @param rows every KPI column, of every org but the basic-level unions without a target in the periods some family
     *     alone was recomputed in, and without the breakdown rows there
     * @param aloneRows per family recomputed alone somewhere, in the periods it alone was recomputed in, the basic-level
     *     unions' totals only its own table reads and every org's breakdown rows of the family ({@code kpi_values} and
     *     the wide rows kept with it read the regional ones): {@code org_code, period, breakdown} and that family's KPI
     *     columns
     * @param wholeRows where a table reading some KPIs of every union is rewritten in such a period, the totals of those
     *     unions there: {@code org_code, period, breakdown} and {@code v_/q_} of those KPIs
     */
    public record ForTables(Dataset<Row> rows, Map<String, Dataset<Row>> aloneRows, Optional<Dataset<Row>> wholeRows) {}

    /** Those of {@code periods} one of these families is recomputed in: all but those only other families alone were. */
    public List<Period> recomputedIn(Collection<String> families, List<Period> periods) {
        List<Object> merged = List.of(mergedPeriods);
        return periods.stream().filter(p -> !merged.contains(p.canonical())
                || families.stream().anyMatch(f -> familyAlone.getOrDefault(f, List.of()).contains(p))).toList();
    }

    /**
     * The rows year-on-year KPIs look a year back in: those recomputed, and those read back (the periods compared with,
     * and the other families' KPIs where some family alone was recomputed), in the year-ago periods only.
     *
     * @param yearAgo the periods a year before those derived: no other period's row is looked at
     */
    public Dataset<Row> yearAgoSources(Dataset<Row> recomputed, Optional<Dataset<Row>> published, List<Period> yearAgo) {
        Column looked = col("period").isin(yearAgo.stream().map(Period::canonical).toArray());
        Dataset<Row> own = recomputed.where(looked);
        if (published.isEmpty()) {
            return own;
        }
        Dataset<Row> readBack = published.get().where(looked);
        // Outside the merged periods, a period is either recomputed or read back, never both. A new quarter's year-ago
        // periods are usually all read back: no merge, and only they are read.
        Object[] merged = Stream.of(mergedPeriods).filter(p -> yearAgo.stream().anyMatch(y -> y.canonical().equals(p))).toArray();
        if (merged.length == 0) {
            return own.unionByName(readBack);
        }
        Column in = col("period").isin(merged);
        return own.where(not(in)).unionByName(readBack.where(not(in))).unionByName(merge(own.where(in), readBack.where(in),
                Stream.of(own.columns()).filter(c -> !KEY.contains(c)).toList()));
    }

    private Dataset<Row> merge(Dataset<Row> recomputed, Dataset<Row> published, List<String> columns) {
        String merged = columns.stream().map(c -> ", " + aloneIn(c)
                .map(in -> "IF(COALESCE(c.period, p.period) IN (" + in + "), c." + c + ", p." + c + ")").orElse("p." + c) + " AS " + c)
                .collect(Collectors.joining());
        String[] selected = Stream.concat(KEY.stream(), columns.stream()).toArray(String[]::new);
        return SqlStage.run("kpi_merged", Map.of("kpis_recomputed", recomputed.selectExpr(selected), "kpis_published",
                published.selectExpr(selected)), Map.of("merged_columns", merged));
    }

    /** The periods the family of a KPI column ({@code v_<kpi>}, ...) was recomputed alone in, quoted for SQL; none if it never was. */
    private Optional<String> aloneIn(String column) {
        List<Period> alone = familyAlone.getOrDefault(catalogue.familyOf(column.substring(2)), List.of());
        return alone.isEmpty() ? Optional.empty() : Optional.of(SqlStage.quoteAll(alone.stream().map(Period::canonical).toList()));
    }
}
