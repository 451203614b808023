package org.unionstats.kpi.measures;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.kpi.engine.SqlStage;

/**
 * Joins, leaves, transfers and the member stock, by event date; unions established and workforce
 * from org_units. Events are first summed per unit and month (periods are whole months), so the
 * stock at any period end is a running sum over months rather than over every event, anchored on the members
 * balances the unions reported ({@link ReportedBalances}). Workforce is a stock too: the unions founded by then, each
 * with the figure its latest declaration up to then gave (its first declaration's before that).
 * Months reach their periods through {@code period_months}.
 */
public final class MembershipMeasures implements MeasureFamily {

    @Override
    public String kpiFamily() {
        return "membership";
    }

    @Override
    public Dataset<Row> measures(Inputs in) {
        return SqlStage.run("membership_measures",
                Map.of("member_events", in.ingested().memberEvents(), "org_units", in.ingested().orgUnits(),
                        "balance_checks", in.balanceChecks(), "org_grain", in.orgGrain(), "period_months", in.periodMonths(),
                        "calendar", in.calendar()),
                Map.of("period_at_grain", PERIOD_AT_GRAIN));
    }
}
