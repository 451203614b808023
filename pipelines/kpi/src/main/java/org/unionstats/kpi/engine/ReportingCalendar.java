package org.unionstats.kpi.engine;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
 * bounds and the periods it is compared with. KPIs are computed for each of them, from measures
 * computed per month and mapped to the periods containing each month ({@link #periodMonths}).
 */
public final class ReportingCalendar {

    public static final StructType SCHEMA = new StructType()
            .add("period", DataTypes.StringType, false)
            .add("period_type", DataTypes.StringType, false)
            .add("start_date", DataTypes.DateType, false)
            .add("end_date", DataTypes.DateType, false)
            .add("previous_period", DataTypes.StringType, false)
            .add("year_ago_period", DataTypes.StringType, false);

    public static final StructType PERIOD_MONTHS_SCHEMA = new StructType()
            .add("month", DataTypes.DateType, false)
            .add("period", DataTypes.StringType, false)
            .add("period_type", DataTypes.StringType, false)
            .add("first_month", DataTypes.BooleanType, false)
            .add("last_month", DataTypes.BooleanType, false);

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

    /**
     * The calendar over the quarters the ingested record tables' submission periods span; empty when nothing is
     * ingested. The periods are the tables' partitions, read from the file listing Spark already holds: a partition
     * exists only with rows (the ingest writes a period's files only when it has rows, and a withdrawn period's are
     * deleted), and scanning every row for them cost seconds a run.
     */
    public static Optional<ReportingCalendar> spanning(IngestedTables ingested) {
        List<Period> quarters = new ArrayList<>();
        for (String period : ingested.submissionPeriods()) {
            Period p = Period.parse(period);
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

    /**
     * Every month of the calendar's periods (its first day) once per period containing it: its month, quarter,
     * half-year and year, with whether it is the period's first or last month. Monthly measures reach their periods
     * through an equi-join on the month; a stock at a period's start or end is picked at its first or last month.
     * Only the periods given: measures are then computed for those periods alone.
     */
    public Dataset<Row> periodMonths(SparkSession spark, List<Period> computed) {
        List<Row> rows = new ArrayList<>();
        for (Period p : computed) {
            for (LocalDate month = p.start(); month.isBefore(p.end()); month = month.plusMonths(1)) {
                rows.add(RowFactory.create(Date.valueOf(month), p.canonical(), p.type().code(), month.equals(p.start()),
                        month.plusMonths(1).isAfter(p.end())));
            }
        }
        return spark.createDataFrame(rows, PERIOD_MONTHS_SCHEMA);
    }

    /**
     * The periods these are compared with and that are not among them, in calendar order: the one before (the
     * scorecard's change on the quarter) and the one a year earlier (year-on-year KPIs).
     */
    public List<Period> comparedWith(List<Period> written) {
        Set<Period> needed = new HashSet<>();
        written.forEach(p -> {
            needed.add(p.previous());
            needed.add(p.yearAgo());
        });
        written.forEach(needed::remove);
        return periods.stream().filter(needed::contains).toList();
    }

    /** The periods a change from this day on affects: every period that ends on or after it (later ones for the stocks). */
    public List<Period> affectedFrom(LocalDate earliest) {
        return periods.stream().filter(p -> !p.end().isBefore(earliest)).toList();
    }
}
