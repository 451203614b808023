package org.unionstats.kpi.targets;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpi.engine.SqlStage;
import org.unionstats.kpis.KpiCatalogue;
import org.unionstats.kpis.KpiDefinition;

/**
 * Targets (目标任务) against what was achieved: {@code kpi_targets}, one row per target (issuer, union, KPI, target
 * period) and period it is evaluated at. A quarterly target is evaluated at its quarter's end; an annual one at the
 * end of each quarter of its year ({@code period_type} quarter) and over the whole year ({@code period_type} year).
 * Only periods of the reporting calendar are evaluated. The SQL is {@code kpi_targets.sql}.
 *
 * <ul>
 *   <li>{@code actual_value}: the target's period so far at the evaluated period's end (a quarterly target's quarter;
 *       an annual target's year to date). A flow is summed over the fewest whole periods of the calendar that make it
 *       up (a quarter itself; Q1, H1, H1 and Q3, the year), each of them summed from its months at the KPI's level, so
 *       a city's figure is its counties' sum and never an average. A ratio of a flow
 *       (entrants per 100 members) is the summed numerator over the denominator at the period's end, times its scale.
 *       A stock (members, families on file, membership rate) is its value at the period's end.
 *   <li>{@code attainment_pct} = actual / target × 100, one decimal; for a KPI where lower is better (a ceiling on
 *       families on file) target / actual × 100, the usual rate of a reverse indicator (逆向指标完成率), so that meeting
 *       the ceiling is 100 and beating it more; null when the actual is unknown (or 0 for a ceiling).
 *   <li>{@code expected_value}: for an annual target at a quarter's end, a flow the share of the year elapsed (25, 50,
 *       75 % of the target), a stock a straight line from its {@code opening_value} (its value at the end of the
 *       previous year; unknown in the first year of the data, and then so is the pace) to the target; at the end of the
 *       target's own period, the target. {@code expected_pace_pct} is that value in the scale of the attainment
 *       (expected / target × 100, or target / expected × 100 for a ceiling), one decimal: 25, 50, 75 and 100 for a
 *       flow. {@code on_pace}: the actual is at or above the expected value (at or below it for a ceiling).
 *   <li>Which target is in force: a later submission may restate a target (the same issuer, union, KPI and target
 *       period). At each evaluated period the one from the latest submission period begun by the period's end counts
 *       (then the shorter submission period, then the submitter): a revision in the 2024Q3 letter counts from 2024Q3 on,
 *       and earlier quarters keep the target they were evaluated against.
 * </ul>
 *
 * <p>The parts of a year to date are periods the job computes whenever it writes the evaluated quarter: H1 overlaps Q2
 * and comes before H2 (which overlaps Q3), the previous year comes before the year, so an incremental run has them.
 * A competition counts in every period its dates overlap ({@code competition_entrants}), so one running across June and
 * July counts in both H1 and Q3 of a 2024Q3 year to date.
 *
 * <p>Columns: {@code org_code, org_level, issuer_code, kpi_id, target_period, target_period_type, unit, target_value,
 * actual_value, attainment_pct, opening_value, expected_value, expected_pace_pct, on_pace, period_type, period}.
 */
public final class TargetAttainment {

    private final List<KpiDefinition> targetable;

    public TargetAttainment(KpiCatalogue catalogue) {
        this.targetable = catalogue.targetable();
        if (targetable.isEmpty()) {
            throw new IllegalStateException("the KPI catalogue has no targetable KPI (target: in schemas/kpis)");
        }
    }

    /**
     * @param targets the ingested {@code targets} table ({@code issuer_code, org_code, kpi_id, target_period, target_value,
     *     unit, submitter, period} are read)
     * @param kpiTotals the KPI totals, a column per KPI ({@link org.unionstats.kpi.engine.KpiProjections#totals})
     * @param dimOrgs the {@code dim_orgs} dimension (the org level of every union, with values or without)
     * @param calendar the reporting calendar ({@link org.unionstats.kpi.engine.ReportingCalendar#toDataFrame})
     */
    public Dataset<Row> compute(Dataset<Row> targets, Dataset<Row> kpiTotals, Dataset<Row> dimOrgs, Dataset<Row> calendar) {
        Set<String> read = new LinkedHashSet<>();
        String rows = targetable.stream().map(k -> {
            read.add(k.id());
            String summed = "NULL";
            String per = "NULL";
            double scale = 1.0;
            if (k.target().isFlow() && k.ratio() != null) {
                summed = SqlStage.quote(k.ratio().numerator());
                per = SqlStage.quote(k.ratio().denominator());
                scale = k.ratio().scaleOrOne();
                read.add(k.ratio().numerator());
                read.add(k.ratio().denominator());
            } else if (k.target().isFlow()) {
                summed = SqlStage.quote(k.id());
            }
            return "(" + String.join(", ", SqlStage.quote(k.id()), SqlStage.quote(k.target().kind()), SqlStage.quote(k.better()),
                    "CAST(" + summed + " AS STRING)", "CAST(" + per + " AS STRING)", scale + "D") + ")";
        }).collect(Collectors.joining(", "));
        String stack = read.stream().map(id -> SqlStage.quote(id) + ", " + id).collect(Collectors.joining(", "));
        return SqlStage.run("kpi_targets",
                Map.of("targets", targets, "kpi_totals", kpiTotals, "dim_orgs", dimOrgs, "calendar", calendar),
                Map.of("target_kpis", rows, "value_count", Integer.toString(read.size()), "value_stack", stack));
    }
}
