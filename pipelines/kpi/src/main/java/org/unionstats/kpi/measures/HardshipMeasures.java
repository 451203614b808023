package org.unionstats.kpi.measures;

import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.contract.RecordType;
import org.unionstats.kpi.engine.SqlStage;

/**
 * The hardship register. Each case's state comes from its latest record (a period's file lists
 * the cases that changed in it); a closure has no date in the contract, so it counts at the end
 * of the period whose submission first reported it. Assistance is the amount each period's
 * records report, summed per submission period and then over the periods enclosing it. At the region grain every
 * measure is also broken down by cause.
 *
 * <p>The caseload totals start from the on-file balances a union reported ({@link ReportedBalances}); the breakdown
 * by cause counts the register's cases only. A case inside a union's first on-file balance that a later file lists
 * for the first time is known by cause from that file's period on: it counts in the periods ending on or after that
 * period's start (from its filing, as any case), in none before, so a new quarter does not revise earlier ones.
 *
 * <p>A case is on file from the month it was filed until the month it left the register (lifted
 * out or closed, whichever came first, never before it was filed), so cases are summed per unit
 * and month first and the caseload at any period bound is a running sum over months, picked at the period's first or
 * last month ({@code period_months}).
 */
public final class HardshipMeasures implements MeasureFamily {

    @Override
    public String kpiFamily() {
        return "hardship";
    }

    /** The register is the hardship family's alone (the balance checks read it too, for the findings). */
    @Override
    public Set<RecordType> recordTypesReadAlone() {
        return Set.of(RecordType.HARDSHIP_CASES);
    }

    @Override
    public Dataset<Row> measures(Inputs in) {
        return SqlStage.run("hardship_measures",
                Map.of("hardship_register", in.hardshipRegister(), "hardship_cases", in.ingested().hardshipCases(),
                        "balance_checks", in.balanceChecks(), "org_grain", in.orgGrain(), "calendar", in.calendar(),
                        "period_months", in.periodMonths()),
                Map.of("qualifier_rank", QUALIFIER_RANK, "period_at_grain", PERIOD_AT_GRAIN));
    }
}
