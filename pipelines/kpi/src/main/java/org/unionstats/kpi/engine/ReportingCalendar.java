package org.unionstats.kpi.engine;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.unionstats.period.Period;
import org.unionstats.period.PeriodType;

/**
 * Every reporting period (month, quarter, half-year, year) between two quarters, with its
 * bounds and the periods it is compared with. KPIs are computed for each of them.
 */
public final class ReportingCalendar {

    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_type", DataTypes.StringType, false)
            .add("start_date", DataTypes.DateType, false)
            .add("end_date", DataTypes.DateType, false)
            .add("previous_period", DataTypes.StringType, false)
            .add("year_ago_period", DataTypes.StringType, false);

    private final List<Period> periods;

    public ReportingCalendar(Period firstQuarter, Period lastQuarter) {
        List<Period> all = new ArrayList<>();
        for (PeriodType type : PeriodType.values()) {
            Period from = Period.containing(type, firstQuarter.start());
            Period to = Period.containing(type, lastQuarter.end());
            all.addAll(Period.range(from, to));
        }
        all.sort(null);
        this.periods = List.copyOf(all);
    }

    /** The calendar over the quarters the ingested record tables' submission periods span; empty when nothing is ingested. */
    public static Optional<ReportingCalendar> spanning(IngestedTables ingested) {
        List<Period> quarters = new ArrayList<>();
        for (Row r : SqlStage.run("data_periods", Map.of("member_events", ingested.memberEvents(), "hardship_cases",
                ingested.hardshipCases(), "indicator_reports", ingested.indicatorReports(), "competitions", ingested.competitions(),
                "org_units", ingested.orgUnits())).collectAsList()) {
            Period p = Period.parse(r.getString(0));
            quarters.add(Period.containing(PeriodType.QUARTER, p.start()));
            quarters.add(Period.containing(PeriodType.QUARTER, p.end()));
        }
        List<Period> sorted = quarters.stream().distinct().sorted().toList();
        return sorted.isEmpty() ? Optional.empty() : Optional.of(new ReportingCalendar(sorted.get(0), sorted.get(sorted.size() - 1)));
    }

    public List<Period> periods() {
        return periods;
    }

    public Dataset<Row> toDataFrame(SparkSession spark) {
        List<Row> rows = new ArrayList<>();
        for (Period p : periods) {
            rows.add(RowFactory.create(p.canonical(), p.type().code(), Date.valueOf(p.start()), Date.valueOf(p.end()),
                    p.previous().canonical(), p.yearAgo().canonical()));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    /** The periods a change to these (submission) periods affects: every period that overlaps them, and all later ones for stocks. */
    public List<Period> affectedBy(List<Period> changed) {
        LocalDate earliest = changed.stream().map(Period::start).min(LocalDate::compareTo).orElseThrow();
        return periods.stream().filter(p -> !p.end().isBefore(earliest)).toList();
    }
}
