package org.unionstats.kpi.measures;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.unionstats.contract.Indicator;
import org.unionstats.contract.Indicators;
import org.unionstats.kpi.engine.RollUp;
import org.unionstats.kpi.engine.SqlStage;

/**
 * Indicator reports: flows are summed over the submission periods a reporting period encloses;
 * stocks take the value of the latest submission period it encloses, per reporting org, before the
 * units' values are summed. A period shorter than the submissions (a month of quarterly
 * reports) gets no value.
 */
public final class IndicatorMeasures implements MeasureFamily {

    @Override
    public String kpiFamily() {
        return "indicators";
    }

    @Override
    public Dataset<Row> measures(Inputs in) {
        return SqlStage.run("indicator_measures",
                Map.of("indicator_reports", in.ingested().indicatorReports(), "org_grain", in.orgGrain(), "calendar", in.calendar(),
                        "period_months", in.periodMonths()),
                Map.of("qualifier_rank", QUALIFIER_RANK, "period_at_grain", PERIOD_AT_GRAIN, "stock_indicators", stockIndicators(),
                        "indicator_columns", indicatorColumns()));
    }

    /** Each indicator's value and qualifier-rank columns, pivoted out of the reports (the measure {@code indicator:<id>}). */
    private static String indicatorColumns() {
        StringBuilder sql = new StringBuilder();
        for (Indicator indicator : Indicators.load().all()) {
            String id = SqlStage.quote(indicator.id());
            String column = RollUp.column("indicator:" + indicator.id());
            sql.append(", SUM(IF(c.indicator_id = ").append(id).append(", c.value, NULL)) AS m_").append(column)
                    .append(", MAX(IF(c.indicator_id = ").append(id).append(", c.qualifier_rank, NULL)) AS mq_").append(column);
        }
        return sql.toString();
    }

    /** Stock indicators take the latest value; their ids come from the indicator catalogue. */
    private static String stockIndicators() {
        return SqlStage.quoteAll(Indicators.load().all().stream().filter(Indicator::isStock).map(Indicator::id).toList());
    }
}
