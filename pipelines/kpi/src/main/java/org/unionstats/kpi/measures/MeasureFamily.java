package org.unionstats.kpi.measures;

import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.contract.RecordType;
import org.unionstats.kpi.engine.IngestedTables;

/**
 * The Spark SQL of one KPI family ({@code <family>_measures.sql}): base measures per unit and reporting period,
 * before any roll-up. Each table is read at its natural grain (unit and month for dated records) and mapped to the
 * periods containing each month by an equi-join on {@code period_months}, never by joining every row against every
 * period's date range. Units come from {@code org_grain}: at the {@code basic} grain a basic-level
 * union is its own unit, and gets totals for quarters, half-years and years only; at the
 * {@code region} grain every submitter counts at its nearest regional federation, for every
 * period and breakdown. Rows have the columns
 * {@code org_code (the unit), grain, period, breakdown, measure, value, distinct_key, qualifier_rank} and, for each of
 * the family's additive measures, {@code m_<measure>} (its value) and {@code mq_<measure>} (its qualifier rank), where a
 * measure name such as {@code indicator:jobs_offered} becomes {@code indicator_jobs_offered}. A row is one of two kinds:
 * additive measures in their columns, with a null {@code measure} (a family may spread one unit's, period's and
 * breakdown's over several rows: they are summed); or one row of a recounted measure named by {@code measure}, its
 * {@code m_} columns null: distinct counts one row per unit, period, breakdown and {@code distinct_key} (the roll-up
 * counts the rows of a key found at one unit only), or, for the keys a family has found at no other unit of the grain
 * in any period, one row without a key whose {@code value} counts them (competitions' enterprises: hundreds of
 * thousands of keys, nearly each at one union, over dozens of periods); medians one row per observation
 * ({@code value}). Additive measures
 * come as columns because nearly every row is theirs: as one row per measure they were pivoted back to columns by the
 * roll-up, after being written and read as several times the rows. {@code breakdown} is '' for the total,
 * {@code cause=illness}
 * and so on for breakdowns.
 */
public interface MeasureFamily {

    /** SQL expression ranking a qualifier column: exact 0, over 1, nearly 2 (placeholder {@code qualifier_rank}). */
    String QUALIFIER_RANK = "CASE qualifier WHEN 'nearly' THEN 2 WHEN 'over' THEN 1 ELSE 0 END";

    /**
     * SQL condition on a grain {@code g} and a period {@code c} (of the calendar or {@code period_months}): basic
     * unions get no months (placeholder {@code period_at_grain}).
     */
    String PERIOD_AT_GRAIN = "(g.grain = 'region' OR c.period_type <> 'month')";

    /**
     * What a family may read.
     *
     * @param calendar the reporting calendar ({@link org.unionstats.kpi.engine.ReportingCalendar#toDataFrame})
     * @param periodMonths every month of the calendar with the periods containing it
     *     ({@link org.unionstats.kpi.engine.ReportingCalendar#periodMonths})
     * @param orgGrain the units every org counts at ({@link org.unionstats.kpi.hierarchy.OrgHierarchy#grains})
     * @param hardshipRegister each hardship case as its latest record says ({@link HardshipRegister})
     * @param balanceChecks the reported balances with the adjustments the stocks take from them ({@link ReportedBalances})
     */
    record Inputs(IngestedTables ingested, Dataset<Row> calendar, Dataset<Row> periodMonths, Dataset<Row> orgGrain,
            Dataset<Row> hardshipRegister, Dataset<Row> balanceChecks) {}

    /** The catalogue family these are the measures of ({@code schemas/kpis/<family>.yaml}). */
    String kpiFamily();

    /**
     * The record types no other family's measures read (the data-quality findings may): a submission of one of them
     * that restates earlier periods changes this family's KPIs alone there, so an incremental run recomputes only
     * this family in those periods when the catalogue says it can be ({@code KpiCatalogue.recomputableAlone}).
     */
    default Set<RecordType> recordTypesReadAlone() {
        return Set.of();
    }

    Dataset<Row> measures(Inputs in);
}
